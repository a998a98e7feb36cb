import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// An error about an entry read from a file points at the file, the line of the offending field, and the field.
@Suite struct OriginTests {
    @Test func exceedingTheAllocationPointsAtTheAmountLine() throws {
        let ledger = try Fixtures.ledger()
        let text = Fixtures.award(id: "AW-1", amount: "5000.01")
        let error = try expectRefused(
            try LedgerFile.parse(text, file: "awards/2017.yaml"), by: ledger, code: .exceedsAllocation,
            mentioning: ["£5,000.01", "£5,000.00"])
        #expect(error.origin?.file == "awards/2017.yaml")
        #expect(error.field == "amount")
        #expect(error.entryID == "AW-1")
        #expect(line(of: "amount:", in: text) == 8)
        #expect(error.description.hasPrefix("awards/2017.yaml:8: amount: "), "\(error.description)")
        #expect(error.description.hasSuffix(error.message))
    }

    @Test func theRecordLineIsWhereTheEntryStarts() throws {
        let ledger = try Fixtures.ledger()
        let text = Fixtures.award(id: "AW-1", amount: "5000.01")
        let error = try #require(throws: LedgerError.self) {
            try ledger.record(try LedgerFile.parse(text, file: "a.yaml"), as: Fixtures.change())
        }
        let origin = try #require(error.origin)
        #expect(origin.line == 3)
        #expect(origin.location() == "a.yaml:3")
        #expect(origin.location(of: "amount") == "a.yaml:8")
    }

    /// Each refusal names its field's own line: (file text, expected field, expected description prefix's line).
    @Test(arguments: [
        (Fixtures.award(id: "AW-1", amount: "10.00", allocation: "ALLOC-NOPE"), "allocation", LedgerError.Code.unknownReference),
        (Fixtures.award(id: "AW-1", amount: "0.00"), "amount", .invalidEntry),
        (Fixtures.payment(id: "P-1", award: "AW-NOPE", amount: "10.00"), "award", .unknownReference),
        (Fixtures.payment(id: "P-1", award: "AW-OK", amount: "100.01"), "amount", .exceedsAward),
        (Fixtures.payment(id: "P-1", award: "AW-OK", amount: "10.00", date: "2017-01-01"), "date", .invalidEntry),
        (Entry.allocation(id: "ALLOC-CAF", amount: "1.00", fund: "CAF-2017-18"), "fund", .invalidEntry),
        (Entry.organisation(id: "360G-Test-CSP-X", name: "X", kind: "csp", members: ["360G-Test-ORG-0001"]), "members",
         .invalidEntry),
    ])
    func errorNamesTheFieldLine(text: String, field: String, code: LedgerError.Code) throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-OK", amount: "100.00"))
        let error = try expectRefused(try LedgerFile.parse(text, file: "import.yaml"), by: ledger, code: code)
        let fieldLine = try #require(line(of: "\(field):", in: text))
        #expect(error.origin?.file == "import.yaml")
        #expect(error.field == field)
        #expect(error.description.hasPrefix("import.yaml:\(fieldLine): \(field): "), "\(error.description)")
    }

    @Test func theSecondEntryOfAFileIsPlacedOnItsOwnLines() throws {
        let ledger = try Fixtures.ledger()
        let text = """
            format: grants-ledger/1
            awards:
              - id: AW-1
                fund: CSP-2017-18
                allocation: ALLOC-SR
                recipient: GB-LAE-SRI
                title: First project
                amount: "3000.00"
                decision: "2017/81"
                award_date: 2017-07-03
                planned_start: 2017-07-10
                planned_end: 2018-03-31
                priorities: [anti-social-behaviour]
              - id: AW-2
                fund: CSP-2017-18
                allocation: ALLOC-SR
                recipient: GB-LAE-SRI
                title: Second project
                amount: "2000.01"
                decision: "2017/82"
                award_date: 2017-07-03
                planned_start: 2017-07-10
                planned_end: 2018-03-31
                priorities: [anti-social-behaviour]

            """
        let error = try expectRefused(
            try LedgerFile.parse(text, file: "two.yaml"), by: ledger, code: .exceedsAllocation,
            mentioning: ["£2,000.01", "£5,000.01", "£5,000.00"])
        #expect(error.entryID == "AW-2")
        #expect(error.origin?.line == 14)
        #expect(error.description.hasPrefix("two.yaml:19: amount: "), "\(error.description)")
    }

    @Test func aConflictPointsAtTheDifferingField() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-1", amount: "1000.00"))
        let error = try expectRefused(
            try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: "1500.00"), file: "again.yaml"), by: ledger,
            code: .conflict)
        #expect(error.description.hasPrefix("again.yaml:8: amount: "), "\(error.description)")
    }

    @Test func aDuplicateIDPointsAtTheSecondIDAndNamesTheFirst() throws {
        let ledger = try Fixtures.ledger()
        var entries = try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: "100.00"), file: "first.yaml")
        entries.append(contentsOf: try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: "200.00"), file: "second.yaml"))
        let error = try expectRefused(entries, by: ledger, code: .duplicateID, mentioning: ["AW-1", "first.yaml:3"])
        #expect(error.description.hasPrefix("second.yaml:3: id: "), "\(error.description)")
    }

    @Test func anEntryBuiltInCodeHasNoOrigin() throws {
        let ledger = try Fixtures.ledger()
        var entries = LedgerBatch()
        entries.payments = [
            Sourced(Payment(id: "P-1", award: "AW-NOPE", amount: try money("10.00"), date: try day("2017-10-16")))
        ]
        let error = try expectRefused(entries, by: ledger, code: .unknownReference, mentioning: ["AW-NOPE"])
        #expect(error.origin == nil)
        #expect(error.description == "award: " + error.message)
    }
}
