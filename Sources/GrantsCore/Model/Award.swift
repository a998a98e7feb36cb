/// A decision to grant money to a recipient for a project.
public struct Award: Hashable, Sendable {
    public let id: String
    /// The bid it answers, when there was one.
    public let bid: String?
    public let fund: String
    /// The CSP allocation it draws on; required for CSP grant awards, absent otherwise.
    public let allocation: String?
    public let recipient: OrganisationID
    public let title: String
    public let amount: Money
    /// The decision reference, such as `2017/81`.
    public let decision: String
    public let awardDate: Day
    public let plannedStart: Day
    public let plannedEnd: Day
    /// Police and crime plan priorities the project addresses.
    public let priorities: [Priority]

    public init(
        id: String, bid: String? = nil, fund: String, allocation: String? = nil, recipient: OrganisationID,
        title: String, amount: Money, decision: String, awardDate: Day, plannedStart: Day, plannedEnd: Day,
        priorities: [Priority]
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
    }
}
