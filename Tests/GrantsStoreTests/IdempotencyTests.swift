import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Recording what is already there changes nothing; recording something different under a stored id is refused.
@Suite struct IdempotencyTests {
    @Test func recordingTheBaseTwiceAddsNothingTheSecondTime() throws {
        let ledger = try TestStore.emptyLedger()
        let base = try LedgerFile.parse(Fixtures.base, file: "base.yaml")
        let first = try ledger.record(base, as: Fixtures.change())
        #expect(first.addedCount == base.count)
        #expect(first.added == [.organisation: 5, .fund: 2, .allocation: 1])
        #expect(first.unchanged == 0)
        let before = try LedgerSnapshot(ledger)

        let second = try ledger.record(base, as: Fixtures.change("again"))
        #expect(second.addedCount == 0)
        #expect(second.added.isEmpty)
        #expect(second.unchanged == base.count)
        #expect(try LedgerSnapshot(ledger) == before)
        #expect(try ledger.history().count == 8)
    }

    @Test func recordingTheSameAwardBatchTwice() throws {
        let ledger = try Fixtures.ledger()
        let entries = try batch(
            Fixtures.award(id: "AW-1", amount: "1000.00"), Fixtures.payment(id: "P-1", award: "AW-1", amount: "400.00"),
            Entry.underspend(id: "R-1", award: "AW-1", amount: "100.00"))
        let first = try ledger.record(entries, as: Fixtures.change())
        #expect(first.addedCount == 3)
        #expect(first.added == [.award: 1, .payment: 1, .underspendRepayment: 1])
        let before = try LedgerSnapshot(ledger)

        let second = try ledger.record(entries, as: Fixtures.change())
        #expect(second.addedCount == 0)
        #expect(second.unchanged == entries.count)
        #expect(try LedgerSnapshot(ledger) == before)
    }

    /// An award of £5,000.00 on a £5,000.00 allocation can be re-imported: an unchanged entry is not counted twice.
    @Test func reimportingAFullAllocationIsNotAnOverCommitment() throws {
        let ledger = try Fixtures.ledger()
        let full = try batch(Fixtures.award(id: "AW-1", amount: "5000.00"))
        try ledger.record(full, as: Fixtures.change())
        let again = try ledger.record(full, as: Fixtures.change())
        #expect(again.addedCount == 0)
        #expect(again.unchanged == 1)
    }

    @Test func aBatchMixingStoredAndNewEntriesAddsOnlyTheNew() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-1", amount: "1000.00"))
        let outcome = try record(
            ledger, Fixtures.base, Fixtures.award(id: "AW-1", amount: "1000.00"),
            Fixtures.award(id: "AW-2", amount: "500.00"))
        #expect(outcome.added == [.award: 1])
        #expect(outcome.unchanged == 9)
        #expect(try ledger.history().count == 10)
    }

    @Test func aStoredIDWithDifferentContentsIsAConflict() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-1", amount: "1000.00"))
        var entries = try validLead()
        entries.append(contentsOf: try batch(Fixtures.award(id: "AW-1", amount: "1500.00")))
        let error = try expectRefused(
            entries, by: ledger, code: .conflict,
            mentioning: ["AW-1", "amount is 1000.00 in the ledger but 1500.00 here", "record a correction"])
        #expect(error.field == "amount")
        #expect(error.entryID == "AW-1")
        #expect(try ledger.counts()[.award] == 1)
    }

    /// (file as stored, same id with one field changed, id, differing field)
    @Test(arguments: [
        (Fixtures.base, Fixtures.base.replacingOccurrences(of: "amount: \"10000.00\"", with: "amount: \"12000.00\""),
         "CSP-2017-18", "amount"),
        (Fixtures.base, Fixtures.base.replacingOccurrences(of: "decision: \"2017/12\"", with: "decision: \"2017/13\""),
         "ALLOC-SR", "decision"),
        (Fixtures.base, Fixtures.base.replacingOccurrences(of: "name: Lancashire Constabulary", with: "name: Lancs Police"),
         "360G-Test-POLICE", "name"),
        (Fixtures.base, Fixtures.base.replacingOccurrences(of: "members: [GB-LAE-SRI, 360G-Test-POLICE]",
                                                           with: "members: [GB-LAE-SRI]"),
         "360G-Test-CSP-SR", "members"),
        (Fixtures.base, Fixtures.base.replacingOccurrences(of: "    example: true\n", with: ""),
         "360G-Test-ORG-0001", "example"),
        (Entry.contribution(id: "C-1", years: [("2017/18", "8000.00")]),
         Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00")]), "C-1", "years"),
    ])
    func conflictNamesTheIDAndTheField(stored: String, changed: String, id: String, field: String) throws {
        #expect(stored != changed, "the fixture text changed; the test no longer edits it")
        let ledger = try Fixtures.ledger()
        try record(ledger, stored)
        let error = try expectRefused(try batch(changed), by: ledger, code: .conflict, mentioning: [id, field])
        #expect(error.entryID == id)
        #expect(error.field == field)
    }

    @Test func theSameIDTwiceInOneBatchWithDifferentContentsIsADuplicate() throws {
        let ledger = try Fixtures.ledger()
        var entries = try validLead()
        entries.append(contentsOf: try batch(
            Fixtures.award(id: "AW-1", amount: "100.00"), Fixtures.award(id: "AW-1", amount: "200.00")))
        let error = try expectRefused(entries, by: ledger, code: .duplicateID, mentioning: ["AW-1", "twice"])
        #expect(error.entryID == "AW-1")
        #expect(error.field == "id")
    }

    @Test func theSameEntryTwiceInOneBatchIsRecordedOnce() throws {
        let ledger = try Fixtures.ledger()
        let award = Fixtures.award(id: "AW-1", amount: "3000.00")
        // Counted twice this would be £6,000.00 against a £5,000.00 allocation.
        let outcome = try record(ledger, award, award)
        #expect(outcome.addedCount == 1)
        #expect(outcome.unchanged == 1)
        #expect(try ledger.counts()[.award] == 1)
        #expect(try ledger.history(entryID: "AW-1").count == 1)
        #expect(try ledger.status().csps.first?.committed == (try money("3000.00")))
    }

    @Test func theSameIDMayBeUsedByDifferentKinds() throws {
        let ledger = try Fixtures.ledger()
        let outcome = try record(
            ledger, Fixtures.award(id: "X-1", amount: "100.00"), Fixtures.payment(id: "X-1", award: "X-1", amount: "50.00"))
        #expect(outcome.added == [.award: 1, .payment: 1])
        #expect(try ledger.history(entryID: "X-1").map(\.kind) == ["award", "payment"])
    }
}
