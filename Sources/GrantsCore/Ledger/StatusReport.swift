/// What is budgeted, allocated, committed, paid and left, per fund and per CSP allocation, and what partners
/// have committed to contribute.
public struct StatusReport: Hashable, Sendable {
    /// The figures of one fund, or of one CSP's allocations within a fund.
    public struct Line: Hashable, Sendable {
        /// The fund the line is for, or that the partnership's allocations are in.
        public let fundID: String
        /// The fund's name as people read it.
        public let fundName: String
        /// The fund's scheme.
        public let scheme: Scheme
        /// The financial year of the fund.
        public let year: FinancialYear
        /// For a CSP line, the partnership; `nil` on a fund line.
        public let csp: OrganisationID?
        /// The partnership's name on a CSP line; `nil` on a fund line.
        public let cspName: String?
        /// The fund's amount, or the CSP's allocation.
        public let budget: Money
        /// On a fund line, what is allocated to CSPs; on a CSP line, equal to the budget.
        public let allocated: Money
        /// Awards made.
        public let committed: Money
        /// Payments made against those awards.
        public let paid: Money
        /// Underspend handed back after payment.
        public let returned: Money
        /// What the awards are expected to cost in the end: all of each open award, what was spent on each closed
        /// one (at most what was paid), nothing on a withdrawn one.
        public let forecast: Money
        /// Paid within the period asked for (a quarter, or the year to a day), when one was.
        public let paidInPeriod: Money?

        /// Creates a line from the figures the ledger has added up.
        public init(
            fundID: String, fundName: String, scheme: Scheme, year: FinancialYear, csp: OrganisationID?,
            cspName: String?, budget: Money, allocated: Money, committed: Money, paid: Money, returned: Money,
            forecast: Money = .zero, paidInPeriod: Money? = nil
        ) {
            self.fundID = fundID
            self.fundName = fundName
            self.scheme = scheme
            self.year = year
            self.csp = csp
            self.cspName = cspName
            self.budget = budget
            self.allocated = allocated
            self.committed = committed
            self.paid = paid
            self.returned = returned
            self.forecast = forecast
            self.paidInPeriod = paidInPeriod
        }

        /// Budget less forecast outturn: positive is an underspend.
        public func variance() throws(MoneyError) -> Money { try budget.subtracting(forecast) }

        /// The variance as hundredths of a per cent of the budget, rounded half away from zero: 1234 is 12.34%.
        public func variancePercent() throws(MoneyError) -> Int64? {
            guard budget.pence != 0 else { return nil }
            let variance = Int128(try variance().pence) * 10_000
            let budget = Int128(self.budget.pence)
            let rounded = (variance.magnitude * 2 + budget.magnitude) / (budget.magnitude * 2)
            return Int64(variance < 0 ? -Int128(rounded) : Int128(rounded))
        }

        /// What may still be committed: budget less committed.
        public func remaining() throws(MoneyError) -> Money { try budget.subtracting(committed) }
        /// Committed but not yet paid.
        public func outstanding() throws(MoneyError) -> Money { try committed.subtracting(paid) }
        /// Paid less underspend returned.
        public func netSpend() throws(MoneyError) -> Money { try paid.subtracting(returned) }
    }

    /// One year of one contribution schedule.
    public struct ContributionLine: Hashable, Sendable {
        /// The id of the contribution schedule.
        public let scheduleID: String
        /// The partner who pays.
        public let contributor: OrganisationID
        /// The partner's name as people read it.
        public let contributorName: String
        /// The commissioned service paid towards, such as the IDVA service.
        public let service: String
        /// The financial year of the instalment.
        public let year: FinancialYear
        /// The instalment due that year as scheduled, before any withdrawal.
        public let amount: Money
        /// The withdrawal that cancels this year's instalment, if any.
        public let withdrawn: ContributionWithdrawal?
        /// Received so far against this year.
        public let received: Money

        /// Creates a line from a schedule's instalment for one year, its withdrawal if any, and what has been received.
        public init(
            scheduleID: String, contributor: OrganisationID, contributorName: String, service: String,
            year: FinancialYear, amount: Money, withdrawn: ContributionWithdrawal?, received: Money = .zero
        ) {
            self.scheduleID = scheduleID
            self.contributor = contributor
            self.contributorName = contributorName
            self.service = service
            self.year = year
            self.amount = amount
            self.withdrawn = withdrawn
            self.received = received
        }

        /// The amount expected: nothing once withdrawn.
        public var expected: Money { withdrawn == nil ? amount : .zero }

        /// Expected less received (never below zero).
        public var outstanding: Money { Money(pence: max(0, expected.pence - received.pence)) }
    }

    /// What the report was asked for.
    public struct Scope: Hashable, Sendable {
        /// Only this financial year, or every year when `nil`.
        public let year: FinancialYear?
        /// Only this fund, or every fund when `nil`.
        public let fund: String?
        /// Only this partnership's allocations, or every partnership when `nil`.
        public let csp: OrganisationID?
        /// With a year, the quarter whose payments are shown as paid in the period.
        public let quarter: Quarter?
        /// The day the figures are as of, when one was asked for.
        public let asOf: Day?

        /// Creates a scope; with nothing given, the whole ledger as it stands.
        public init(
            year: FinancialYear? = nil, fund: String? = nil, csp: OrganisationID? = nil, quarter: Quarter? = nil,
            asOf: Day? = nil
        ) {
            self.year = year
            self.fund = fund
            self.csp = csp
            self.quarter = quarter
            self.asOf = asOf
        }

        /// The day the figures are as of: the day asked for; else the last day of the quarter or year asked for;
        /// else `nil`, for the ledger as it stands with every entry it holds.
        public var asOfDay: Day? {
            if let asOf { return asOf }
            if let year, let quarter { return year.days(of: quarter).upperBound }
            return year?.lastDay
        }

        /// The days of the quarter asked for, if any.
        public var period: ClosedRange<Day>? {
            guard let year, let quarter else { return nil }
            return year.days(of: quarter)
        }
    }

    /// What the report was asked for: which years, funds and partnerships it covers.
    public let scope: Scope
    /// One line per fund in scope, by year then id.
    public let funds: [Line]
    /// One line per CSP allocation total within a fund, by year, fund, then CSP name.
    public let csps: [Line]
    /// One line per contribution schedule and year, by year, contributor, then schedule id.
    public let contributions: [ContributionLine]

    /// Creates a report from the lines the ledger has added up.
    public init(scope: Scope, funds: [Line], csps: [Line], contributions: [ContributionLine]) {
        self.scope = scope
        self.funds = funds
        self.csps = csps
        self.contributions = contributions
    }
}
