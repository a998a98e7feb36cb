import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Random sequences of lifecycle steps, each on a fresh ledger holding the fixtures. A step may be refused; whatever
/// happens, the ledger must still reconcile, the status figures must keep their limits and agree with a simple model
/// of what was accepted, a refused step must add nothing, and a step the rules plainly forbid must not be accepted.
@Suite struct LifecyclePropertyTests {
    static let seed: UInt64 = 0x6772_616E_7473_2D31  // "grants-1"
    static let sequences = 200
    static let stepsPerSequence = 40

    enum Kind: String, CaseIterable, Sendable {
        case allocate, award, claim, pay, close, withdraw, returnUnderspend
    }

    /// What the accepted steps should have done, in pence.
    struct Model {
        struct AwardState {
            let id: String
            let allocation: String?
            let amount: Int64
            let date: Day
            var claimed: Int64 = 0
            var paid: Int64 = 0
            var released: Int64 = 0
            var returned: Int64 = 0
            var owed: Int64? = nil
            var closed = false
            var withdrawn = false
            var open: Bool { !closed && !withdrawn }
            var committed: Int64 { amount - released }
        }

        struct ClaimState {
            let id: String
            let award: String
            let amount: Int64
            let date: Day
            var paidBy: String? = nil
        }

        var allocations: [(id: String, amount: Int64)] = [("ALLOC-SR", 500_000)]
        var awards: [AwardState] = []
        var claims: [ClaimState] = []

        func award(_ id: String) -> AwardState? { awards.first { $0.id == id } }
        func awardIndex(_ id: String) -> Int? { awards.firstIndex { $0.id == id } }
    }

    /// One step to try, with the model's reason it must be refused, if it plainly must.
    struct Attempt {
        let kind: Kind
        let step: Step
        let mustRefuse: String?
    }

    static let days: (first: Day, awardDate: Day) = {
        // Constants known to be valid.
        guard let first = Day(year: 2017, month: 6, day: 20), let award = Day(year: 2017, month: 7, day: 3) else {
            preconditionFailure("bad constant")
        }
        return (first, award)
    }()

    static func pounds(_ pence: Int64) -> String { Money(pence: pence).plain }

    static func randomDay(from: Day, to: Day, using rng: inout SplitMix64) -> Day {
        let offset = Int.random(in: 0...max(0, to.ordinal - from.ordinal), using: &rng)
        return from.adding(days: offset) ?? from
    }

    /// A random step of a random kind, chosen against what the model holds.
    static func attempt(_ model: Model, serial: Int, using rng: inout SplitMix64) -> Attempt {
        let weighted: [Kind] = [.allocate, .award, .award, .claim, .claim, .pay, .pay, .close, .withdraw, .returnUnderspend]
        let kind = weighted.randomElement(using: &rng) ?? .award
        let anyAward = model.awards.randomElement(using: &rng)
        switch kind {
        case .allocate:
            let pence = Int64.random(in: 0...100, using: &rng) < 5 ? 0 : Int64.random(in: 1...300_000, using: &rng)
            return Attempt(
                kind: kind, step: .allocation("ALLOC-\(serial)", amount: pounds(pence)),
                mustRefuse: pence <= 0 ? "an allocation of nothing" : nil)

        case .award:
            let direct = Int.random(in: 0..<10, using: &rng) < 3
            let date = randomDay(from: days.first, to: days.awardDate, using: &rng)
            if direct {
                let pence = Int64.random(in: 1...60_000, using: &rng)
                return Attempt(
                    kind: kind,
                    step: .award(
                        "AW-\(serial)", amount: pounds(pence), allocation: nil, fund: "CAF-2017-18",
                        date: date.description, recipient: "360G-Test-ORG-0001"),
                    mustRefuse: nil)
            }
            let allocation = model.allocations.randomElement(using: &rng) ?? ("ALLOC-SR", 0)
            let pence = Int64.random(in: 1...250_000, using: &rng)
            let committed = model.awards.filter { $0.allocation == allocation.id }.reduce(0) { $0 + $1.committed }
            return Attempt(
                kind: kind,
                step: .award("AW-\(serial)", amount: pounds(pence), allocation: allocation.id, date: date.description),
                mustRefuse: committed + pence > allocation.amount
                    ? "awards on \(allocation.id) would commit \(pounds(committed + pence)) of \(pounds(allocation.amount))"
                    : nil)

        case .claim:
            guard let award = anyAward else {
                return Attempt(
                    kind: kind, step: .claim("CL-\(serial)", award: "AW-NONE", amount: "1.00"),
                    mustRefuse: "no such award")
            }
            let pence = Int64.random(in: 1...max(1, award.amount * 7 / 10), using: &rng)
            let date = randomDay(from: days.first, to: award.date.adding(days: 240) ?? award.date, using: &rng)
            let reason: String? =
                !award.open ? "\(award.id) is closed or withdrawn"
                : award.claimed + pence > award.amount ? "claims on \(award.id) would pass its amount"
                : date < award.date ? "the claim is dated before the award" : nil
            return Attempt(
                kind: kind,
                step: .claim(
                    "CL-\(serial)", award: award.id, amount: pounds(pence), date: date.description,
                    from: award.date.description, to: award.date.description),
                mustRefuse: reason)

        case .pay:
            let unpaid = model.claims.filter { $0.paidBy == nil }
            let pickAny = Int.random(in: 0..<10, using: &rng) == 0
            guard let claim = (pickAny ? model.claims : unpaid).randomElement(using: &rng),
                  let award = model.award(claim.award)
            else {
                // No claim to pay: a payment without one.
                guard let award = anyAward else {
                    return Attempt(
                        kind: kind, step: .payment("P-\(serial)", award: "AW-NONE", amount: "1.00"),
                        mustRefuse: "no such award")
                }
                let pence = Int64.random(in: 1...award.amount, using: &rng)
                return Attempt(
                    kind: kind,
                    step: .payment("P-\(serial)", award: award.id, amount: pounds(pence), date: "2017-10-16"),
                    mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                        : award.paid + pence > award.amount ? "payments on \(award.id) would pass its amount" : nil)
            }
            let roll = Int.random(in: 0..<20, using: &rng)
            let pence = roll == 0 ? claim.amount + 1 : roll == 1 ? claim.amount - 1 : claim.amount
            let date = claim.date.adding(days: Int.random(in: -2...20, using: &rng)) ?? claim.date
            let reason: String? =
                claim.paidBy != nil ? "\(claim.id) was paid by \(claim.paidBy ?? "")"
                : !award.open ? "\(award.id) is closed or withdrawn"
                : pence != claim.amount ? "not what \(claim.id) asked"
                : date < claim.date ? "paid before \(claim.id) was made"
                : award.paid + pence > award.amount ? "payments on \(award.id) would pass its amount" : nil
            return Attempt(
                kind: kind,
                step: .payment("P-\(serial)", award: award.id, claim: claim.id, amount: pounds(pence), date: date.description),
                mustRefuse: reason)

        case .close:
            guard let award = anyAward else {
                return Attempt(
                    kind: kind, step: .closure("CLOSE-\(serial)", award: "AW-NONE", spent: "0.00"),
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
                    kind: kind, step: .withdrawal("WD-\(serial)", award: "AW-NONE"), mustRefuse: "no such award")
            }
            return Attempt(
                kind: kind, step: .withdrawal("WD-\(serial)", award: award.id, date: "2017-09-01"),
                mustRefuse: !award.open ? "\(award.id) is closed or withdrawn"
                    : award.paid > 0 ? "\(award.id) has payments" : nil)

        case .returnUnderspend:
            let paidAwards = model.awards.filter { $0.paid > 0 }
            guard let award = paidAwards.randomElement(using: &rng) ?? anyAward else {
                return Attempt(
                    kind: kind, step: .underspend("R-\(serial)", award: "AW-NONE", amount: "1.00"),
                    mustRefuse: "no such award")
            }
            let limit = (award.owed ?? award.paid) - award.returned
            let pence = Int.random(in: 0..<2, using: &rng) == 0 && limit > 0
                ? limit : Int64.random(in: 1...max(1, limit + 100), using: &rng)
            return Attempt(
                kind: kind, step: .underspend("R-\(serial)", award: award.id, amount: pounds(pence)),
                mustRefuse: award.returned + pence > award.paid ? "returns on \(award.id) would pass what was paid"
                    : award.owed.map { award.returned + pence > $0 } == true ? "returns on \(award.id) would pass what is owed"
                    : nil)
        }
    }

    /// Applies an accepted step to the model.
    static func accept(_ step: Step, into model: inout Model) {
        switch step {
        case .allocation(let id, let amount, _, _):
            model.allocations.append((id, pence(amount)))
        case .award(let id, let amount, let allocation, _, let date, _):
            model.awards.append(.init(id: id, allocation: allocation, amount: pence(amount), date: (try? Day(parsing: date)) ?? days.awardDate))
        case .claim(let id, let award, let amount, let date, _, _):
            model.claims.append(.init(id: id, award: award, amount: pence(amount), date: (try? Day(parsing: date)) ?? days.awardDate))
            if let index = model.awardIndex(award) { model.awards[index].claimed += pence(amount) }
        case .payment(let id, let award, let claim, let amount, _):
            if let claim, let index = model.claims.firstIndex(where: { $0.id == claim }) { model.claims[index].paidBy = id }
            if let index = model.awardIndex(award) { model.awards[index].paid += pence(amount) }
        case .closure(_, let award, let spent, _):
            if let index = model.awardIndex(award) {
                let paid = model.awards[index].paid
                model.awards[index].closed = true
                model.awards[index].released = model.awards[index].amount - paid
                model.awards[index].owed = max(0, paid - pence(spent))
            }
        case .withdrawal(_, let award, _, _):
            if let index = model.awardIndex(award) {
                model.awards[index].withdrawn = true
                model.awards[index].released = model.awards[index].amount
            }
        case .underspend(_, let award, let amount, _):
            if let index = model.awardIndex(award) { model.awards[index].returned += pence(amount) }
        default:
            break
        }
    }

    /// Checks every award's state against the model: after each sequence.
    static func brokenStates(_ ledger: Ledger, _ model: Model) throws -> String? {
        for award in model.awards {
            let state = try ledger.state(ofAward: award.id)
            let expected: AwardState =
                award.closed ? .closed : award.withdrawn ? .withdrawn : award.claimed > 0 ? .claiming : .awarded
            if state != expected { return "\(award.id) is \(String(describing: state)), expected \(expected)" }
        }
        return nil
    }

    static func pence(_ text: String) -> Int64 { (try? Money(parsing: text))?.pence ?? 0 }

    static func kind(of step: Step) -> EntryKind? {
        switch step {
        case .allocation: .allocation
        case .award: .award
        case .claim: .claim
        case .payment: .payment
        case .closure: .awardClosure
        case .withdrawal: .awardWithdrawal
        case .underspend: .underspendReturn
        default: nil
        }
    }

    /// Every property that must hold after a step; the first one broken, or nil.
    static func broken(
        _ ledger: Ledger, _ model: Model, attempt: Attempt, accepted: Bool, refusal: LedgerError?,
        countsBefore: [EntryKind: Int]
    ) throws -> String? {
        let touched = attempt.step.award
        if accepted, let reason = attempt.mustRefuse {
            return "accepted although it must be refused: \(reason)"
        }
        if let refusal, refusal.code == .database {
            return "refused as a database fault: \(refusal)"
        }
        let clock = ContinuousClock()
        var t0 = clock.now
        defer { Timing.shared.add("status+model", clock.now - t0) }
        var expectedCounts = countsBefore
        if accepted, let kind = kind(of: attempt.step) { expectedCounts[kind, default: 0] += 1 }
        let counts = try ledger.counts()
        if counts != expectedCounts {
            return "counts are \(counts), expected \(expectedCounts)"
        }

        Timing.shared.add("counts", clock.now - t0); t0 = clock.now
        let reconciliation = try ledger.reconcile()
        Timing.shared.add("reconcile", clock.now - t0); t0 = clock.now
        if let failure = reconciliation.firstFailure {
            return "does not reconcile: \(failure.subject): \(failure.equation) [\(failure.entries.joined(separator: " "))]"
        }

        let status = try ledger.status()
        Timing.shared.add("status", clock.now - t0); t0 = clock.now
        for line in status.funds + status.csps {
            let name = "\(line.fundID) \(line.csp?.rawValue ?? "")"
            if line.csp == nil && line.scheme.awardsDrawOnAllocations {
                if line.allocated > line.budget { return "\(name): allocated \(line.allocated) over budget \(line.budget)" }
                if line.committed > line.allocated { return "\(name): committed \(line.committed) over allocated \(line.allocated)" }
            } else if line.csp == nil {
                if try line.allocated.adding(line.committed) > line.budget {
                    return "\(name): allocated \(line.allocated) + direct \(line.committed) over budget \(line.budget)"
                }
            } else {
                if line.committed > line.budget { return "\(name): committed \(line.committed) over budget \(line.budget)" }
                if try line.remaining().isNegative { return "\(name): remaining \(try line.remaining()) is negative" }
            }
            if line.returned > line.paid { return "\(name): returned \(line.returned) over paid \(line.paid)" }
        }

        // The figures agree with the model.
        let onAllocations = model.awards.filter { $0.allocation != nil }
        let direct = model.awards.filter { $0.allocation == nil }
        func total(_ awards: [Model.AwardState], _ figure: (Model.AwardState) -> Int64) -> Money {
            Money(pence: awards.reduce(0) { $0 + figure($1) })
        }
        guard let cspFund = status.funds.first(where: { $0.fundID == "CSP-2017-18" }),
              let caf = status.funds.first(where: { $0.fundID == "CAF-2017-18" }),
              let sr = status.csps.first(where: { $0.fundID == "CSP-2017-18" })
        else { return "a status line is missing: \(status.funds.map(\.fundID)) \(status.csps.map(\.fundID))" }
        let allocated = Money(pence: model.allocations.reduce(0) { $0 + $1.amount })
        let expectations: [(String, Money, Money)] = [
            ("CSP-2017-18 allocated", cspFund.allocated, allocated),
            ("South Ribble budget", sr.budget, allocated),
            ("South Ribble committed", sr.committed, total(onAllocations, \.committed)),
            ("South Ribble paid", sr.paid, total(onAllocations, \.paid)),
            ("South Ribble returned", sr.returned, total(onAllocations, \.returned)),
            ("CSP-2017-18 committed", cspFund.committed, total(onAllocations, \.committed)),
            ("CAF-2017-18 committed", caf.committed, total(direct, \.committed)),
            ("CAF-2017-18 paid", caf.paid, total(direct, \.paid)),
            ("CAF-2017-18 returned", caf.returned, total(direct, \.returned)),
        ]
        for (name, actual, expected) in expectations where actual != expected {
            return "\(name) is \(actual) in the status, \(expected) by the accepted steps"
        }
        // Paid never more than committed plus what closures and withdrawals released.
        for (line, awards) in [(sr, onAllocations), (caf, direct)] {
            let ceiling = try line.committed.adding(total(awards, \.released))
            if line.paid > ceiling { return "\(line.fundID): paid \(line.paid) over committed + released \(ceiling)" }
        }
        for award in model.awards where award.id == touched {
            let state = try ledger.state(ofAward: award.id)
            let expected: AwardState =
                award.closed ? .closed : award.withdrawn ? .withdrawn : award.claimed > 0 ? .claiming : .awarded
            if state != expected { return "\(award.id) is \(String(describing: state)), expected \(expected)" }
        }
        return nil
    }

    @Test func randomLifecyclesKeepTheLedgerBalanced() throws {
        var rng = SplitMix64(seed: Self.seed)
        var acceptedByKind: [Kind: Int] = [:]
        var refusedByKind: [Kind: Int] = [:]
        var failures: [String] = []
        for sequence in 0..<Self.sequences {
            let c = ContinuousClock(); let s0 = c.now
            let ledger = try Fixtures.ledger()
            Timing.shared.add("fixtures", c.now - s0)
            var model = Model()
            var trail: [String] = []
            for serial in 1...Self.stepsPerSequence {
                let attempt = Self.attempt(model, serial: serial, using: &rng)
                let countsBefore = try ledger.counts()
                var accepted = false
                var refusal: LedgerError?
                let r0 = ContinuousClock().now
                defer { Timing.shared.add("record", ContinuousClock().now - r0) }
                do {
                    try ledger.record(try attempt.step.batch(), as: Fixtures.change(attempt.step.description))
                    accepted = true
                } catch let error as LedgerError {
                    refusal = error
                }
                trail.append("\(accepted ? "+" : "-") \(attempt.step)\(refusal.map { " (\($0.code): \($0.message))" } ?? "")")
                if accepted {
                    Self.accept(attempt.step, into: &model)
                    acceptedByKind[attempt.kind, default: 0] += 1
                } else {
                    refusedByKind[attempt.kind, default: 0] += 1
                }
                if let reason = try Self.broken(
                    ledger, model, attempt: attempt, accepted: accepted, refusal: refusal, countsBefore: countsBefore)
                {
                    failures.append(
                        "sequence \(sequence), step \(serial): \(reason)\n  steps so far:\n    "
                            + trail.joined(separator: "\n    "))
                    break
                }
                if serial == Self.stepsPerSequence, let reason = try Self.brokenStates(ledger, model) {
                    failures.append("sequence \(sequence), at its end: \(reason)")
                }
            }
        }
        print(Timing.shared.totals)
        if let first = failures.first {
            Issue.record("\(failures.count) of \(Self.sequences) sequences broke a property; the first:\n\(first)")
        }
        for failure in failures.dropFirst().prefix(2) {
            Issue.record("another:\n\(failure)")
        }
        for kind in Kind.allCases {
            #expect(acceptedByKind[kind, default: 0] >= 20, "only \(acceptedByKind[kind, default: 0]) \(kind) steps accepted")
            #expect(refusedByKind[kind, default: 0] >= 5, "only \(refusedByKind[kind, default: 0]) \(kind) steps refused")
        }
    }
}

final class Timing: @unchecked Sendable {
    static let shared = Timing()
    var totals: [String: Duration] = [:]
    func add(_ k: String, _ d: Duration) { totals[k, default: .zero] += d }
}
