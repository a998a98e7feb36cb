/// What stands between a financial year and its close: awards still open, claims unpaid, underspend still owed,
/// and allocations not fully committed.
public struct YearEndReport: Hashable, Sendable {
    /// An award neither closed nor withdrawn.
    public struct OpenAward: Hashable, Sendable {
        /// The award's id.
        public let award: String
        /// The fund it draws on.
        public let fund: String
        /// The recipient's name.
        public let recipient: String
        /// Awarded or claiming.
        public let state: AwardState
        /// What was awarded.
        public let amount: Money
        /// What has been paid on it so far.
        public let paid: Money

        /// An open award with its figures.
        public init(award: String, fund: String, recipient: String, state: AwardState, amount: Money, paid: Money) {
            self.award = award
            self.fund = fund
            self.recipient = recipient
            self.state = state
            self.amount = amount
            self.paid = paid
        }
    }

    /// A claim with no payment against it.
    public struct UnpaidClaim: Hashable, Sendable {
        /// The claim's id.
        public let claim: String
        /// The award it claims on.
        public let award: String
        /// What it claims.
        public let amount: Money
        /// The day it was made.
        public let date: Day

        /// An unpaid claim.
        public init(claim: String, award: String, amount: Money, date: Day) {
            self.claim = claim
            self.award = award
            self.amount = amount
            self.date = date
        }
    }

    /// Underspend owed back on a closed award and not yet all repaid.
    public struct Owed: Hashable, Sendable {
        /// The award's id.
        public let award: String
        /// The recipient's name.
        public let recipient: String
        /// What its closure says is owed back.
        public let owed: Money
        /// What has come back so far.
        public let returned: Money

        /// What is still to come back: owed less returned (never overflows: both are stored figures, returned ≤ owed).
        public var stillOwed: Money { Money(pence: owed.pence &- returned.pence) }

        /// Underspend still owed.
        public init(award: String, recipient: String, owed: Money, returned: Money) {
            self.award = award
            self.recipient = recipient
            self.owed = owed
            self.returned = returned
        }
    }

    /// A CSP's allocations in a fund that are not all committed to awards.
    public struct Uncommitted: Hashable, Sendable {
        /// The fund's id.
        public let fund: String
        /// The CSP's name.
        public let csp: String
        /// What the CSP was allocated in the fund.
        public let allocated: Money
        /// What awards commit of it.
        public let committed: Money

        /// What is left uncommitted: allocated less committed (committed never exceeds allocated in a stored ledger).
        public var uncommitted: Money { Money(pence: allocated.pence &- committed.pence) }

        /// An allocation not fully committed.
        public init(fund: String, csp: String, allocated: Money, committed: Money) {
            self.fund = fund
            self.csp = csp
            self.allocated = allocated
            self.committed = committed
        }
    }

    /// The financial year.
    public let year: FinancialYear
    /// The day the year was closed, if it has been.
    public let closedOn: Day?
    /// Awards still open.
    public let openAwards: [OpenAward]
    /// Claims not yet paid.
    public let unpaidClaims: [UnpaidClaim]
    /// Underspend still owed back.
    public let underspendOwed: [Owed]
    /// Allocations not fully committed (they do not keep the year open; the money lapses).
    public let uncommitted: [Uncommitted]

    /// The report for a year.
    public init(
        year: FinancialYear, closedOn: Day?, openAwards: [OpenAward], unpaidClaims: [UnpaidClaim],
        underspendOwed: [Owed], uncommitted: [Uncommitted]
    ) {
        self.year = year
        self.closedOn = closedOn
        self.openAwards = openAwards
        self.unpaidClaims = unpaidClaims
        self.underspendOwed = underspendOwed
        self.uncommitted = uncommitted
    }

    /// Whether the year may close: not closed already, no award open, no claim unpaid, no underspend still owed.
    public var canClose: Bool { closedOn == nil && openAwards.isEmpty && unpaidClaims.isEmpty && underspendOwed.isEmpty }

    /// Whether the year is still open and something keeps it so (what a year-end check fails on).
    public var isHeldOpen: Bool { closedOn == nil && !canClose }

    /// How many things keep the year open.
    public var openCount: Int { openAwards.count + unpaidClaims.count + underspendOwed.count }

    /// One line for each thing that keeps the year open.
    public var openItems: [String] {
        openAwards.map { "award \($0.award) is \($0.state.rawValue)" }
            + unpaidClaims.map { "claim \($0.claim) is unpaid" }
            + underspendOwed.map { "award \($0.award) owes \($0.stillOwed.formatted) back" }
    }
}
