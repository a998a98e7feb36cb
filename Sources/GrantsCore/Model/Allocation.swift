/// A part of a fund set aside for one community safety partnership by a decision.
public struct Allocation: Hashable, Sendable {
    public let id: String
    public let fund: String
    public let csp: OrganisationID
    public let amount: Money
    /// The decision reference, such as `2017/81`.
    public let decision: String
    public let date: Day

    public init(id: String, fund: String, csp: OrganisationID, amount: Money, decision: String, date: Day) {
        self.id = id
        self.fund = fund
        self.csp = csp
        self.amount = amount
        self.decision = decision
        self.date = date
    }
}
