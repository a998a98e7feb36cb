import Testing
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport

/// Re-allocating mid-year: a cut, or a move between CSPs, as a new decision; committed money is never taken away.
@Suite struct ReallocationTests {
    private func change(_ id: String, _ allocation: String, _ pence: Int64) throws -> Sourced<AllocationChange> {
        Sourced(AllocationChange(
            id: id, allocation: allocation, delta: Money(pence: pence), decision: "2018/02",
            date: try Day(parsing: "2018-01-10"), reason: "test"))
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
        // An award may now use the whole of the new allocation.
        try ledger.record(
            try LedgerFile.parse(Fixtures.award(id: "AW-2", amount: "1000.00", allocation: "ALLOC-SR-2"), file: "a.yaml"),
            as: Fixtures.change())
    }
}
