/// A decision to grant money to a recipient for a project.
public struct Award: Hashable, Sendable {
    /// The award's id, which claims, payments, closures and underspend repayments refer to.
    public let id: String
    /// The bid it answers, when there was one.
    public let bid: String?
    /// The id of the fund the award is paid from.
    public let fund: String
    /// The CSP allocation it draws on; required for CSP grant awards, absent otherwise.
    public let allocation: String?
    /// The organisation that receives the money.
    public let recipient: OrganisationID
    /// The project's title, as spend returns and 360Giving publish it.
    public let title: String
    /// The amount granted: what the award commits of its allocation or fund.
    public let amount: Money
    /// The decision reference, such as `2017/81`.
    public let decision: String
    /// The day the award was made, published as the award date in returns.
    public let awardDate: Day
    /// The day the project is planned to start.
    public let plannedStart: Day
    /// The day the project is planned to end.
    public let plannedEnd: Day
    /// Police and crime plan priorities the project addresses.
    public let priorities: [Priority]
    /// What the money is for, as the commissioner's grant register publishes it.
    public let purpose: String?
    /// Why the commissioner considered the grant would secure or contribute to crime and disorder reduction, as the
    /// grant register publishes it (Elected Local Policing Bodies (Specified Information) Order 2011, 3(f)).
    public let reasons: String?
    /// The conditions attached to the grant.
    public let conditions: String?

    /// Creates an award; the ledger checks that it fits in its allocation or fund and that CSP grant awards name an
    /// allocation.
    public init(
        id: String, bid: String? = nil, fund: String, allocation: String? = nil, recipient: OrganisationID,
        title: String, amount: Money, decision: String, awardDate: Day, plannedStart: Day, plannedEnd: Day,
        priorities: [Priority], purpose: String? = nil, reasons: String? = nil, conditions: String? = nil
    ) {
        self.id = id
        self.bid = bid
        self.fund = fund
        self.allocation = allocation
        self.recipient = recipient
        self.title = title
        self.amount = amount
        self.decision = decision
        self.awardDate = awardDate
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.priorities = priorities
        self.purpose = purpose
        self.reasons = reasons
        self.conditions = conditions
    }
}
