/// A spend return for commissioners: for a period and scope, one line per award, totals per CSP and per fund
/// that equal `grants status` for the same scope, and contribution lines. Every writer (CSV, XML, XLSX, 360Giving)
/// writes this one value, so they all carry the same figures.
public struct SpendReturn: Hashable, Sendable {
    /// A financial year, a quarter of it, or the year to a day.
    public struct Period: Hashable, Sendable {
        /// The financial year the return is for.
        public let year: FinancialYear
        /// The quarter of that year, for a quarterly return.
        public let quarter: Quarter?
        /// For "year to date": the last day counted.
        public let asOf: Day?

        /// Creates a period: a whole year, a quarter of it (given `quarter`), or the year to a day (given `asOf`).
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

    /// Who the return is from, what it covers, and which state of the ledger it was made from.
    public struct Header: Hashable, Sendable {
        /// The funder's org-id, as 360Giving publishes it.
        public let funderID: String
        /// The funder's name, normally the OPCC's.
        public let funderName: String
        /// The period the return covers.
        public let period: Period
        /// `nil` for every fund.
        public let fund: String?
        /// `nil` for every CSP.
        public let csp: String?
        /// The day the figures are as of: the period's last day.
        public let asOf: Day
        /// Identifies the ledger the return came from: a hash of its whole history and the number of entries.
        public let fingerprint: String

        /// Creates a header from the return's scope and the ledger it was read from.
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

    /// One award in the return: who got it, from which fund and allocation, and what was awarded, paid and returned.
    public struct AwardLine: Hashable, Sendable {
        /// The award's id.
        public let awardID: String
        /// The decision reference of the award, such as `2017/81`.
        public let decision: String
        /// The project's title.
        public let title: String
        /// The recipient's org-id.
        public let recipientID: String
        /// The recipient's name.
        public let recipientName: String
        /// The recipient's Charity Commission number, when registered.
        public let charityNumber: String?
        /// The recipient's Companies House number, when incorporated.
        public let companyNumber: String?
        /// The org-id of the partnership whose allocation the award draws on; `nil` for an award made from a fund
        /// directly.
        public let cspID: String?
        /// The partnership's name; `nil` for an award made from a fund directly.
        public let cspName: String?
        /// The CSP's area code (ONS), for 360Giving's beneficiary location.
        public let cspLocationCode: String?
        /// The id of the fund the award is paid from.
        public let fundID: String
        /// The fund's name.
        public let fundName: String
        /// The fund's scheme.
        public let scheme: Scheme
        /// The police and crime plan priorities the project addresses, as slugs such as `hate-crime`.
        public let priorities: [String]
        /// The day the award was made.
        public let awardDate: Day
        /// The day the project is planned to start.
        public let plannedStart: Day
        /// The day the project is planned to end.
        public let plannedEnd: Day
        /// Where the award stands: awarded, claiming, closed or withdrawn.
        public let state: AwardState
        /// The amount awarded.
        public let awarded: Money
        /// Released by a close or a withdrawal: awarded less released is what stays committed.
        public let released: Money
        /// Paid on the award within the period.
        public let paidInPeriod: Money
        /// Paid on the award up to the period's last day (every payment, for a whole-year return).
        public let paidToDate: Money
        /// Awarded less released less paid to date.
        public let outstanding: Money
        /// Underspend the recipient handed back.
        public let returned: Money
        /// What kind of organisation the recipient is; `nil` when not known.
        public let recipientKind: OrganisationKind?
        /// The recipient's area code (ONS), when the ledger holds one.
        public let recipientLocationCode: String?
        /// The name of the local authority whose area `recipientLocationCode` is, when the ledger holds one.
        public let recipientLocationName: String?
        /// The name of the local authority whose area `cspLocationCode` is, when the ledger holds one.
        public let cspLocationName: String?
        /// What the bid behind the award asked for; `nil` for an award made without a bid.
        public let amountAppliedFor: Money?
        /// Whether the recipient is sensitive: files for the public name it by `recipientPublishedAs` and give no
        /// location or register number.
        public let recipientSensitive: Bool
        /// The name files for the public give a sensitive recipient.
        public let recipientPublishedAs: String?
        /// What the money is for, the reasons it should reduce crime and disorder, and its conditions: the grant
        /// register's columns.
        public let purpose: String?
        public let reasons: String?
        public let conditions: String?

        /// Creates an award line from the ledger's figures.
        public init(
            awardID: String, decision: String, title: String, recipientID: String, recipientName: String,
            charityNumber: String?, companyNumber: String?, cspID: String?, cspName: String?, cspLocationCode: String?,
            fundID: String, fundName: String, scheme: Scheme, priorities: [String], awardDate: Day, plannedStart: Day,
            plannedEnd: Day, state: AwardState, awarded: Money, released: Money, paidInPeriod: Money,
            paidToDate: Money, outstanding: Money, returned: Money, recipientKind: OrganisationKind? = nil,
            recipientLocationCode: String? = nil, recipientLocationName: String? = nil, cspLocationName: String? = nil,
            amountAppliedFor: Money? = nil, recipientSensitive: Bool = false, recipientPublishedAs: String? = nil,
            purpose: String? = nil, reasons: String? = nil, conditions: String? = nil
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
            self.recipientKind = recipientKind
            self.recipientLocationCode = recipientLocationCode
            self.recipientLocationName = recipientLocationName
            self.cspLocationName = cspLocationName
            self.amountAppliedFor = amountAppliedFor
            self.recipientSensitive = recipientSensitive
            self.recipientPublishedAs = recipientPublishedAs
            self.purpose = purpose
            self.reasons = reasons
            self.conditions = conditions
        }

        /// The recipient as files for the public name it: its name, or a sensitive recipient's published name.
        public var publicRecipientName: String {
            guard recipientSensitive else { return recipientName }
            return recipientPublishedAs.flatMap { $0.isEmpty ? nil : $0 } ?? "Name withheld"
        }

        /// What stays committed: awarded less released. Both are stored, non-negative figures with released never
        /// more than awarded, so the difference always fits.
        public var committed: Money { Money(pence: awarded.pence &- released.pence) }
    }

    /// The sum of award lines for one CSP or one fund.
    public struct Total: Hashable, Sendable {
        /// Whether a total is for one partnership's awards within a fund or for all of a fund's awards.
        public enum Level: String, Hashable, Sendable {
            /// A total for one partnership within a fund, or for a whole fund.
            case csp, fund
        }

        /// Whether this is a partnership's total or a fund's.
        public let level: Level
        /// The partnership's org-id on a CSP total, the fund's id on a fund total.
        public let key: String
        /// The partnership's or the fund's name.
        public let name: String
        /// The fund the total is within.
        public let fundID: String
        /// How many award lines are added up.
        public let awards: Int
        /// The lines' amounts awarded, added up.
        public let awarded: Money
        /// The lines' amounts released by closures and withdrawals, added up.
        public let released: Money
        /// The lines' committed amounts (awarded less released), added up: what `grants status` shows as committed.
        public let committed: Money
        /// The lines' payments within the period, added up.
        public let paidInPeriod: Money
        /// The lines' payments to date, added up.
        public let paidToDate: Money
        /// The lines' outstanding amounts, added up.
        public let outstanding: Money
        /// The lines' underspend handed back, added up.
        public let returned: Money

        /// Creates a total from figures already added up; `totals()` makes them from the lines.
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

    /// One year of a partner's contribution to a commissioned service: what was expected, received and is outstanding.
    public struct ContributionLine: Hashable, Sendable {
        /// The id of the contribution schedule.
        public let contributionID: String
        /// The contributor's org-id.
        public let contributorID: String
        /// The contributor's name.
        public let contributorName: String
        /// The commissioned service paid towards, such as the IDVA service.
        public let service: String
        /// The financial year of the instalment.
        public let year: FinancialYear
        /// The instalment due that year: nothing once the contribution is withdrawn.
        public let expected: Money
        /// What has been received against that year.
        public let received: Money
        /// Expected less received, never below zero.
        public let outstanding: Money
        /// The instalment as scheduled, before any withdrawal.
        public let scheduled: Money
        /// The day the withdrawal that cancels this instalment took effect, if it was withdrawn by the return's day.
        public let withdrawnOn: Day?
        /// Why it was withdrawn.
        public let withdrawalReason: String?

        /// Creates a contribution line from the ledger's status figures.
        public init(
            contributionID: String, contributorID: String, contributorName: String, service: String,
            year: FinancialYear, expected: Money, received: Money, outstanding: Money, scheduled: Money? = nil,
            withdrawnOn: Day? = nil, withdrawalReason: String? = nil
        ) {
            self.contributionID = contributionID
            self.contributorID = contributorID
            self.contributorName = contributorName
            self.service = service
            self.year = year
            self.expected = expected
            self.received = received
            self.outstanding = outstanding
            self.scheduled = scheduled ?? expected
            self.withdrawnOn = withdrawnOn
            self.withdrawalReason = withdrawalReason
        }
    }

    /// A payment made within the period: when, how much, on which award and claim, and the remittance reference
    /// the recipient sees on their bank statement.
    public struct PaymentLine: Hashable, Sendable {
        public let paymentID: String
        public let awardID: String
        public let claimID: String?
        public let date: Day
        public let amount: Money
        public let reference: String?

        /// Creates a payment line.
        public init(paymentID: String, awardID: String, claimID: String?, date: Day, amount: Money, reference: String?) {
            self.paymentID = paymentID
            self.awardID = awardID
            self.claimID = claimID
            self.date = date
            self.amount = amount
            self.reference = reference
        }
    }

    /// A claim made within the period: the work it covers, what it asks for, and the payment that settled it by the
    /// return's day, if any.
    public struct ClaimLine: Hashable, Sendable {
        public let claimID: String
        public let awardID: String
        public let periodStart: Day
        public let periodEnd: Day
        public let date: Day
        public let amount: Money
        /// The payment that settled it, by the return's day.
        public let paidBy: String?

        /// Creates a claim line.
        public init(
            claimID: String, awardID: String, periodStart: Day, periodEnd: Day, date: Day, amount: Money, paidBy: String?
        ) {
            self.claimID = claimID
            self.awardID = awardID
            self.periodStart = periodStart
            self.periodEnd = periodEnd
            self.date = date
            self.amount = amount
            self.paidBy = paidBy
        }
    }

    /// A fund in the return's scope, named so that a fund with no awards still has its (zero) total.
    public struct FundRef: Hashable, Sendable {
        /// The fund's id.
        public let id: String
        /// The fund's name.
        public let name: String

        /// Names a fund in the return's scope.
        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Who the return is from, its period and scope, and the ledger it came from.
    public let header: Header
    /// By fund, then CSP, then award id.
    public let lines: [AwardLine]
    /// One line per contribution schedule and year; only in a return for every fund and partnership.
    public let contributions: [ContributionLine]
    /// Every fund in scope, including those with no awards.
    public let funds: [FundRef]
    /// The budget of every fund in scope, as `grants status` gives it as of the return's day: budget, allocated,
    /// committed, paid, returned, forecast; remaining and variance follow from them.
    public let fundBudgets: [StatusReport.Line]
    /// The allocation of every partnership in scope, those with no awards too, as `grants status` gives it.
    public let partnershipBudgets: [StatusReport.Line]
    /// The payments made within the period, by date and id.
    public let payments: [PaymentLine]
    /// The claims made within the period, by date and id.
    public let claims: [ClaimLine]

    /// Creates a return; the ledger makes it with its lines already in order.
    public init(
        header: Header, lines: [AwardLine], contributions: [ContributionLine], funds: [FundRef] = [],
        fundBudgets: [StatusReport.Line] = [], partnershipBudgets: [StatusReport.Line] = [],
        payments: [PaymentLine] = [], claims: [ClaimLine] = []
    ) {
        self.header = header
        self.lines = lines
        self.contributions = contributions
        self.funds = funds
        self.fundBudgets = fundBudgets
        self.partnershipBudgets = partnershipBudgets
        self.payments = payments
        self.claims = claims
    }
}
