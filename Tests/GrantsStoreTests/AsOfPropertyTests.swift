import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// A report as of a day shows the ledger as it stood then. The oracle: for random ledgers and random days D,
/// - `status` as of D equals the status of a ledger holding only the entries dated on or before D;
/// - the year-to-D return, and each quarter's return, equal the same return from that smaller ledger;
/// - the return's fund and CSP totals equal `status` as of D for the same year, to the penny.
///
/// Each ledger is a random sequence of dated entries (awards, claims, payments, closures, withdrawals, underspend
/// returns, allocation cuts, contribution receipts and withdrawals) on the fixtures, each recorded alone; the ones
/// the ledger refuses are dropped. The smaller ledger records the kept entries dated by D in the same order, and
/// must accept every one of them.
@Suite struct AsOfPropertyTests {
    static let seed: UInt64 = 0x6173_2D6F_662D_3031  // "as-of-01"
    /// Ledgers per run: GRANTS_PROPERTY_SEQUENCES (CI's full run) or 12.
    static let ledgers: Int = {
        guard let text = ProcessInfo.processInfo.environment["GRANTS_PROPERTY_SEQUENCES"], let count = Int(text) else {
            return 12
        }
        return max(12, count / 4)
    }()
    static let stepsPerLedger = 30
    // A constant known to be valid; a failure here is a broken test, not input.
    static let year: FinancialYear = {
        guard let year = FinancialYear(startYear: 2017) else { preconditionFailure("bad fixture") }
        return year
    }()

    /// One entry as its own ledger file, with the day it carries (`nil`: undated, as organisations and funds are).
    struct Dated {
        let text: String
        let day: Day?
    }

    @Test(arguments: 0..<ledgers)
    func aReportAsOfADayIsTheLedgerOfThatDay(ledgerNumber: Int) throws {
        var rng = SplitMix64(seed: Self.seed &+ UInt64(ledgerNumber) &* 0x9E37_79B9_7F4A_7C15)
        let entries = try Self.randomLedger(using: &rng)
        let full = try TestStore.emptyLedger()
        for entry in entries { try full.record(try batch([entry.text]), as: Fixtures.change()) }

        let first = Self.year.firstDay
        let last = try #require(Self.year.lastDay.adding(days: 91))
        var days = (0..<3).map { _ in Self.day(from: first, to: last, using: &rng) }
        let quarter = Quarter.allCases[Int(rng.next(upTo: 3))]
        days.append(Self.year.days(of: quarter).upperBound)
        // Days an entry carries, where off-by-one mistakes show.
        if let someEntry = entries.compactMap(\.day).randomElement(using: &rng) { days.append(someEntry) }

        for day in days {
            let then = try TestStore.emptyLedger()
            for entry in entries where entry.day.map({ $0 <= day }) ?? true {
                do {
                    try then.record(try batch([entry.text]), as: Fixtures.change())
                } catch {
                    Issue.record("ledger \(ledgerNumber), as of \(day): an entry the full ledger took was refused: \(error)\n\(entry.text)")
                }
            }
            try Self.compare(full, then, asOf: day, ledger: ledgerNumber)
            if let quarter = Quarter.allCases.first(where: { Self.year.days(of: $0).upperBound == day }) {
                let period = SpendReturn.Period(year: Self.year, quarter: quarter)
                try Self.compareReturns(full, then, period: period, ledger: ledgerNumber)
            }
        }
    }

    static func compare(_ full: Ledger, _ then: Ledger, asOf day: Day, ledger: Int) throws {
        let asOf = try full.status(.init(asOf: day))
        let everything = try then.status(.init())
        #expect(asOf.funds == everything.funds, "ledger \(ledger), status as of \(day): funds")
        #expect(asOf.csps == everything.csps, "ledger \(ledger), status as of \(day): CSPs")
        #expect(asOf.contributions == everything.contributions, "ledger \(ledger), status as of \(day): contributions")
        guard year.contains(day) else { return }
        try compareReturns(full, then, period: SpendReturn.Period(year: year, asOf: day), ledger: ledger)
    }

    static func compareReturns(_ full: Ledger, _ then: Ledger, period: SpendReturn.Period, ledger: Int) throws {
        let label = "ledger \(ledger), return \(period.label)"
        let fromFull = try full.spendReturn(period: period)
        let fromThen = try then.spendReturn(period: period)
        #expect(fromFull.lines == fromThen.lines, "\(label): award lines")
        #expect(fromFull.contributions == fromThen.contributions, "\(label): contributions")
        #expect(fromFull.payments == fromThen.payments, "\(label): payments")
        #expect(fromFull.claims == fromThen.claims, "\(label): claims")
        #expect(fromFull.fundBudgets == fromThen.fundBudgets, "\(label): fund budgets")
        #expect(fromFull.partnershipBudgets == fromThen.partnershipBudgets, "\(label): partnership budgets")
        let totals = try fromFull.totals()
        #expect(totals == (try fromThen.totals()), "\(label): totals")
        // The return's totals are the status for the same year as of the same day.
        let status = try full.status(.init(year: period.year, asOf: period.days.upperBound))
        for total in totals {
            let line = total.level == .fund
                ? status.funds.first { $0.fundID == total.key }
                : status.csps.first { $0.fundID == total.fundID && $0.csp?.rawValue == total.key }
            guard let line else {
                Issue.record("\(label): no status line for \(total.level) \(total.key)")
                continue
            }
            #expect(total.committed == line.committed, "\(label): \(total.key) committed")
            #expect(total.paidToDate == line.paid, "\(label): \(total.key) paid")
            #expect(total.returned == line.returned, "\(label): \(total.key) returned")
        }
    }

    // MARK: - A random ledger

    static func day(from: Day, to: Day, using rng: inout SplitMix64) -> Day {
        from.adding(days: Int(rng.next(upTo: UInt64(max(0, to.ordinal - from.ordinal))))) ?? from
    }

    static func pounds(_ rng: inout SplitMix64, upTo: UInt64) -> String {
        Money(pence: Int64(1 + rng.next(upTo: upTo * 100 - 1))).plain
    }

    static func randomLedger(using rng: inout SplitMix64) throws -> [Dated] {
        let parts = Fixtures.base.components(separatedBy: "allocations:\n")
        var entries = [
            Dated(text: parts[0], day: nil),
            Dated(text: "format: grants-ledger/1\nallocations:\n" + parts[1], day: Day(year: 2017, month: 4, day: 20)),
            Dated(text: Entry.contribution(id: "C-1", years: [("2017/18", "1200.00"), ("2018/19", "1200.00")]),
                  day: Day(year: 2017, month: 3, day: 1)),
        ]
        let opens = try #require(Day(year: 2017, month: 4, day: 20))
        let lastDay = year.lastDay
        let latest = try #require(lastDay.adding(days: 91))
        var awards: [(id: String, day: Day, amount: UInt64)] = []
        for step in 0..<stepsPerLedger {
            let kind = awards.isEmpty ? 0 : Int(rng.next(upTo: 9))
            let award = awards.isEmpty ? nil : awards[Int(rng.next(upTo: UInt64(awards.count - 1)))]
            let later = award.map { day(from: $0.day, to: latest, using: &rng) } ?? lastDay
            switch (kind, award) {
            case (0, _), (1, _):
                let id = "AW-\(step)"
                let awardDay = day(from: opens, to: lastDay, using: &rng)
                let pence = 1 + rng.next(upTo: 1_499)
                let csp = rng.next(upTo: 1) == 0
                entries.append(Dated(text: Entry.file("awards", [
                    ("id", id), ("fund", csp ? "CSP-2017-18" : "CAF-2017-18"), ("allocation", csp ? "ALLOC-SR" : nil),
                    ("recipient", csp ? "GB-LAE-SRI" : "360G-Test-ORG-0001"), ("title", "Project \(step)"),
                    ("amount", "\"\(pence).00\""), ("decision", "\"2017/\(step)\""), ("award_date", "\(awardDay)"),
                    ("planned_start", "\(awardDay)"), ("planned_end", "\(lastDay)"), ("priorities", "[hate-crime]"),
                ]), day: awardDay))
                awards.append((id, awardDay, pence))
            case (2, let award?):
                let end = min(lastDay, award.day.adding(days: 60) ?? lastDay)
                entries.append(Dated(text: Entry.file("claims", [
                    ("id", "CL-\(step)"), ("award", award.id), ("period_start", "\(award.day)"), ("period_end", "\(end)"),
                    ("amount", "\"\(pounds(&rng, upTo: award.amount))\""), ("date", "\(later)"),
                ]), day: later))
            case (3, let award?), (4, let award?):
                entries.append(Dated(
                    text: Entry.payment(id: "P-\(step)", award: award.id, amount: pounds(&rng, upTo: award.amount / 2 + 1),
                                        date: "\(later)"),
                    day: later))
            case (5, let award?):
                entries.append(Dated(text: Entry.file("award_closures", [
                    ("id", "CLS-\(step)"), ("award", award.id), ("spent", "\"\(pounds(&rng, upTo: award.amount))\""),
                    ("date", "\(later)"),
                ]), day: later))
            case (6, let award?):
                entries.append(Dated(text: Entry.file("award_withdrawals", [
                    ("id", "WD-\(step)"), ("award", award.id), ("date", "\(later)"), ("reason", "withdrawn"),
                ]), day: later))
            case (7, let award?):
                entries.append(Dated(
                    text: Entry.underspend(id: "R-\(step)", award: award.id, amount: pounds(&rng, upTo: 100), date: "\(later)"),
                    day: later))
            case (8, _):
                let cut = day(from: opens, to: lastDay, using: &rng)
                entries.append(Dated(text: Entry.file("allocation_changes", [
                    ("id", "CH-\(step)"), ("allocation", "ALLOC-SR"), ("delta", "\"-\(pounds(&rng, upTo: 300))\""),
                    ("decision", "\"2017/C\(step)\""), ("date", "\(cut)"), ("reason", "re-plan"),
                ]), day: cut))
            default:
                let received = day(from: year.firstDay, to: latest, using: &rng)
                if rng.next(upTo: 3) == 0 {
                    entries.append(Dated(
                        text: Entry.withdrawal(id: "CW-\(step)", contribution: "C-1", effective: "\(received)"),
                        day: received))
                } else {
                    entries.append(Dated(text: Entry.file("contribution_receipts", [
                        ("id", "RC-\(step)"), ("contribution", "C-1"), ("financial_year", "\"2017/18\""),
                        ("amount", "\"\(pounds(&rng, upTo: 400))\""), ("date", "\(received)"),
                    ]), day: received))
                }
            }
        }
        // Keep what a ledger accepts, in order.
        let probe = try TestStore.emptyLedger()
        return entries.filter { entry in
            (try? probe.record(try batch([entry.text]), as: Fixtures.change())) != nil
        }
    }
}
