/// Money paid on an award that the recipient did not spend and handed back.
public struct UnderspendReturn: Hashable, Sendable {
    public let id: String
    public let award: String
    public let amount: Money
    public let date: Day
    public let reason: String?

    public init(id: String, award: String, amount: Money, date: Day, reason: String? = nil) {
        self.id = id
        self.award = award
        self.amount = amount
        self.date = date
        self.reason = reason
    }
}
