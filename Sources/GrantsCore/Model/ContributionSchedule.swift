/// A partner's commitment to pay towards a commissioned service, year by year
/// (such as a council's £8,000 a year towards the IDVA service).
public struct ContributionSchedule: Hashable, Sendable {
    /// The amount due in one financial year.
    public struct Instalment: Hashable, Sendable {
        /// The financial year the instalment is due in.
        public let year: FinancialYear
        /// The amount due that year.
        public let amount: Money

        /// Creates the instalment due in one year.
        public init(year: FinancialYear, amount: Money) {
            self.year = year
            self.amount = amount
        }
    }

    /// The schedule's id, which withdrawals and receipts refer to.
    public let id: String
    /// The partner who pays, such as a district council.
    public let contributor: OrganisationID
    /// Who commissions the service and receives the money, normally the OPCC.
    public let recipient: OrganisationID
    /// The service paid towards, such as the IDVA service.
    public let service: String
    /// The day the partner committed to pay.
    public let committed: Day
    /// Why the partner contributes, in the words of the decision.
    public let reason: String
    /// One per financial year, in year order, no year twice.
    public let instalments: [Instalment]

    /// Creates a schedule; the ledger checks that it has at least one instalment and no year twice.
    public init(
        id: String, contributor: OrganisationID, recipient: OrganisationID, service: String, committed: Day,
        reason: String, instalments: [Instalment]
    ) {
        self.id = id
        self.contributor = contributor
        self.recipient = recipient
        self.service = service
        self.committed = committed
        self.reason = reason
        self.instalments = instalments
    }

    /// The sum of every instalment.
    public func total() throws(MoneyError) -> Money {
        try Money.sum(instalments.map(\.amount))
    }
}

/// A decision to stop a contribution: instalments for years starting on or after `effective` are no longer due.
public struct ContributionWithdrawal: Hashable, Sendable {
    /// The withdrawal's id, unique among contribution withdrawals.
    public let id: String
    /// The id of the contribution schedule withdrawn.
    public let schedule: String
    /// The day it takes effect: instalments of years that start on or after it are no longer due.
    public let effective: Day
    /// Why the contribution was withdrawn, in the words of the decision.
    public let reason: String

    /// Creates the withdrawal of a contribution schedule from a day on.
    public init(id: String, schedule: String, effective: Day, reason: String) {
        self.id = id
        self.schedule = schedule
        self.effective = effective
        self.reason = reason
    }

    /// Whether the withdrawal cancels the instalment for `year`.
    public func cancels(_ year: FinancialYear) -> Bool {
        year.firstDay >= effective
    }
}
