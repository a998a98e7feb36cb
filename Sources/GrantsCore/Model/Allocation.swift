/// A part of a fund set aside for one community safety partnership by a decision.
public struct Allocation: Hashable, Sendable {
    /// The allocation's id, which awards and allocation changes refer to.
    public let id: String
    /// The id of the fund the money is set aside from.
    public let fund: String
    /// The community safety partnership the money is set aside for.
    public let csp: OrganisationID
    /// The amount set aside by the decision, before any later change.
    public let amount: Money
    /// The decision reference, such as `2017/81`.
    public let decision: String
    /// The day of the decision.
    public let date: Day

    /// Creates an allocation; the ledger checks that it fits in what is left of its fund.
    public init(id: String, fund: String, csp: OrganisationID, amount: Money, decision: String, date: Day) {
        self.id = id
        self.fund = fund
        self.csp = csp
        self.amount = amount
        self.decision = decision
        self.date = date
    }
}
