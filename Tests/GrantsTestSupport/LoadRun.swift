import Foundation
import GrantsCore
import GrantsImport
import GrantsStore

/// Many clients at once against one ledger, for a bounded time: each awards small grants on a few allocations,
/// claims each of its awards once and pays each claim, as officers and applicants do through the services. What the
/// ledger accepted is counted by the clients, so that it can be compared with what the ledger holds afterwards.
public struct LoadRun: Sendable {
    /// What the clients had accepted and refused, and how long they ran.
    public struct Outcome: Sendable {
        public var awards = 0, claims = 0, payments = 0
        public var awarded = Money.zero, claimed = Money.zero, paid = Money.zero
        /// Awards refused because the allocation was full: expected once the money runs out.
        public var full = 0
        /// Anything else that went wrong: must stay empty.
        public var failures: [String] = []
        public var seconds = 0.0

        /// Writes the ledger accepted.
        public var writes: Int { awards + claims + payments }
        public var writesPerSecond: Double { seconds > 0 ? Double(writes) / seconds : 0 }

        mutating func add(_ other: Outcome) {
            awards += other.awards
            claims += other.claims
            payments += other.payments
            awarded = Money(pence: awarded.pence + other.awarded.pence)
            claimed = Money(pence: claimed.pence + other.claimed.pence)
            paid = Money(pence: paid.pence + other.paid.pence)
            full += other.full
            failures += other.failures
        }
    }

    /// The allocations the clients award on, all on `CSP-2017-18` (£5,000, £2,500 and £2,500).
    public static let allocations = ["ALLOC-SR", "ALLOC-B", "ALLOC-C"]

    /// Records `Fixtures.base` and two more allocations in `ledger`, ready for a run. With `room` above 1, the CSP fund
    /// and its three allocations hold that many times as much (a benchmark's clients should not run out of money part
    /// way; the tests' should, to see the refusals).
    public static func prepare(_ ledger: Ledger, room: Int64 = 1) throws {
        func pounds(_ amount: Int64) -> String { "\(amount * room).00" }
        let more = """
              - id: ALLOC-B
                fund: CSP-2017-18
                csp: 360G-Test-CSP-SR
                amount: "\(pounds(2_500))"
                decision: "2017/13"
                date: 2017-04-20
              - id: ALLOC-C
                fund: CSP-2017-18
                csp: 360G-Test-CSP-SR
                amount: "\(pounds(2_500))"
                decision: "2017/14"
                date: 2017-04-20

            """
        var base = Fixtures.base
        for pounds in [10_000, 5_000] as [Int64] {
            let given = "amount: \"\(pounds).00\""
            guard base.components(separatedBy: given).count == 2 else {
                throw LedgerError(.invalidEntry, "Fixtures.base no longer has one \(given): LoadRun cannot scale it")
            }
            base = base.replacingOccurrences(of: given, with: "amount: \"\(pounds * room).00\"")
        }
        try ledger.record(try LedgerFile.parse(base + more, file: "load.yaml"), as: Fixtures.change("load"))
    }

    public let clients: Int
    public let seconds: Double

    public init(clients: Int, seconds: Double) {
        self.clients = clients
        self.seconds = seconds
    }

    /// Runs the clients, each on a thread of its own, until the time is up; returns what they were told.
    public func run(on ledger: Ledger) throws -> Outcome {
        let days = try Days()
        let recipient = try OrganisationID(parsing: "GB-LAE-SRI")
        let results = LockedOutcome()
        let group = DispatchGroup()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        for client in 0..<clients {
            group.enter()
            let thread = Thread {
                let outcome = Self.client(client, on: ledger, until: deadline, days: days, recipient: recipient)
                results.add(outcome)
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        var total = results.total
        total.seconds = Date().timeIntervalSince(start)
        return total
    }

    /// The days the entries carry.
    struct Days: Sendable {
        let awarded: Day
        let start, end, periodEnd, claimed, paid: Day
        let priority: Priority

        init() throws {
            awarded = try Day(parsing: "2017-07-03")
            start = try Day(parsing: "2017-07-10")
            end = try Day(parsing: "2018-03-31")
            periodEnd = try Day(parsing: "2017-07-31")
            claimed = try Day(parsing: "2017-08-01")
            paid = try Day(parsing: "2017-08-20")
            priority = try Priority(parsing: "anti-social-behaviour")
        }
    }

    private static func client(
        _ client: Int, on ledger: Ledger, until deadline: Date, days: Days, recipient: OrganisationID
    ) -> Outcome {
        var outcome = Outcome()
        var random = SplitMix64(seed: UInt64(client) &* 0x9E37_79B9 &+ 1)
        var unclaimed: [Award] = []
        var unpaid: [Claim] = []
        var step = 0
        let change = Change(actor: "client-\(client)", at: Fixtures.at, reason: "load")
        while Date() < deadline {
            step += 1
            var batch = LedgerBatch()
            let choice = random.next(upTo: 2)
            if choice == 2, let claim = unpaid.popLast() {
                batch.payments = [Sourced(Payment(
                    id: "PAY-\(client)-\(step)", award: claim.award, claim: claim.id, amount: claim.amount,
                    date: days.paid))]
            } else if choice >= 1, let award = unclaimed.popLast() {
                batch.claims = [Sourced(Claim(
                    id: "CLM-\(client)-\(step)", award: award.id, periodStart: days.start,
                    periodEnd: days.periodEnd, amount: award.amount, date: days.claimed))]
            } else {
                batch.awards = [Sourced(Award(
                    id: "AWD-\(client)-\(step)", fund: "CSP-2017-18",
                    allocation: allocations[Int(random.next(upTo: UInt64(allocations.count - 1)))],
                    recipient: recipient,
                    title: "Youth diversionary project", amount: Money(pence: Int64(100 + random.next(upTo: 4_899))),
                    decision: "2017/81", awardDate: days.awarded, plannedStart: days.start,
                    plannedEnd: days.end, priorities: [days.priority]))]
            }
            do {
                try ledger.record(batch, as: change)
                if let award = batch.awards.first?.value {
                    outcome.awards += 1
                    outcome.awarded = Money(pence: outcome.awarded.pence + award.amount.pence)
                    unclaimed.append(award)
                } else if let claim = batch.claims.first?.value {
                    outcome.claims += 1
                    outcome.claimed = Money(pence: outcome.claimed.pence + claim.amount.pence)
                    unpaid.append(claim)
                } else if let payment = batch.payments.first?.value {
                    outcome.payments += 1
                    outcome.paid = Money(pence: outcome.paid.pence + payment.amount.pence)
                }
            } catch where !batch.awards.isEmpty && error.code == .exceedsAllocation {
                outcome.full += 1
            } catch {
                outcome.failures.append("client \(client), step \(step): \(error)")
                return outcome
            }
        }
        return outcome
    }
}

private final class LockedOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome = LoadRun.Outcome()

    func add(_ other: LoadRun.Outcome) {
        lock.lock()
        outcome.add(other)
        lock.unlock()
    }

    var total: LoadRun.Outcome {
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }
}
