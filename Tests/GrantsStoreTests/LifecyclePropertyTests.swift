import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Random sequences of lifecycle steps, each on a fresh in-memory ledger holding the fixtures. Any step may be
/// refused. Whatever happens, after every step:
/// - the ledger reconciles (`reconcile()` is the oracle for every fund, allocation and award);
/// - a refused step adds no entry and moves no figure (the reconciliation is exactly as before);
/// - after an accepted step the status keeps its limits (allocated + direct commitments ≤ budget per fund, committed
///   ≤ budget and remaining ≥ 0 per CSP, paid ≤ committed + released, returned ≤ paid) and agrees with a small model
///   of the accepted steps, and the award touched is in the state the model expects;
/// - a step the rules plainly forbid is not accepted.
/// And at the end of each sequence every award can still be settled (claims paid, awards closed, underspend
/// returned) and the year closed: no sequence of accepted steps leaves the ledger stuck.
@Suite struct LifecyclePropertyTests {
    static let seed: UInt64 = 0x6772_616E_7473_2D31  // "grants-1"
    /// The quick run of an ordinary `swift test`: the first 12 sequences of the full run, in one chunk. Fewer could
    /// not show every kind of step accepted and refused as often as each chunk must (see the end of the test).
    static let quickSequences = 12
    /// How many sequences to run: GRANTS_PROPERTY_SEQUENCES from the environment, else the quick run. CI makes the
    /// full run, GRANTS_PROPERTY_SEQUENCES=200 (see .ci/run). A value that
    /// is not a whole number of at least `quickSequences` is an error, not a silent quick run.
    static let sequences: Result<Int, TestFailure> = {
        guard let text = ProcessInfo.processInfo.environment["GRANTS_PROPERTY_SEQUENCES"] else {
            return .success(quickSequences)
        }
        guard let count = Int(text), count >= quickSequences else {
            return .failure(TestFailure(
                "GRANTS_PROPERTY_SEQUENCES is '\(text)': give a whole number of at least \(quickSequences)"))
        }
        return .success(count)
    }()
    static let stepsPerSequence = 40
    /// The sequences, in chunks of at most 50 run side by side (the full run: four chunks of 50). Each sequence has
    /// its own generator, derived from the seed and its number, so the chunks are independent and any one sequence
    /// can be replayed alone.
    static let chunks: Int = {
        let count = (try? sequences.get()) ?? quickSequences
        return (count + 49) / 50
    }()

    static func generator(forSequence sequence: Int) -> SplitMix64 {
        SplitMix64(seed: seed &+ UInt64(sequence) &* 0xD1B5_4A32_D192_ED03)
    }

    enum Kind: String, CaseIterable, Sendable {
        case allocate, award, claim, pay, close, withdraw, returnUnderspend
    }

    /// What the accepted steps should have done, in pence.
    struct Model {
        struct AwardFigures {
            let id: String
            let allocation: String?
            let amount: Int64
            let date: Day
            var claimed: Int64 = 0
            var paid: Int64 = 0
            var paidWithoutClaim: Int64 = 0
            var released: Int64 = 0
            var returned: Int64 = 0
            var owed: Int64? = nil
            var closed = false
            var withdrawn = false
            var open: Bool { !closed && !withdrawn }
            var committed: Int64 { amount - released }
            var state: AwardState {
                // Claiming once anything is claimed or paid, with or without a claim.
                closed ? .closed : withdrawn ? .withdrawn : (claimed > 0 || paid > 0) ? .claiming : .awarded
            }
        }

        struct ClaimState {
            let id: String
            let award: String
            let amount: Int64
            let date: Day
            var paidBy: String? = nil
        }

        var allocations: [(id: String, amount: Int64)] = [("ALLOC-SR", 500_000)]
        var awards: [AwardFigures] = []
        var claims: [ClaimState] = []

        func award(_ id: String) -> AwardFigures? { awards.first { $0.id == id } }
        func awardIndex(_ id: String) -> Int? { awards.firstIndex { $0.id == id } }
    }

    /// One step to try, with the model's reason it must be refused, when it plainly must.
    struct Attempt {
        let kind: Kind
        let step: Step
        let mustRefuse: String?
    }

    static let firstDay = Day(year: 2017, month: 6, day: 20)
    static let awardDay = Day(year: 2017, month: 7, day: 3)

    static func pounds(_ pence: Int64) -> String { Money(pence: pence).plain }
    static func pence(_ text: String) -> Int64 { (try? Money(parsing: text))?.pence ?? 0 }

    static func randomDay(from: Day, to: Day, using rng: inout SplitMix64) -> Day {
        from.adding(days: Int.random(in: 0...max(0, to.ordinal - from.ordinal), using: &rng)) ?? from
    }

    // MARK: - Choosing a step

    /// A random step of a random kind, chosen against what the model holds.
    static func attempt(_ model: Model, serial: Int, using rng: inout SplitMix64) throws -> Attempt {
        let first = try #require(firstDay), awardDate = try #require(awardDay)
        let weighted: [Kind] = [.allocate, .award, .award, .claim, .claim, .pay, .pay, .close, .withdraw, .returnUnderspend]
        let kind = weighted.randomElement(using: &rng) ?? .award
        let anyAward = model.awards.randomElement(using: &rng)
        let missing = "AW-NONE"
        switch kind {
        case .allocate:
            let pence = Int.random(in: 0..<20, using: &rng) == 0 ? 0 : Int64.random(in: 1...300_000, using: &rng)
            let allocated = model.allocations.reduce(0) { $0 + $1.amount }
            return Attempt(
                kind: kind, step: .allocation("ALLOC-\(serial)", amount: pounds(pence)),
                mustRefuse: pence <= 0 ? "an allocation of nothing"
                    : allocated + pence > 1_000_000 ? "allocations would pass the £10,000.00 fund" : nil)

        case .award:
            let date = randomDay(from: first, to: awardDate, using: &rng)
            if Int.random(in: 0..<10, using: &rng) < 3 {
                let pence = Int64.random(in: 1...60_000, using: &rng)
                let committed = model.awards.filter { $0.allocation == nil }.reduce(0) { $0 + $1.committed }
                return Attempt(
                    kind: kind,
                    step: .award(
                        "AW-\(serial)", amount: pounds(pence), allocation: nil, fund: "CAF-2017-18",
                        date: date.description, recipient: "360G-Test-ORG-0001"),
                    mustRefuse: committed + pence > 100_000 ? "direct awards would pass the £1,000.00 fund" : nil)
            }
            let allocation = model.allocations.randomElement(using: &rng) ?? ("ALLOC-SR", 0)
            let pence = Int64.random(in: 1...250_000, using: &rng)
            let committed = model.awards.filter { $0.allocation == allocation.id }.reduce(0) { $0 + $1.committed }
            return Attempt(
                kind: kind,
                step: .award("AW-\(serial)", amount: pounds(pence), allocation: allocation.id, date: date.description),
                mustRefuse: committed + pence > allocation.amount ? "awards would pass \(allocation.id)" : nil)

        case .claim:
            guard let award = anyAward else {
                return Attempt(
                    kind: kind, step: .claim("CL-\(serial)", award: missing, amount: "1.00"), mustRefuse: "no such award")
            }
            let pence = Int64.random(in: 1...max(1, award.amount * 7 / 10), using: &rng)
            let date = randomDay(from: first, to: award.date.adding(days: 240) ?? award.date, using: &rng)
            return Attempt(
                kind: kind,
                step: .claim(
                    "CL-\(serial)", award: award.id, amount: pounds(pence), date: date.description,
                    from: award.date.description, to: award.date.description),
                mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                    : award.claimed + pence > award.amount ? "claims on \(award.id) would pass its amount"
                    : award.claimed + award.paidWithoutClaim + pence > award.amount
                    ? "claims and payments without a claim on \(award.id) would pass its amount: the claim could never be paid"
                    : date < award.date ? "the claim is dated before the award" : nil)

        case .pay:
            let unpaid = model.claims.filter { $0.paidBy == nil }
            let roll = Int.random(in: 0..<20, using: &rng)
            if roll < 4 || model.claims.isEmpty {
                // A payment without a claim.
                guard let award = anyAward else {
                    return Attempt(
                        kind: kind, step: .payment("P-\(serial)", award: missing, amount: "1.00"),
                        mustRefuse: "no such award")
                }
                let pence = Int64.random(in: 1...max(1, award.amount - award.paid + 100), using: &rng)
                return Attempt(
                    kind: kind,
                    step: .payment("P-\(serial)", award: award.id, amount: pounds(pence), date: "2017-10-16"),
                    mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                        : award.paid + pence > award.amount ? "payments on \(award.id) would pass its amount"
                        : award.claimed + award.paidWithoutClaim + pence > award.amount
                        ? "with \(pounds(award.claimed - (award.paid - award.paidWithoutClaim))) claimed and unpaid on "
                            + "\(award.id), a payment without a claim of \(pounds(pence)) leaves a claim that can never be paid"
                        : nil)
            }
            // Mostly an unpaid claim; now and then any claim, or a penny off what it asked.
            guard let claim = (roll == 4 || unpaid.isEmpty ? model.claims : unpaid).randomElement(using: &rng),
                  let award = model.award(claim.award)
            else { throw TestFailure("the model lost a claim's award") }
            let pence = roll == 5 ? claim.amount + 1 : roll == 6 ? claim.amount - 1 : claim.amount
            let date = claim.date.adding(days: Int.random(in: -2...20, using: &rng)) ?? claim.date
            return Attempt(
                kind: kind,
                step: .payment(
                    "P-\(serial)", award: award.id, claim: claim.id, amount: pounds(pence), date: date.description),
                mustRefuse: claim.paidBy != nil ? "\(claim.id) was paid by \(claim.paidBy ?? "")"
                    : !award.open ? "\(award.id) is closed or withdrawn"
                    : pence != claim.amount ? "not what \(claim.id) asked"
                    : date < claim.date ? "paid before \(claim.id) was made"
                    : award.paid + pence > award.amount ? "payments on \(award.id) would pass its amount" : nil)

        case .close:
            guard let award = anyAward else {
                return Attempt(
                    kind: kind, step: .closure("CLOSE-\(serial)", award: missing, spent: "0.00"),
                    mustRefuse: "no such award")
            }
            let spent = Int64.random(in: 0...(award.paid * 5 / 4 + 1), using: &rng)
            let unpaid = model.claims.contains { $0.award == award.id && $0.paidBy == nil }
            return Attempt(
                kind: kind, step: .closure("CLOSE-\(serial)", award: award.id, spent: pounds(spent)),
                mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                    : unpaid ? "\(award.id) has a claim unpaid" : nil)

        case .withdraw:
            guard let award = anyAward else {
                return Attempt(
                    kind: kind, step: .withdrawal("WD-\(serial)", award: missing), mustRefuse: "no such award")
            }
            return Attempt(
                kind: kind, step: .withdrawal("WD-\(serial)", award: award.id, date: "2017-09-01"),
                mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                    : award.paid > 0 ? "\(award.id) has payments" : nil)

        case .returnUnderspend:
            guard let award = model.awards.filter({ $0.paid > 0 }).randomElement(using: &rng) ?? anyAward else {
                return Attempt(
                    kind: kind, step: .underspend("R-\(serial)", award: missing, amount: "1.00"),
                    mustRefuse: "no such award")
            }
            let limit = (award.owed ?? award.paid) - award.returned
            let pence = Int.random(in: 0..<2, using: &rng) == 0 && limit > 0
                ? limit : Int64.random(in: 1...max(1, limit + 100), using: &rng)
            return Attempt(
                kind: kind, step: .underspend("R-\(serial)", award: award.id, amount: pounds(pence)),
                mustRefuse: award.returned + pence > award.paid ? "returns on \(award.id) would pass what was paid"
                    : award.owed.map { award.returned + pence > $0 } == true
                    ? "returns on \(award.id) would pass what its close left owed" : nil)
        }
    }

    /// Applies an accepted step to the model.
    static func accept(_ step: Step, into model: inout Model) throws {
        switch step {
        case .allocation(let id, let amount, _, _):
            model.allocations.append((id, pence(amount)))
        case .award(let id, let amount, let allocation, _, let date, _):
            model.awards.append(.init(id: id, allocation: allocation, amount: pence(amount), date: try day(date)))
        case .claim(let id, let award, let amount, let date, _, _):
            model.claims.append(.init(id: id, award: award, amount: pence(amount), date: try day(date)))
            let index = try #require(model.awardIndex(award))
            model.awards[index].claimed += pence(amount)
        case .payment(let id, let award, let claim, let amount, _):
            let index = try #require(model.awardIndex(award))
            model.awards[index].paid += pence(amount)
            if let claim {
                let claimIndex = try #require(model.claims.firstIndex { $0.id == claim })
                model.claims[claimIndex].paidBy = id
            } else {
                model.awards[index].paidWithoutClaim += pence(amount)
            }
        case .closure(_, let award, let spent, _):
            let index = try #require(model.awardIndex(award))
            let paid = model.awards[index].paid
            model.awards[index].closed = true
            model.awards[index].released = model.awards[index].amount - paid
            model.awards[index].owed = max(0, paid - pence(spent))
        case .withdrawal(_, let award, _, _):
            let index = try #require(model.awardIndex(award))
            model.awards[index].withdrawn = true
            model.awards[index].released = model.awards[index].amount
        case .underspend(_, let award, let amount, _):
            let index = try #require(model.awardIndex(award))
            model.awards[index].returned += pence(amount)
        default:
            throw TestFailure("the property test does not take \(step)")
        }
    }

    static func entryKind(of step: Step) -> EntryKind? {
        switch step {
        case .allocation: .allocation
        case .award: .award
        case .claim: .claim
        case .payment: .payment
        case .closure: .awardClosure
        case .withdrawal: .awardWithdrawal
        case .underspend: .underspendRepayment
        default: nil
        }
    }

    // MARK: - The properties

    /// What the previous step left, to compare a refused step against.
    struct Before {
        var counts: [EntryKind: Int]
        var reconciliation: Reconciliation
    }

    /// Every property that must hold after a step: the first one broken, or nil.
    static func broken(
        _ ledger: Ledger, _ model: Model, attempt: Attempt, accepted: Bool, refusal: LedgerError?,
        before: inout Before
    ) throws -> String? {
        if accepted, let reason = attempt.mustRefuse {
            return "accepted although it must be refused: \(reason)"
        }
        if let refusal, !refusal.isDataError {
            return "refused as a database fault rather than a fault in the entry: \(refusal)"
        }
        let reconciliation = try ledger.reconcile()
        defer { before.reconciliation = reconciliation }
        if let failure = reconciliation.firstFailure {
            return "does not reconcile: \(failure.subject): \(failure.equation) [\(failure.entries.joined(separator: " "))]"
        }
        if !accepted {
            // Any entry a step here could add shows in the reconciliation (an allocation among its fund's entries,
            // an award as a check of its own, the rest among their award's entries), and entries are never edited:
            // an unchanged reconciliation shows the refused step added nothing and moved no figure.
            return reconciliation == before.reconciliation ? nil : "a refused step changed the reconciliation"
        }
        var expectedCounts = before.counts
        if let kind = entryKind(of: attempt.step) { expectedCounts[kind, default: 0] += 1 }
        let counts = try ledger.counts()
        before.counts = counts
        if counts != expectedCounts {
            return "counts are \(counts), expected \(expectedCounts): a recorded step must add one entry"
        }
        if let id = attempt.step.award, let award = model.award(id) {
            let state = try ledger.state(ofAward: id)
            if state != award.state { return "\(id) is \(String(describing: state)), expected \(award.state)" }
        }
        // A claim moves no figure of the status.
        if case .claim = attempt.step { return nil }

        let status = try ledger.status()
        for line in status.funds + status.csps {
            let name = line.csp.map { "\(line.fundID) \($0)" } ?? line.fundID
            if line.csp == nil {
                // Allocations plus what is committed directly on the fund (awards that name no allocation).
                let direct = line.scheme.awardsDrawOnAllocations ? Money.zero : line.committed
                if try line.allocated.adding(direct) > line.budget {
                    return "\(name): allocated \(line.allocated) + committed directly \(direct) over budget \(line.budget)"
                }
                if line.scheme.awardsDrawOnAllocations && line.committed > line.allocated {
                    return "\(name): committed \(line.committed) over allocated \(line.allocated)"
                }
            } else {
                if line.committed > line.budget { return "\(name): committed \(line.committed) over budget \(line.budget)" }
                if try line.remaining().isNegative { return "\(name): remaining \(try line.remaining()) is negative" }
            }
            if line.returned > line.paid { return "\(name): returned \(line.returned) over paid \(line.paid)" }
        }

        // The figures agree with the model of the accepted steps.
        let onAllocations = model.awards.filter { $0.allocation != nil }
        let direct = model.awards.filter { $0.allocation == nil }
        func total(_ awards: [Model.AwardFigures], _ figure: (Model.AwardFigures) -> Int64) -> Money {
            Money(pence: awards.reduce(0) { $0 + figure($1) })
        }
        guard let cspFund = status.funds.first(where: { $0.fundID == "CSP-2017-18" }),
              let caf = status.funds.first(where: { $0.fundID == "CAF-2017-18" }),
              let southRibble = status.csps.first(where: { $0.fundID == "CSP-2017-18" })
        else { return "a status line is missing: \(status.funds.map(\.fundID)) \(status.csps.map(\.fundID))" }
        let allocated = Money(pence: model.allocations.reduce(0) { $0 + $1.amount })
        let figures: [(String, Money, Money)] = [
            ("CSP-2017-18 allocated", cspFund.allocated, allocated),
            ("CSP-2017-18 committed", cspFund.committed, total(onAllocations, \.committed)),
            ("South Ribble budget", southRibble.budget, allocated),
            ("South Ribble committed", southRibble.committed, total(onAllocations, \.committed)),
            ("South Ribble paid", southRibble.paid, total(onAllocations, \.paid)),
            ("South Ribble returned", southRibble.returned, total(onAllocations, \.returned)),
            ("CAF-2017-18 committed", caf.committed, total(direct, \.committed)),
            ("CAF-2017-18 paid", caf.paid, total(direct, \.paid)),
            ("CAF-2017-18 returned", caf.returned, total(direct, \.returned)),
        ]
        for (name, actual, expected) in figures where actual != expected {
            return "\(name) is \(actual) in the status but \(expected) by the accepted steps"
        }
        // Paid never more than what is still committed plus what closures and withdrawals released.
        for (line, awards) in [(southRibble, onAllocations), (caf, direct)] {
            let ceiling = try line.committed.adding(total(awards, \.released))
            if line.paid > ceiling { return "\(line.fundID): paid \(line.paid) over committed + released \(ceiling)" }
        }
        return nil
    }

    /// Brings every award to rest (pays each unpaid claim, closes each open award with what was paid and kept,
    /// takes back what is owed) and closes the year: each of these must be accepted.
    static func settle(_ ledger: Ledger, _ model: inout Model) throws -> String? {
        var steps: [Step] = []
        for claim in model.claims where claim.paidBy == nil && model.award(claim.award)?.open == true {
            steps.append(.payment("SETTLE-P-\(claim.id)", award: claim.award, claim: claim.id,
                                  amount: pounds(claim.amount), date: "2018-03-31"))
        }
        var settled = model
        for step in steps { try accept(step, into: &settled) }
        for award in settled.awards where award.open {
            steps.append(.closure("SETTLE-C-\(award.id)", award: award.id, spent: pounds(award.paid - award.returned)))
        }
        for step in steps {
            do {
                try ledger.record(try step.batch(), as: Fixtures.change("settle"))
            } catch {
                return "cannot settle: \(step) is refused: \(error)"
            }
            try accept(step, into: &model)
        }
        for award in model.awards {
            let owed = (award.owed ?? 0) - award.returned
            guard owed > 0 else { continue }
            let step = Step.underspend("SETTLE-R-\(award.id)", award: award.id, amount: pounds(owed))
            do {
                try ledger.record(try step.batch(), as: Fixtures.change("settle"))
            } catch {
                return "cannot settle: \(step) is refused: \(error)"
            }
        }
        let report = try ledger.yearEnd(try year("2017/18"))
        if !report.canClose {
            return "every award is settled, yet 2017/18 cannot close: open \(report.openAwards.map(\.award)), "
                + "unpaid \(report.unpaidClaims.map(\.claim)), owed \(report.underspendOwed.map(\.award))"
        }
        do {
            try ledger.record(try Step.yearClosure("2017/18").batch(), as: Fixtures.change("settle"))
        } catch {
            return "cannot close 2017/18 once every award is settled: \(error)"
        }
        if let failure = try ledger.reconcile().firstFailure {
            return "does not reconcile once settled: \(failure.subject): \(failure.equation)"
        }
        return nil
    }

    // MARK: - The run

    static let base: LedgerBatch? = try? LedgerFile.parse(Fixtures.base, file: "base.yaml")

    @Test(arguments: 0..<chunks)
    func randomLifecyclesKeepTheLedgerBalanced(chunk: Int) throws {
        let base = try #require(Self.base)
        let sequences = try Self.sequences.get()
        // Chunk `chunk` takes its share of 0..<sequences: with 200, the four ranges of 50 the full run always had.
        let range = (chunk * sequences / Self.chunks)..<((chunk + 1) * sequences / Self.chunks)
        let perChunk = range.count
        var acceptedByKind: [Kind: Int] = [:]
        var refusedByKind: [Kind: Int] = [:]
        var failures: [String] = []
        for sequence in range {
            var rng = Self.generator(forSequence: sequence)
            let ledger = try TestStore.emptyLedger()
            try ledger.record(base, as: Fixtures.change("fixtures"))
            var model = Model()
            var trail: [String] = []
            var before = Before(counts: try ledger.counts(), reconciliation: try ledger.reconcile())
            var failure: String?
            for serial in 1...Self.stepsPerSequence {
                let attempt = try Self.attempt(model, serial: serial, using: &rng)
                var refusal: LedgerError?
                do {
                    try ledger.record(try attempt.step.batch(), as: Fixtures.change(attempt.step.description))
                } catch let error as LedgerError {
                    refusal = error
                }
                let accepted = refusal == nil
                trail.append("\(accepted ? "+" : "-") \(attempt.step)" + (refusal.map { " (\($0.code): \($0.message))" } ?? ""))
                if accepted {
                    try Self.accept(attempt.step, into: &model)
                    acceptedByKind[attempt.kind, default: 0] += 1
                } else {
                    refusedByKind[attempt.kind, default: 0] += 1
                }
                if let reason = try Self.broken(
                    ledger, model, attempt: attempt, accepted: accepted, refusal: refusal, before: &before)
                {
                    failure = "step \(serial): \(reason)"
                    break
                }
            }
            if failure == nil, let reason = try Self.settle(ledger, &model) {
                failure = "at the end: \(reason)"
            }
            if let failure {
                failures.append(
                    "sequence \(sequence), \(failure)\n  the steps:\n    " + trail.joined(separator: "\n    "))
            }
        }
        if let first = failures.first {
            Issue.record("\(failures.count) of \(perChunk) sequences broke a property; the first, \(first)")
        }
        for failure in failures.dropFirst().prefix(1) {
            Issue.record("another, \(failure)")
        }
        // Not vacuous: every kind of step was accepted, and refused, many times.
        for kind in Kind.allCases {
            #expect(acceptedByKind[kind, default: 0] >= 10, "only \(acceptedByKind[kind, default: 0]) \(kind) steps accepted")
            #expect(refusedByKind[kind, default: 0] >= 5, "only \(refusedByKind[kind, default: 0]) \(kind) steps refused")
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
