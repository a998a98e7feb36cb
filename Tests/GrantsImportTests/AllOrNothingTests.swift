import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

@Suite("An import is all or nothing")
struct AllOrNothingTests {
    @Test("a folder whose second file has a bad record writes nothing, not even the first file")
    func badSecondFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("01-good.yaml", Fixtures.award(id: "AWD-G-1", amount: "100.00"))
        let bad = try folder.write("02-bad.yaml", Files.award("amount", "\"2,500.00\""))
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [folder.path], into: ledger)
        #expect(error.file == bad)
        #expect(error.line == 8)
        #expect(error.field == "awards[0].amount")
        #expect(try ledger.history(entryID: "AWD-G-1").isEmpty)
    }

    @Test("a folder whose second file breaks a ledger rule writes nothing, not even the first file")
    func refusedSecondFile() throws {
        let folder = try TemporaryFolder()
        try folder.write("01-good.yaml", Fixtures.award(id: "AWD-G-1", amount: "4000.00"))
        let over = try folder.write("02-over.yaml", Fixtures.award(id: "AWD-G-2", amount: "1500.00"))
        let ledger = try Fixtures.ledger()
        let error = try refusal(LedgerError.self, importing: [folder.path], into: ledger)
        #expect(error.code == .exceedsAllocation)
        #expect(error.entryID == "AWD-G-2")
        #expect(error.description.hasPrefix("\(over):8: amount: awarding £1,500.00 would commit £5,500.00"))
        #expect(try ledger.history(entryID: "AWD-G-1").isEmpty)
    }

    @Test("importing the same file twice changes nothing the second time")
    func sameFileTwice() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("award.yaml", Files.award)
        let ledger = try Fixtures.ledger()
        let first = try importFiles([path], into: ledger)
        #expect(first.added == [EntryKind.award: 1])
        #expect(first.unchanged == 0)
        let before = try LedgerSnapshot(ledger)
        let second = try importFiles([path], into: ledger)
        #expect(second.addedCount == 0)
        #expect(second.unchanged == 1)
        #expect(try LedgerSnapshot(ledger) == before)
    }

    @Test("re-importing the base fixture adds nothing")
    func baseTwice() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("base.yaml", Fixtures.base)
        let ledger = try Fixtures.ledger()
        let before = try LedgerSnapshot(ledger)
        let outcome = try importFiles([path], into: ledger)
        #expect(outcome.addedCount == 0)
        #expect(outcome.unchanged == 8)
        #expect(try LedgerSnapshot(ledger) == before)
    }

    @Test("a file that contradicts a stored award is a conflict, and its new records are not written either")
    func conflictingAward() throws {
        let folder = try TemporaryFolder()
        let ledger = try Fixtures.ledger()
        try importFiles([try folder.write("first.yaml", Files.award)], into: ledger)
        // A new award first (lines 3 to 13), then AWD-T-1 again with another amount (its amount on line 19).
        let text = Fixtures.award(id: "AWD-T-2", amount: "100.00")
            + StoreRefusalTests.secondAward(id: "AWD-T-1", amount: "2600.00")
        let path = try folder.write("second.yaml", text)
        let error = try refusal(LedgerError.self, importing: [path], into: ledger)
        #expect(error.code == .conflict)
        #expect(error.entryID == "AWD-T-1")
        #expect(error.field == "amount")
        #expect(error.origin?.file == path)
        #expect(error.origin?.location(of: "amount") == "\(path):19")
        #expect(error.description.hasPrefix("\(path):19: amount: "))
        #expect(error.message.contains("award AWD-T-1 is already in the ledger with different contents"))
        #expect(error.message.contains("amount is 2500.00 in the ledger but 2600.00 here"))
        #expect(try ledger.history(entryID: "AWD-T-2").isEmpty)
    }

    @Test("a file that renames a stored organisation is a conflict naming the field")
    func conflictingOrganisation() throws {
        let folder = try TemporaryFolder()
        let text = """
            format: grants-ledger/1
            organisations:
              - id: 360G-Test-ORG-0001
                name: Leyland Boxing Club (example)
                kind: community-group
                example: true

            """
        let path = try folder.write("org.yaml", text)
        let ledger = try Fixtures.ledger()
        let error = try refusal(LedgerError.self, importing: [path], into: ledger)
        #expect(error.code == .conflict)
        #expect(error.entryID == "360G-Test-ORG-0001")
        #expect(error.field == "name")
        #expect(error.description.hasPrefix("\(path):4: name: "))
        #expect(error.message.contains(
            "name is Leyland Youth Boxing Club (example) in the ledger but Leyland Boxing Club (example) here"))
    }
}
