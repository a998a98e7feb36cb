/// What every return writer reads: the header, the award, payment and claim lines as sequences a writer may walk
/// more than once, and the small tables (contributions, funds, budgets) whole.
///
/// ``SpendReturn`` holds its lines in arrays; ``StreamedReturn`` reads them from the ledger a row at a time, so a
/// writer given one holds one line at a time however large the ledger.
public protocol SpendReturnContent {
    associatedtype Lines: Sequence<SpendReturn.AwardLine>
    associatedtype Payments: Sequence<SpendReturn.PaymentLine>
    associatedtype Claims: Sequence<SpendReturn.ClaimLine>

    /// Who the return is from, its period and scope, and the ledger it came from.
    var header: SpendReturn.Header { get }
    /// The funder's org-id and name, as the header gives them: for a writer that needs no more of the header, so
    /// that a streamed return does not read the whole history for its fingerprint.
    var funder: (id: String, name: String) { get }
    /// The period, as the header gives it.
    var period: SpendReturn.Period { get }
    /// By fund, then CSP, then award id.
    var lines: Lines { get }
    /// One line per contribution schedule and year; only in a return for every fund and partnership.
    var contributions: [SpendReturn.ContributionLine] { get }
    /// Every fund in scope, including those with no awards.
    var funds: [SpendReturn.FundRef] { get }
    /// The budget of every fund in scope, as `grants status` gives it as of the return's day.
    var fundBudgets: [StatusReport.Line] { get }
    /// The allocation of every partnership in scope, as `grants status` gives it.
    var partnershipBudgets: [StatusReport.Line] { get }
    /// The payments made within the period, by date and id.
    var payments: Payments { get }
    /// The claims made within the period, by date and id.
    var claims: Claims { get }
}

extension SpendReturn: SpendReturnContent {
    public var funder: (id: String, name: String) { (header.funderID, header.funderName) }
    public var period: Period { header.period }
}

extension SpendReturnContent {
    /// Totals per CSP (of lines that draw on a CSP allocation), then per fund, by key: one walk of the lines.
    public func totals() throws(MoneyError) -> [SpendReturn.Total] {
        var totals = SpendReturn.Totals(funds: funds)
        for line in lines { try totals.add(line) }
        return try totals.result()
    }
}

extension SpendReturn {
    /// Adds up award lines as they go by, a line at a time: the totals per CSP and per fund, and the grand total.
    /// What it keeps grows with the number of funds and partnerships, never with the number of lines.
    public struct Totals: Sendable {
        /// The running sums of one group of lines.
        public struct Sums: Sendable {
            public private(set) var awards = 0
            public private(set) var awarded = Money.zero
            public private(set) var released = Money.zero
            public private(set) var committed = Money.zero
            public private(set) var paidInPeriod = Money.zero
            public private(set) var paidToDate = Money.zero
            public private(set) var outstanding = Money.zero
            public private(set) var returned = Money.zero

            mutating func add(_ line: AwardLine) throws(MoneyError) {
                awards += 1
                awarded = try awarded.adding(line.awarded)
                released = try released.adding(line.released)
                committed = try committed.adding(line.committed)
                paidInPeriod = try paidInPeriod.adding(line.paidInPeriod)
                paidToDate = try paidToDate.adding(line.paidToDate)
                outstanding = try outstanding.adding(line.outstanding)
                returned = try returned.adding(line.returned)
            }
        }

        private struct CSPKey: Hashable, Comparable, Sendable {
            let fund: String
            let csp: String
            static func < (a: CSPKey, b: CSPKey) -> Bool { (a.fund, a.csp) < (b.fund, b.csp) }
        }

        private var byCSP: [CSPKey: (name: String, sums: Sums)] = [:]
        private var byFund: [String: Sums] = [:]
        private var fundNames: [String: String] = [:]
        /// Every line added so far, together.
        public private(set) var all = Sums()

        /// Ready to add lines; `funds` are the funds in scope, so a fund with no lines still has its (zero) total.
        public init(funds: [FundRef] = []) {
            for fund in funds { fundNames[fund.id] = fund.name }
        }

        /// Adds one line to its CSP's total (if it draws on an allocation), its fund's and the grand total.
        public mutating func add(_ line: AwardLine) throws(MoneyError) {
            if let csp = line.cspID {
                let key = CSPKey(fund: line.fundID, csp: csp)
                var entry = byCSP[key] ?? (line.cspName ?? "", Sums())
                try entry.sums.add(line)
                byCSP[key] = entry
            }
            try byFund[line.fundID, default: Sums()].add(line)
            fundNames[line.fundID] = line.fundName
            try all.add(line)
        }

        /// The totals per CSP, by fund and CSP id, then per fund, by id.
        public func result() throws(MoneyError) -> [Total] {
            var result: [Total] = []
            for key in byCSP.keys.sorted() {
                guard let entry = byCSP[key] else { continue }
                result.append(Self.total(.csp, key: key.csp, name: entry.name, fund: key.fund, entry.sums))
            }
            for key in fundNames.keys.sorted() {
                result.append(Self.total(.fund, key: key, name: fundNames[key] ?? key, fund: key, byFund[key] ?? Sums()))
            }
            return result
        }

        private static func total(_ level: Total.Level, key: String, name: String, fund: String, _ sums: Sums) -> Total {
            Total(
                level: level, key: key, name: name, fundID: fund, awards: sums.awards, awarded: sums.awarded,
                released: sums.released, committed: sums.committed, paidInPeriod: sums.paidInPeriod,
                paidToDate: sums.paidToDate, outstanding: sums.outstanding, returned: sums.returned)
        }
    }
}

/// What stopped a streamed return's reading early, shared by every walk of its rows and every part it reads late:
/// the first failure, kept for the ledger to throw once the return's writer is done.
public final class ReturnReadFailure {
    public private(set) var error: LedgerError?
    /// Whether the read the return belongs to has ended: anything read after it yields nothing.
    public private(set) var isClosed = false

    public init() {}

    public func record(_ error: LedgerError) {
        if self.error == nil { self.error = error }
    }

    /// Marks the read ended; called by the ledger once the closure it handed the return to returns.
    public func close() {
        isClosed = true
    }
}

/// Rows a ledger reads on demand: each walk runs the query again, in the read the return was made in, and hands
/// over one row at a time. A row that cannot be read ends the walk and is kept in the return's `ReturnReadFailure`.
public struct ReturnRows<Element>: Sequence {
    private let walk: () -> AnyIterator<Element>

    /// Rows made by `walk`, called afresh for each walk.
    public init(_ walk: @escaping () -> AnyIterator<Element>) {
        self.walk = walk
    }

    public func makeIterator() -> AnyIterator<Element> { walk() }
}

/// A value made the first time it is asked for, then kept.
public final class Deferred<Value> {
    private enum State {
        case pending(() -> Value)
        case made(Value)
    }

    private var state: State

    /// A value `make` makes when first asked for.
    public init(_ make: @escaping () -> Value) {
        state = .pending(make)
    }

    public var value: Value {
        switch state {
        case .made(let value):
            return value
        case .pending(let make):
            let value = make()
            state = .made(value)
            return value
        }
    }
}

/// A spend return whose award, payment and claim lines come from the ledger as they are read, and whose other parts
/// (the header's fingerprint, which reads the whole history, and the budgets and contributions, which are a status of
/// the year) are read the first time a writer asks for them. It is only valid inside the closure the ledger hands it
/// to (`LedgerStore.withSpendReturn`).
public struct StreamedReturn: SpendReturnContent {
    /// The funds', partnerships' and contributions' lines of the status the return shares its figures with.
    public struct Budgets {
        public let funds: [StatusReport.Line]
        public let partnerships: [StatusReport.Line]
        public let contributions: [SpendReturn.ContributionLine]

        public init(funds: [StatusReport.Line], partnerships: [StatusReport.Line], contributions: [SpendReturn.ContributionLine]) {
            self.funds = funds
            self.partnerships = partnerships
            self.contributions = contributions
        }
    }

    public let funder: (id: String, name: String)
    public let period: SpendReturn.Period
    public let lines: ReturnRows<SpendReturn.AwardLine>
    public let funds: [SpendReturn.FundRef]
    public let payments: ReturnRows<SpendReturn.PaymentLine>
    public let claims: ReturnRows<SpendReturn.ClaimLine>
    private let deferredHeader: Deferred<SpendReturn.Header>
    private let deferredBudgets: Deferred<Budgets>

    public var header: SpendReturn.Header { deferredHeader.value }
    public var contributions: [SpendReturn.ContributionLine] { deferredBudgets.value.contributions }
    public var fundBudgets: [StatusReport.Line] { deferredBudgets.value.funds }
    public var partnershipBudgets: [StatusReport.Line] { deferredBudgets.value.partnerships }

    /// Creates a streamed return; `header` and `budgets` are made when first asked for.
    public init(
        funder: (id: String, name: String), period: SpendReturn.Period, header: Deferred<SpendReturn.Header>,
        lines: ReturnRows<SpendReturn.AwardLine>, funds: [SpendReturn.FundRef], budgets: Deferred<Budgets>,
        payments: ReturnRows<SpendReturn.PaymentLine>, claims: ReturnRows<SpendReturn.ClaimLine>
    ) {
        self.funder = funder
        self.period = period
        self.deferredHeader = header
        self.lines = lines
        self.funds = funds
        self.deferredBudgets = budgets
        self.payments = payments
        self.claims = claims
    }

    /// The same return with every line read into memory.
    public func collected() -> SpendReturn {
        SpendReturn(
            header: header, lines: Array(lines), contributions: contributions, funds: funds, fundBudgets: fundBudgets,
            partnershipBudgets: partnershipBudgets, payments: Array(payments), claims: Array(claims))
    }
}
