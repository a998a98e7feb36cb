import Foundation
import GRDB
import Testing
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport

/// Re-allocating mid-year: a cut, or a move between CSPs, as a new decision; committed money is never taken away.
@Suite struct ReallocationTests {
    private func change(
        _ id: String, _ allocation: String, _ pence: Int64, decision: String = "2018/02"
    ) throws -> Sourced<AllocationChange> {
        Sourced(AllocationChange(
            id: id, allocation: allocation, delta: Money(pence: pence), decision: decision,
            date: try Day(parsing: "2018-01-10"), reason: "test"))
    }

    /// `Fixtures.base` and a 2018/19 CSP fund with an allocation to the same partnership.
    private func ledgerWithTwoYears() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try record(
            ledger, Entry.fund(id: "CSP-2018-19", scheme: "csp-grant", amount: "8000.00", year: "2018/19"),
            Entry.allocation(id: "ALLOC-SR-18", amount: "3000.00", fund: "CSP-2018-19"))
        return ledger
    }

    private func ledgerWithAward(_ amount: String) throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: amount), file: "award.yaml"),
                          as: Fixtures.change())
        return ledger
    }

    private func cspLine(_ ledger: Ledger) throws -> StatusReport.Line {
        try #require(try ledger.status().csps.first)
    }

    @Test func aCutLeavesWhatIsCommitted() throws {
        let ledger = try ledgerWithAward("3000.00")
        var batch = LedgerBatch()
        batch.allocationChanges = [try change("CUT-1", "ALLOC-SR", -200_000)]
        try ledger.record(batch, as: Fixtures.change())
        let line = try cspLine(ledger)
        #expect(line.budget == Money(pence: 300_000))
        #expect(try line.remaining() == .zero)
        #expect(try ledger.unallocated(fund: "CSP-2017-18") == Money(pence: 700_000))
        #expect(try ledger.reconcile().balances)
    }

    @Test func aCutIntoCommittedMoneyIsRefusedAndChangesNothing() throws {
        let ledger = try ledgerWithAward("3000.00")
        let before = try ledger.status()
        var batch = LedgerBatch()
        batch.allocationChanges = [try change("CUT-1", "ALLOC-SR", -200_001)]
        #expect {
            try ledger.record(batch, as: Fixtures.change())
        } throws: { error in
            guard let error = error as? LedgerError else { return false }
            return error.code == .exceedsAllocation && error.message.contains("can be cut by at most £2,000.00")
        }
        #expect(try ledger.status() == before)
    }

    @Test func anIncreaseCannotPassTheFund() throws {
        let ledger = try Fixtures.ledger()
        var batch = LedgerBatch()
        batch.allocationChanges = [try change("ADD-1", "ALLOC-SR", 500_001)]
        #expect(throws: LedgerError.self) { try ledger.record(batch, as: Fixtures.change()) }
        batch.allocationChanges = [try change("ADD-1", "ALLOC-SR", 500_000)]
        try ledger.record(batch, as: Fixtures.change())
        #expect(try cspLine(ledger).budget == Money(pence: 1_000_000))
        #expect(try ledger.unallocated(fund: "CSP-2017-18") == .zero)
    }

    @Test func moneyMovedToANewAllocationInOneDecisionNeverCountsTwice() throws {
        let ledger = try Fixtures.ledger()
        // Fill the fund, then move £1,000.00 of the first allocation to a second in one batch.
        var fill = LedgerBatch()
        fill.allocationChanges = [try change("ADD-1", "ALLOC-SR", 500_000)]
        try ledger.record(fill, as: Fixtures.change())
        var move = LedgerBatch()
        move.allocationChanges = [try change("CUT-2", "ALLOC-SR", -100_000)]
        move.allocations = [Sourced(Allocation(
            id: "ALLOC-SR-2", fund: "CSP-2017-18", csp: try OrganisationID(parsing: "360G-Test-CSP-SR"),
            amount: Money(pence: 100_000), decision: "2018/02", date: try Day(parsing: "2018-01-10")))]
        try ledger.record(move, as: Fixtures.change())
        #expect(try cspLine(ledger).budget == Money(pence: 1_000_000))
        #expect(try ledger.reconcile().balances)
        // An award may now use the whole of the new allocation, from the day it was made.
        let award = Fixtures.award(id: "AW-2", amount: "1000.00", allocation: "ALLOC-SR-2")
        #expect(throws: LedgerError.self) {
            try ledger.record(try LedgerFile.parse(award, file: "a.yaml"), as: Fixtures.change())
        }
        try ledger.record(
            try LedgerFile.parse(award.replacingOccurrences(of: "award_date: 2017-07-03", with: "award_date: 2018-01-10"),
                                 file: "a.yaml"),
            as: Fixtures.change())
    }

    /// Item 6 of the issue: `grants reallocate` from a 2017/18 allocation to a 2018/19 one changed both pots.
    @Test func aMoveBetweenFundsInOneBatchIsRefused() throws {
        let ledger = try ledgerWithTwoYears()
        var move = LedgerBatch()
        move.allocationChanges = [try change("CUT-1", "ALLOC-SR", -10_000), try change("ADD-1", "ALLOC-SR-18", 10_000)]
        let error = try expectRefused(
            move, by: ledger, code: .invalidEntry,
            mentioning: ["decision 2018/02", "cuts allocation ALLOC-SR of fund CSP-2017-18 (CUT-1)",
                         "increase allocation ALLOC-SR-18 of fund CSP-2018-19", "one fund"])
        #expect(error.field == "allocation" && error.entryID == "ADD-1")
        #expect(try ledger.reconcile().balances)
    }

    /// The rule holds across batches, whichever half comes first, and for a new allocation as for an increase.
    @Test func aMoveBetweenFundsAcrossBatchesIsRefused() throws {
        let cutFirst = try ledgerWithTwoYears()
        var cut = LedgerBatch()
        cut.allocationChanges = [try change("CUT-1", "ALLOC-SR", -10_000)]
        try cutFirst.record(cut, as: Fixtures.change())
        var add = LedgerBatch()
        add.allocationChanges = [try change("ADD-1", "ALLOC-SR-18", 10_000)]
        #expect(try expectRefused(add, by: cutFirst, code: .invalidEntry).entryID == "ADD-1")
        var made = LedgerBatch()
        made.allocations = [Sourced(Allocation(
            id: "ALLOC-SR-18-2", fund: "CSP-2018-19", csp: try org("360G-Test-CSP-SR"), amount: Money(pence: 10_000),
            decision: "2018/02", date: try day("2018-01-10")))]
        let error = try expectRefused(made, by: cutFirst, code: .invalidEntry, mentioning: ["make allocation ALLOC-SR-18-2"])
        #expect(error.field == "fund" && error.entryID == "ALLOC-SR-18-2")

        let addFirst = try ledgerWithTwoYears()
        try addFirst.record(add, as: Fixtures.change())
        let refused = try expectRefused(
            cut, by: addFirst, code: .invalidEntry,
            mentioning: ["increases allocation ALLOC-SR-18 of fund CSP-2018-19 (ADD-1)", "cut allocation ALLOC-SR"])
        #expect(refused.entryID == "CUT-1")
    }

    /// "Moving" money to the allocation it came from records two changes and moves nothing.
    @Test func aMoveToTheSameAllocationIsRefused() throws {
        let ledger = try Fixtures.ledger()
        var move = LedgerBatch()
        move.allocationChanges = [try change("CUT-1", "ALLOC-SR", -10_000), try change("ADD-1", "ALLOC-SR", 10_000)]
        let error = try expectRefused(
            move, by: ledger, code: .invalidEntry, mentioning: ["both cuts allocation ALLOC-SR (CUT-1) and increases it"])
        #expect(error.field == "allocation" && error.entryID == "ADD-1")
    }

    /// A decision that only cuts (or only increases) may touch several funds; moves inside a fund are as before.
    @Test func cutsAloneMayTouchSeveralFunds() throws {
        let ledger = try ledgerWithTwoYears()
        var cuts = LedgerBatch()
        cuts.allocationChanges = [try change("CUT-1", "ALLOC-SR", -10_000), try change("CUT-2", "ALLOC-SR-18", -10_000)]
        try ledger.record(cuts, as: Fixtures.change())
        var increases = LedgerBatch()
        increases.allocationChanges = [
            try change("ADD-1", "ALLOC-SR", 5_000, decision: "2018/03"),
            try change("ADD-2", "ALLOC-SR-18", 5_000, decision: "2018/03"),
        ]
        try ledger.record(increases, as: Fixtures.change())
        #expect(try ledger.reconcile().balances)
    }

    /// A ledger written before the rule may hold a move between funds: each fund's check names it.
    @Test func reconcileNamesAMoveBetweenFunds() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try record(
                ledger, Entry.fund(id: "CSP-2018-19", scheme: "csp-grant", amount: "8000.00", year: "2018/19"),
                Entry.allocation(id: "ALLOC-SR-18", amount: "3000.00", fund: "CSP-2018-19"))
        }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO allocation_changes VALUES ('CUT-1', 'ALLOC-SR', -10000, '2018/02', '2018-01-10', 'old');
                INSERT INTO allocation_changes VALUES ('ADD-1', 'ALLOC-SR-18', 10000, '2018/02', '2018-01-10', 'old');
                """)
        }
        let reconciliation = try Ledger(path: path).reconcile()
        #expect(!reconciliation.balances)
        let failures = reconciliation.checks.filter { !$0.balances }
        #expect(failures.map(\.subject) == ["fund CSP-2017-18", "fund CSP-2018-19"])
        let first = try #require(failures.first)
        #expect(first.equation.contains("decision 2018/02 moves money between fund CSP-2017-18 (CUT-1) and fund CSP-2018-19 (ADD-1)"))
        #expect(first.entries.contains("CUT-1") && first.entries.contains("ADD-1"))
    }
}
