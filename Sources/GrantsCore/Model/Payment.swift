/// Money paid out against an award.
public struct Payment: Hashable, Sendable {
    public let id: String
    public let award: String
    public let amount: Money
    public let date: Day
    /// The finance system's reference, such as a remittance number.
    public let reference: String?

    public init(id: String, award: String, amount: Money, date: Day, reference: String? = nil) {
        self.id = id
        self.award = award
        self.amount = amount
        self.date = date
        self.reference = reference
    }
}
