/// A partner's commitment to pay towards a commissioned service, year by year
/// (such as a council's £8,000 a year towards the IDVA service).
public struct ContributionSchedule: Hashable, Sendable {
    /// The amount due in one financial year.
    public struct Instalment: Hashable, Sendable {
        public let year: FinancialYear
        public let amount: Money

        public init(year: FinancialYear, amount: Money) {
            self.year = year
            self.amount = amount
        }
    }

    public let id: String
    public let contributor: OrganisationID
    /// Who commissions the service and receives the money, normally the OPCC.
    public let recipient: OrganisationID
    public let service: String
    public let committed: Day
    public let reason: String
    /// One per financial year, in year order, no year twice.
    public let instalments: [Instalment]

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
    public let id: String
    public let schedule: String
    public let effective: Day
    public let reason: String

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
