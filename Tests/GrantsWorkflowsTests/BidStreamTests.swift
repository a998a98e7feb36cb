import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// `grants check FILE --format verdicts` on a JSON Lines file: streamed a chunk at a time on every core, the same
/// verdicts as checking the whole round at once, and nothing written when a line is not a bid.
@Suite struct BidStreamTests {
    /// A Community Action Fund 2017/18 bid on one line; `applicant` repeats make the round matter.
    static func bid(_ index: Int, applicant: Int, requested: String = "1500.00", type: String = "community-group")
        -> String
    {
        """
        {"id":"S-\(index)","scheme":"community-action-fund","financial_year":"2017/18","submitted":"2017-06-01",\
        "applicant":{"id":"360G-Test-ORG-\(applicant)","name":"Group \(applicant) \\"quoted\\" (example)",\
        "type":"\(type)","constituted":true,"unrestricted_reserves":"1000.00",\
        "documents":["constitution","latest-accounts","safeguarding-policy"]},"title":"Project \(index)",\
        "requested":"\(requested)","total_project_cost":"3000.00","planned_start":"2017-07-01",\
        "planned_end":"2018-03-31","priorities":["hate-crime"],"works_with":["children"],"locations":["Preston"],\
        "budget":[{"category":"venue-hire","description":"Hall","amount":"\(requested)","vat_reclaimable":false}]}
        """
    }

    static func round(_ count: Int) -> [String] {
        (0..<count).map { index in
            bid(
                index, applicant: index % 7, requested: index % 5 == 0 ? "2600.00" : "1500.00",
                type: index % 11 == 0 ? "individual" : "community-group")
        }
    }

    func streamed(_ file: String, cores: Int, chunkSize: Int) throws -> (String, BidStream.Summary) {
        var books = try RulebookLibrary()
        var output: [UInt8] = []
        let summary = try BidStream.verdicts(
            file: file, rulebooks: &books, store: nil, cores: cores, chunkSize: chunkSize
        ) { (bytes: [UInt8]) throws(WorkflowError) in
            output += bytes
        }
        return (String(decoding: output, as: UTF8.self), summary)
    }

    @Test(arguments: [(1, 1 << 20), (2, 1 << 20), (2, 600), (3, 1)])
    func theStreamGivesTheVerdictsOfTheWholeRound(cores: Int, chunkSize: Int) throws {
        let folder = try TemporaryFolder()
        let lines = Self.round(60)
        let file = folder.file("round.jsonl")
        // A blank line and a last line without a line break are read as JSON Lines readers read them.
        try Data((lines[..<30].joined(separator: "\n") + "\n\n" + lines[30...].joined(separator: "\n")).utf8)
            .write(to: URL(fileURLWithPath: file))
        var books = try RulebookLibrary()
        let forms = try BidFile.jsonLines(Array(lines.joined(separator: "\n").utf8), file: "round.jsonl").map(\.value)
        let whole = try BidScreening.screen(forms, rulebooks: &books, store: nil)
        let (text, summary) = try streamed(file, cores: cores, chunkSize: chunkSize)
        #expect(text == EligibilityRenderer.render(whole.verdicts, as: .verdicts))
        #expect(summary.bids == 60)
        #expect(summary.eligible + summary.ineligible + summary.incomplete == 60)
        #expect(summary.ineligible == whole.verdicts.filter { $0.outcome == .ineligible }.count)
        // Every format streamed gives the bytes of the report on the whole round.
        for format in EligibilityRenderer.Format.allCases {
            var books = try RulebookLibrary()
            let round = try BidStream.read(file: file, rulebooks: &books, store: nil, cores: cores, chunkSize: chunkSize)
            var output: [UInt8] = []
            let counted = try BidStream.report(round, as: format) { (bytes: [UInt8]) throws(WorkflowError) in
                output += bytes
            }
            #expect(String(decoding: output, as: UTF8.self) == EligibilityRenderer.render(whole.verdicts, as: format),
                    "\(format)")
            #expect(counted == summary, "\(format)")
        }
        // The round counts: applicant 0 applied 9 times, so the one-a-year rule fails on its bids.
        #expect(text.split(separator: "\n").first == #"{"id":"S-0","outcome":"ineligible","failed":["CAF-APPLICANT","CAF-AMOUNT","CAF-ONE-A-YEAR"]}"#)
    }

    @Test func aLineThatIsNotABidRefusesTheFileBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder()
        var lines = Self.round(40)
        lines[33] = #"{"id":"S-33","scheme":"community-action-fund"}"#
        let file = folder.file("round.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        var books = try RulebookLibrary()
        var written = 0
        let error = try #require(throws: WorkflowError.self) {
            _ = try BidStream.verdicts(file: file, rulebooks: &books, store: nil, cores: 2, chunkSize: 500) {
                (bytes: [UInt8]) throws(WorkflowError) in written += bytes.count
            }
        }
        #expect(error.failureKind == .badData)
        #expect(error.message.contains("round.jsonl:34"), "\(error.message)")
        #expect(written == 0)
    }

    @Test func aStringIsEscapedOnItsBytesAsPythonsJSONDumpsDoes() {
        var output: [UInt8] = []
        JSONBytes.string("a\"b\\c\nd\u{1B}e\u{7F}é£\u{1F600}", into: &output)
        #expect(String(decoding: output, as: UTF8.self) == #""a\"b\\c\nd\u001be"# + "\u{7F}é£\u{1F600}\"")
    }

    /// One applicant with many bids in a run: each bid names the first few others and counts the rest, and every bid
    /// is checked in the same time however large the group (the run is indexed once, not scanned for each bid).
    @Test func aLargeGroupOfOneApplicantsBidsIsCountedAndNamedInShort() throws {
        let folder = try TemporaryFolder()
        // 2,000 bids by applicant 1, one id given twice.
        var lines = (0..<2_000).map { Self.bid($0, applicant: 1) }
        lines.append(Self.bid(7, applicant: 1))
        let file = folder.file("one-applicant.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        var books = try RulebookLibrary()
        let forms = try BidFile.jsonLines(Array(lines.joined(separator: "\n").utf8), file: "one.jsonl").map(\.value)
        let verdicts = try BidScreening.screen(forms, rulebooks: &books, store: nil).verdicts
        func detail(_ index: Int) -> String? {
            verdicts[index].results.first { $0.ruleID == "CAF-ONE-A-YEAR" }?.detail
        }
        #expect(detail(0) == "also S-1, S-2, S-3, S-4, S-5 and 1995 more in this run")
        #expect(detail(7) == "also S-0, S-1, S-2, S-3, S-4 and 1994 more in this run")
        #expect(verdicts[7].results.first { $0.ruleID == "CAF-ONE-A-YEAR" }?.found == "2000")
        #expect(verdicts[0].results.first { $0.ruleID == "CAF-ONE-A-YEAR" }?.found == "2001")
        // The stream gives the same lines.
        let (text, _) = try streamed(file, cores: 2, chunkSize: 1 << 16)
        #expect(text == EligibilityRenderer.render(verdicts, as: .verdicts))
    }

    /// A file of one bid: its report has no summary table, as for one bid file.
    @Test func aFileOfOneBidIsReportedAsOneBid() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("one.jsonl")
        try Data((Self.round(1)[0] + "\n").utf8).write(to: URL(fileURLWithPath: file))
        var books = try RulebookLibrary()
        let forms = try BidFile.read(file: file).map(\.value)
        let whole = try BidScreening.screen(forms, rulebooks: &books, store: nil).verdicts
        for format in EligibilityRenderer.Format.allCases {
            let round = try BidStream.read(file: file, rulebooks: &books, store: nil, cores: 2)
            var output: [UInt8] = []
            _ = try BidStream.report(round, as: format) { (bytes: [UInt8]) throws(WorkflowError) in output += bytes }
            #expect(String(decoding: output, as: UTF8.self) == EligibilityRenderer.render(whole, as: format))
        }
    }

    /// A UTF-8 byte-order mark before the first line is not part of the first bid.
    @Test func aByteOrderMarkBeforeTheFirstLineIsSkipped() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("bom.jsonl")
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.round(3).joined(separator: "\n").utf8)).write(to: URL(fileURLWithPath: file))
        let (text, summary) = try streamed(file, cores: 1, chunkSize: 1 << 20)
        #expect(summary.bids == 3)
        #expect(text.hasPrefix(#"{"id":"S-0","#))
        #expect(try BidFile.read(file: file).map(\.value.id) == ["S-0", "S-1", "S-2"])
    }
}
