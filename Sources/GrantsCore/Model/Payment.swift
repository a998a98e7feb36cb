/// Money paid out against an award.
public struct Payment: Hashable, Sendable {
    public let id: String
    public let award: String
    /// The claim it pays, when paid against one.
    public let claim: String?
    public let amount: Money
    public let date: Day
    /// The finance system's reference, such as a remittance number.
    public let reference: String?

    public init(id: String, award: String, claim: String? = nil, amount: Money, date: Day, reference: String? = nil) {
        self.id = id
        self.award = award
        self.claim = claim
        self.amount = amount
        self.date = date
        self.reference = reference
    }
}
