import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// One lifecycle entry, written as plainly as a finance officer would say it, that becomes a typed `LedgerBatch`.
/// Amounts are "1234.56" strings and dates "2017-10-16", as in ledger files.
enum Step: Hashable, Sendable, CustomStringConvertible {
    case allocation(String, amount: String, fund: String = "CSP-2017-18", csp: String = "360G-Test-CSP-SR")
    /// An award on an allocation of CSP-2017-18, or (with `allocation: nil, fund: "CAF-2017-18"`) a direct award.
    case award(
        String, amount: String, allocation: String? = "ALLOC-SR", fund: String = "CSP-2017-18",
        date: String = "2017-07-03", recipient: String = "GB-LAE-SRI")
    case claim(
        String, award: String, amount: String, date: String = "2017-10-02", from: String = "2017-07-10",
        to: String = "2017-09-30")
    case payment(String, award: String, claim: String? = nil, amount: String, date: String = "2017-10-16")
    case closure(String, award: String, spent: String, date: String = "2018-04-10")
    case withdrawal(String, award: String, date: String = "2017-08-01", reason: String = "project cancelled")
    case underspend(String, award: String, amount: String, date: String = "2018-04-20")
    case contribution(String, years: [String: String], contributor: String = "GB-LAE-SRI")
    case receipt(String, contribution: String, year: String, amount: String, date: String = "2017-06-30")
    case yearClosure(String, date: String = "2018-05-31")
    case fund(String, scheme: Scheme, year: String, amount: String)

    var description: String {
        switch self {
        case .allocation(let id, let amount, _, _): "allocate \(id) \(amount)"
        case .award(let id, let amount, let allocation, let fund, _, _): "award \(id) \(amount) on \(allocation ?? fund)"
        case .claim(let id, let award, let amount, let date, _, _): "claim \(id) \(amount) on \(award) dated \(date)"
        case .payment(let id, let award, let claim, let amount, let date):
            "pay \(id) \(amount) on \(award)\(claim.map { " for \($0)" } ?? "") dated \(date)"
        case .closure(let id, let award, let spent, _): "close \(award) (\(id)) spent \(spent)"
        case .withdrawal(let id, let award, _, _): "withdraw \(award) (\(id))"
        case .underspend(let id, let award, let amount, _): "return \(amount) on \(award) (\(id))"
        case .contribution(let id, _, _): "contribution \(id)"
        case .receipt(let id, let contribution, let year, let amount, _): "receive \(amount) on \(contribution) \(year) (\(id))"
        case .yearClosure(let year, _): "close the year \(year)"
        case .fund(let id, _, let year, let amount): "fund \(id) \(year) \(amount)"
        }
    }

    /// The award the step is on, if it is on one.
    var award: String? {
        switch self {
        case .award(let id, _, _, _, _, _): id
        case .claim(_, let award, _, _, _, _), .payment(_, let award, _, _, _), .closure(_, let award, _, _),
            .withdrawal(_, let award, _, _), .underspend(_, let award, _, _):
            award
        default: nil
        }
    }

    /// The step as a batch of one entry.
    func batch() throws -> LedgerBatch {
        var b = LedgerBatch()
        switch self {
        case .allocation(let id, let amount, let fund, let csp):
            b.allocations = [Sourced(Allocation(
                id: id, fund: fund, csp: try org(csp), amount: try money(amount), decision: "2017/12",
                date: try day("2017-04-20")))]
        case .award(let id, let amount, let allocation, let fund, let date, let recipient):
            let awardDate = try day(date)
            b.awards = [Sourced(Award(
                id: id, fund: fund, allocation: allocation, recipient: try org(recipient),
                title: "Youth diversionary project", amount: try money(amount), decision: "2017/81",
                awardDate: awardDate, plannedStart: awardDate,
                plannedEnd: FinancialYear(containing: awardDate)?.lastDay ?? awardDate,
                priorities: []))]
        case .claim(let id, let award, let amount, let date, let from, let to):
            b.claims = [Sourced(Claim(
                id: id, award: award, periodStart: try day(from), periodEnd: try day(to), amount: try money(amount),
                date: try day(date)))]
        case .payment(let id, let award, let claim, let amount, let date):
            b.payments = [Sourced(Payment(
                id: id, award: award, claim: claim, amount: try money(amount), date: try day(date),
                reference: "REM-\(id)"))]
        case .closure(let id, let award, let spent, let date):
            b.closures = [Sourced(AwardClosure(id: id, award: award, spent: try money(spent), date: try day(date)))]
        case .withdrawal(let id, let award, let date, let reason):
            b.awardWithdrawals = [Sourced(AwardWithdrawal(id: id, award: award, date: try day(date), reason: reason))]
        case .underspend(let id, let award, let amount, let date):
            b.underspendRepayments = [Sourced(UnderspendRepayment(
                id: id, award: award, amount: try money(amount), date: try day(date), reason: "unspent"))]
        case .contribution(let id, let years, let contributor):
            let instalments = try years.sorted { $0.key < $1.key }.map { label, amount in
                ContributionSchedule.Instalment(year: try year(label), amount: try money(amount))
            }
            b.contributions = [Sourced(ContributionSchedule(
                id: id, contributor: try org(contributor), recipient: try org("360G-Test-OPCC"), service: "IDVA",
                committed: try day("2017-03-01"), reason: "partnership agreement", instalments: instalments))]
        case .receipt(let id, let contribution, let label, let amount, let date):
            b.receipts = [Sourced(ContributionReceipt(
                id: id, contribution: contribution, year: try year(label), amount: try money(amount),
                date: try day(date)))]
        case .yearClosure(let label, let date):
            b.yearClosures = [Sourced(YearClosure(year: try year(label), date: try day(date)))]
        case .fund(let id, let scheme, let label, let amount):
            b.funds = [Sourced(Fund(
                id: id, name: "Fund \(id)", scheme: scheme, year: try year(label), amount: try money(amount),
                funder: try org("360G-Test-OPCC")))]
        }
        return b
    }
}

/// Joins the steps, in order, into one batch.
func batch(_ steps: [Step]) throws -> LedgerBatch {
    var result = LedgerBatch()
    for step in steps {
        result.append(contentsOf: try step.batch())
    }
    return result
}

/// Records each step as its own batch; every one must be accepted.
func apply(_ ledger: Ledger, _ steps: Step..., sourceLocation: SourceLocation = #_sourceLocation) throws {
    for step in steps {
        try ledger.record(try step.batch(), as: Fixtures.change(step.description))
    }
}

/// Records the steps as one batch, which must be refused with `code` and a message naming every fragment, leaving
/// status, history, counts, award states and the reconciliation exactly as they were.
@discardableResult
func expectRefused(
    _ steps: [Step], by ledger: Ledger, code: LedgerError.Code, mentioning fragments: [String] = [],
    field: String? = nil, states awards: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) throws -> LedgerError {
    let statesBefore = try awards.map { try ledger.state(ofAward: $0) }
    let reconciledBefore = try ledger.reconcile()
    let yearEndBefore = try ledger.yearEnd(try year("2017/18"))
    let error = try expectRefused(
        try batch(steps), by: ledger, code: code, mentioning: fragments, sourceLocation: sourceLocation)
    if let field {
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    }
    #expect(try awards.map { try ledger.state(ofAward: $0) } == statesBefore, sourceLocation: sourceLocation)
    #expect(try ledger.reconcile() == reconciledBefore, sourceLocation: sourceLocation)
    #expect(try ledger.yearEnd(try year("2017/18")) == yearEndBefore, sourceLocation: sourceLocation)
    return error
}

func expectRefused(
    _ step: Step, by ledger: Ledger, code: LedgerError.Code, mentioning fragments: [String] = [],
    field: String? = nil, states awards: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
) throws {
    try expectRefused(
        [step], by: ledger, code: code, mentioning: fragments, field: field, states: awards,
        sourceLocation: sourceLocation)
}

extension Ledger {
    /// The South Ribble CSP's line in CSP-2017-18.
    func southRibble() throws -> StatusReport.Line {
        try #require(try status().csps.first { $0.fundID == "CSP-2017-18" && $0.csp?.rawValue == "360G-Test-CSP-SR" })
    }

    func fundLine(_ id: String) throws -> StatusReport.Line {
        try #require(try status().funds.first { $0.fundID == id })
    }

    func check(_ subject: String) throws -> Reconciliation.Check {
        try #require(try reconcile().checks.first { $0.subject == subject }, "no check on \(subject)")
    }
}
