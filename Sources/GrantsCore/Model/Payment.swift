/// Money paid out against an award.
public struct Payment: Hashable, Sendable {
    /// The payment's id, unique among payments.
    public let id: String
    /// The id of the award paid.
    public let award: String
    /// The claim it pays, when paid against one.
    public let claim: String?
    /// The amount paid; the ledger refuses payments beyond the award.
    public let amount: Money
    /// The day the money was paid, which places it in a quarter for returns.
    public let date: Day
    /// The finance system's reference, such as a remittance number.
    public let reference: String?

    /// Creates a payment against an award, and against one of its claims when there is one.
    public init(id: String, award: String, claim: String? = nil, amount: Money, date: Day, reference: String? = nil) {
        self.id = id
        self.award = award
        self.claim = claim
        self.amount = amount
        self.date = date
        self.reference = reference
    }
}
