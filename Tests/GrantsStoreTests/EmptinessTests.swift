import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// `Ledger.isEmpty()`: what a copy, or `grants serve --demo --db`, may be written into.
@Suite struct EmptinessTests {
    @Test func aNewLedgerIsEmptyAndOneEntryMakesItNot() throws {
        let ledger = try TestStore.emptyLedger()
        #expect(try ledger.isEmpty())
        let base = try LedgerFile.parse(Fixtures.base, file: "base.yaml")
        _ = try ledger.record(base, as: Fixtures.change())
        #expect(try !ledger.isEmpty())
    }

    @Test func aRefusedBatchLeavesItEmpty() throws {
        let ledger = try TestStore.emptyLedger()
        // An award on an allocation the ledger does not hold: refused, and nothing of the batch is kept.
        let award = try batch(Fixtures.award(id: "AW-1", amount: "1000.00"))
        #expect(throws: LedgerError.self) { try ledger.record(award, as: Fixtures.change()) }
        #expect(try ledger.isEmpty())
    }
}
