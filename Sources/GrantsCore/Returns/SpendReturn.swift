/// A spend return for commissioners: for a period and scope, one line per award, totals per CSP and per fund
/// that equal `grants status` for the same scope, and contribution lines. Every writer (CSV, XML, XLSX, 360Giving)
/// writes this one value, so they all carry the same figures.
public struct SpendReturn: Hashable, Sendable {
    /// A financial year, a quarter of it, or the year to a day.
    public struct Period: Hashable, Sendable {
        public let year: FinancialYear
        public let quarter: Quarter?
        /// For "year to date": the last day counted.
        public let asOf: Day?

        public init(year: FinancialYear, quarter: Quarter? = nil, asOf: Day? = nil) {
            self.year = year
            self.quarter = quarter
            self.asOf = asOf
        }

        /// The first and last day whose payments count as "in the period".
        public var days: ClosedRange<Day> {
            if let quarter { return year.days(of: quarter) }
            if let asOf { return year.firstDay...max(year.firstDay, asOf) }
            return year.firstDay...year.lastDay
        }

        /// `2017/18`, `2017/18 Q2`, `2017/18 to 2017-12-31`.
        public var label: String {
            if let quarter { return "\(year.label) \(quarter.rawValue)" }
            if let asOf { return "\(year.label) to \(asOf)" }
            return year.label
        }
    }

    public struct Header: Hashable, Sendable {
        public let funderID: String
        public let funderName: String
        public let period: Period
        /// `nil` for every fund.
        public let fund: String?
        /// `nil` for every CSP.
        public let csp: String?
        /// The day the figures are as of: the period's last day.
        public let asOf: Day
        /// Identifies the ledger the return came from: a hash of its whole history and the number of entries.
        public let fingerprint: String

        public init(
            funderID: String, funderName: String, period: Period, fund: String?, csp: String?, asOf: Day,
            fingerprint: String
        ) {
            self.funderID = funderID
            self.funderName = funderName
            self.period = period
            self.fund = fund
            self.csp = csp
            self.asOf = asOf
            self.fingerprint = fingerprint
        }
    }

    public struct AwardLine: Hashable, Sendable {
        public let awardID: String
        public let decision: String
        public let title: String
        public let recipientID: String
        public let recipientName: String
        public let charityNumber: String?
        public let companyNumber: String?
        public let cspID: String?
        public let cspName: String?
        /// The CSP's area code (ONS), for 360Giving's beneficiary location.
        public let cspLocationCode: String?
        public let fundID: String
        public let fundName: String
        public let scheme: Scheme
        public let priorities: [String]
        public let awardDate: Day
        public let plannedStart: Day
        public let plannedEnd: Day
        public let state: AwardState
        public let awarded: Money
        /// Released by a close or a withdrawal: awarded less released is what stays committed.
        public let released: Money
        public let paidInPeriod: Money
        public let paidToDate: Money
        /// Awarded less released less paid to date.
        public let outstanding: Money
        public let returned: Money

        public init(
            awardID: String, decision: String, title: String, recipientID: String, recipientName: String,
            charityNumber: String?, companyNumber: String?, cspID: String?, cspName: String?, cspLocationCode: String?,
            fundID: String, fundName: String, scheme: Scheme, priorities: [String], awardDate: Day, plannedStart: Day,
            plannedEnd: Day, state: AwardState, awarded: Money, released: Money, paidInPeriod: Money,
            paidToDate: Money, outstanding: Money, returned: Money
        ) {
            self.awardID = awardID
            self.decision = decision
            self.title = title
            self.recipientID = recipientID
            self.recipientName = recipientName
            self.charityNumber = charityNumber
            self.companyNumber = companyNumber
            self.cspID = cspID
            self.cspName = cspName
            self.cspLocationCode = cspLocationCode
            self.fundID = fundID
            self.fundName = fundName
            self.scheme = scheme
            self.priorities = priorities
            self.awardDate = awardDate
            self.plannedStart = plannedStart
            self.plannedEnd = plannedEnd
            self.state = state
            self.awarded = awarded
            self.released = released
            self.paidInPeriod = paidInPeriod
            self.paidToDate = paidToDate
            self.outstanding = outstanding
            self.returned = returned
        }

        /// What stays committed: awarded less released.
        public var committed: Money { Money(pence: awarded.pence - released.pence) }
    }

    /// The sum of award lines for one CSP or one fund.
    public struct Total: Hashable, Sendable {
        public enum Level: String, Hashable, Sendable {
            case csp, fund
        }

        public let level: Level
        public let key: String
        public let name: String
        public let fundID: String
        public let awards: Int
        public let awarded: Money
        public let released: Money
        public let committed: Money
        public let paidInPeriod: Money
        public let paidToDate: Money
        public let outstanding: Money
        public let returned: Money

        public init(
            level: Level, key: String, name: String, fundID: String, awards: Int, awarded: Money, released: Money,
            committed: Money, paidInPeriod: Money, paidToDate: Money, outstanding: Money, returned: Money
        ) {
            self.level = level
            self.key = key
            self.name = name
            self.fundID = fundID
            self.awards = awards
            self.awarded = awarded
            self.released = released
            self.committed = committed
            self.paidInPeriod = paidInPeriod
            self.paidToDate = paidToDate
            self.outstanding = outstanding
            self.returned = returned
        }
    }

    public struct ContributionLine: Hashable, Sendable {
        public let contributionID: String
        public let contributorID: String
        public let contributorName: String
        public let service: String
        public let year: FinancialYear
        public let expected: Money
        public let received: Money
        public let outstanding: Money

        public init(
            contributionID: String, contributorID: String, contributorName: String, service: String,
            year: FinancialYear, expected: Money, received: Money, outstanding: Money
        ) {
            self.contributionID = contributionID
            self.contributorID = contributorID
            self.contributorName = contributorName
            self.service = service
            self.year = year
            self.expected = expected
            self.received = received
            self.outstanding = outstanding
        }
    }

    /// A fund in the return's scope, named so that a fund with no awards still has its (zero) total.
    public struct FundRef: Hashable, Sendable {
        public let id: String
        public let name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public let header: Header
    /// By fund, then CSP, then award id.
    public let lines: [AwardLine]
    public let contributions: [ContributionLine]
    /// Every fund in scope, including those with no awards.
    public let funds: [FundRef]

    public init(header: Header, lines: [AwardLine], contributions: [ContributionLine], funds: [FundRef] = []) {
        self.header = header
        self.lines = lines
        self.contributions = contributions
        self.funds = funds
    }

    /// Totals per CSP (of lines that draw on a CSP allocation), then per fund, by key.
    public func totals() throws(MoneyError) -> [Total] {
        var result: [Total] = []
        let byCSP = Dictionary(grouping: lines.filter { $0.cspID != nil }) { "\($0.fundID)\u{0}\($0.cspID ?? "")" }
        for key in byCSP.keys.sorted() {
            guard let group = byCSP[key], let first = group.first else { continue }
            result.append(try Self.total(.csp, key: first.cspID ?? "", name: first.cspName ?? "", fund: first.fundID, group))
        }
        let byFund = Dictionary(grouping: lines, by: \.fundID)
        var names: [String: String] = [:]
        for fund in funds { names[fund.id] = fund.name }
        for line in lines { names[line.fundID] = line.fundName }
        for key in names.keys.sorted() {
            result.append(try Self.total(.fund, key: key, name: names[key] ?? key, fund: key, byFund[key] ?? []))
        }
        return result
    }

    private static func total(_ level: Total.Level, key: String, name: String, fund: String, _ group: [AwardLine])
        throws(MoneyError) -> Total
    {
        Total(
            level: level, key: key, name: name, fundID: fund, awards: group.count,
            awarded: try Money.sum(group.map(\.awarded)), released: try Money.sum(group.map(\.released)),
            committed: try Money.sum(group.map(\.committed)), paidInPeriod: try Money.sum(group.map(\.paidInPeriod)),
            paidToDate: try Money.sum(group.map(\.paidToDate)), outstanding: try Money.sum(group.map(\.outstanding)),
            returned: try Money.sum(group.map(\.returned)))
    }
}
