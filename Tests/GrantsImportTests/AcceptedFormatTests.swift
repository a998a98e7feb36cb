import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

@Suite("What the reader accepts")
struct AcceptedFormatTests {
    /// `Files.award` as compact JSON, with the amount as a JSON number.
    static let compactJSON = #"{"format":"grants-ledger/1","awards":[{"id":"AWD-T-1","fund":"CSP-2017-18","allocation":"ALLOC-SR","recipient":"GB-LAE-SRI","title":"Youth diversionary project","amount":2500.00,"decision":"2017/81","award_date":"2017-07-03","planned_start":"2017-07-10","planned_end":"2018-03-31","priorities":["anti-social-behaviour"]}]}"#

    /// `Files.award` as pretty JSON indented with tabs; the record opens on line 4 and its amount is on line 10.
    static func prettyJSON(amount: String = #""2500.00""#) -> String {
        """
        {
        \t"format": "grants-ledger/1",
        \t"awards": [
        \t\t{
        \t\t\t"id": "AWD-T-1",
        \t\t\t"fund": "CSP-2017-18",
        \t\t\t"allocation": "ALLOC-SR",
        \t\t\t"recipient": "GB-LAE-SRI",
        \t\t\t"title": "Youth diversionary project",
        \t\t\t"amount": \(amount),
        \t\t\t"decision": "2017/81",
        \t\t\t"award_date": "2017-07-03",
        \t\t\t"planned_start": "2017-07-10",
        \t\t\t"planned_end": "2018-03-31",
        \t\t\t"priorities": [
        \t\t\t\t"anti-social-behaviour"
        \t\t\t]
        \t\t}
        \t]
        }

        """
    }

    @Test(
        "JSON with the same keys reads as the same award",
        arguments: [("compact.json", compactJSON), ("pretty.json", prettyJSON())])
    func json(name: String, text: String) throws {
        let expected = try LedgerFile.parse(Files.award, file: "award.yaml").awards.map(\.value)
        let folder = try TemporaryFolder()
        let path = try folder.write(name, text)
        let batch = try LedgerFile.read(paths: [path])
        #expect(batch.count == 1)
        #expect(batch.awards.map(\.value) == expected)
        let ledger = try Fixtures.ledger()
        let outcome = try ledger.record(batch, as: Fixtures.change())
        #expect(outcome.added == [EntryKind.award: 1])
        #expect(try ledger.history(entryID: "AWD-T-1").first?.source?.hasPrefix("\(path):") == true)
    }

    @Test("pretty JSON keeps the line of the record and of each field")
    func jsonLines() throws {
        let batch = try LedgerFile.parse(Self.prettyJSON(), file: "pretty.json")
        let origin = try #require(batch.awards.first?.origin)
        #expect(origin.file == "pretty.json")
        #expect(origin.line == 4)
        #expect(origin.fieldLines["amount"] == 10)
        #expect(origin.fieldLines["priorities"] == 15)
    }

    @Test("a bad amount in pretty JSON names its line and field")
    func jsonBadAmount() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.json", Self.prettyJSON(amount: #""2,500.00""#))
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [path], into: ledger)
        #expect(error.file == path)
        #expect(error.line == 10)
        #expect(error.field == "awards[0].amount")
        #expect(error.message.contains("has a thousands separator"))
    }

    @Test("a JSON syntax error names its line")
    func jsonSyntaxError() throws {
        let folder = try TemporaryFolder()
        // The comma after the title (line 9) is missing: the fault shows at the next key, line 10.
        let text = Self.prettyJSON().replacingOccurrences(
            of: "\"Youth diversionary project\",", with: "\"Youth diversionary project\"")
        let path = try folder.write("bad.json", text)
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [path], into: ledger)
        #expect(error.file == path)
        #expect(error.line == 10)
        #expect(error.field == "")
        #expect(error.message == "not valid JSON: expected ',' or '}' after a value")
    }

    @Test("a JSON negative amount is refused by the ledger at its line")
    func jsonNegativeAmount() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.json", Self.prettyJSON(amount: "-1.00"))
        let ledger = try Fixtures.ledger()
        let error = try refusal(LedgerError.self, importing: [path], into: ledger)
        #expect(error.code == .invalidEntry)
        #expect(error.description.hasPrefix("\(path):10: amount: the amount is -1.00"))
    }

    @Test(
        "amounts written unquoted are exact",
        arguments: [
            ("2500.10", Int64(250_010)), ("2500.1", 250_010), ("0.29", 29), ("0.1", 10), ("4999.99", 499_999),
            ("2500", 250_000), ("1.10", 110), ("0.07", 7),
        ])
    func unquotedAmount(text: String, pence: Int64) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("award.yaml", Files.award("amount", text))
        let batch = try LedgerFile.read(paths: [path])
        #expect(batch.awards.first?.value.amount == Money(pence: pence))
        let ledger = try Fixtures.ledger()
        try ledger.record(batch, as: Fixtures.change())
        let fund = try #require(try ledger.status().funds.first { $0.fundID == "CSP-2017-18" })
        #expect(fund.committed == Money(pence: pence))
    }

    @Test("amounts written as JSON numbers are exact", arguments: ["2500.10", "0.29", "4999.99"])
    func jsonNumberAmount(text: String) throws {
        let batch = try LedgerFile.parse(Self.prettyJSON(amount: text), file: "a.json")
        #expect(batch.awards.first?.value.amount == (try Money(parsing: text)))
    }

    @Test("a folder is read as its .yaml, .yml and .json files, sorted by name; README.md is ignored")
    func folderOrder() throws {
        let folder = try TemporaryFolder()
        // Written out of order; ids chosen so that id order is the reverse of file name order.
        try folder.write("10-c.json", Self.compactJSON.replacingOccurrences(of: "AWD-T-1", with: "AWD-A"))
        try folder.write("02-b.yml", Fixtures.award(id: "AWD-M", amount: "100.00"))
        try folder.write("01-a.yaml", Fixtures.award(id: "AWD-Z", amount: "100.00"))
        // Would fail to parse if they were read.
        try folder.write("README.md", "# Ledger files\n\n- [unclosed\n")
        try folder.write("notes.txt", "format: [\n")
        try folder.write(".draft.yaml", "format: [\n")

        let files = ["01-a.yaml", "02-b.yml", "10-c.json"].map(folder.file)
        #expect(try LedgerFile.expand([folder.path]) == files)
        #expect(try LedgerFile.expand([folder.path + "/"]) == files)

        let batch = try LedgerFile.read(paths: [folder.path])
        #expect(batch.awards.map(\.value.id) == ["AWD-Z", "AWD-M", "AWD-A"])
        #expect(batch.awards.map { $0.origin?.file } == files)

        let ledger = try Fixtures.ledger()
        let outcome = try ledger.record(batch, as: Fixtures.change())
        #expect(outcome.added == [EntryKind.award: 3])
        let recorded = try ledger.history().filter { $0.kind == "award" }
        #expect(recorded.map(\.entryID) == ["AWD-Z", "AWD-M", "AWD-A"])
        // The compact JSON file is one line long.
        #expect(recorded.map(\.source) == [files[0] + ":3", files[1] + ":3", files[2] + ":1"])
    }

    @Test("files named one by one are read in the order given")
    func explicitOrder() throws {
        let folder = try TemporaryFolder()
        let b = try folder.write("b.yaml", Fixtures.award(id: "AWD-B", amount: "100.00"))
        let a = try folder.write("a.yaml", Fixtures.award(id: "AWD-A", amount: "100.00"))
        #expect(try LedgerFile.expand([b, a]) == [b, a])
        #expect(try LedgerFile.read(paths: [b, a]).awards.map(\.value.id) == ["AWD-B", "AWD-A"])
    }

    @Test("empty and null sections are read as no records")
    func emptySections() throws {
        let text = "format: grants-ledger/1\norganisations: []\nfunds:\nawards: ~\npayments: null\n"
        #expect(try LedgerFile.parse(text, file: "empty.yaml").count == 0)
    }
}
