import Foundation
import GrantsImport
import GrantsTestSupport
import Testing

/// What an input file looks like before it is parsed: its size, its encoding, and the messages that say so.
@Suite struct InputShapeTests {
    static let bid = """
        format: grants-bid/1
        id: CAF-2017-900
        scheme: community-action-fund
        financial_year: 2017/18
        submitted: 2017-06-01
        applicant: {id: 360G-Test-ORG-0001, name: Test group, type: community-group, documents: []}
        title: Test
        requested: "100.00"
        planned_start: 2017-07-01
        planned_end: 2017-08-01
        priorities: [anti-social-behaviour]
        locations: [Preston]

        """

    @Test func aByteOrderMarkIsAcceptedInABidFileAsInALedgerFile() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("bom.yaml")
        try (Data([0xEF, 0xBB, 0xBF]) + Data(Self.bid.utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try BidFile.read(file: path).first?.value.id == "CAF-2017-900")
    }

    @Test func utf16AndNULSayWhatTheyAreAndWhere() throws {
        let folder = try TemporaryFolder()
        let utf16 = folder.file("utf16.yaml")
        try (Data([0xFF, 0xFE]) + Self.bid.data(using: .utf16LittleEndian)!).write(to: URL(fileURLWithPath: utf16))
        let utf16Error = #expect(throws: ImportError.self) { try BidFile.read(file: utf16) }
        #expect(utf16Error?.message == "the file is UTF-16 text; save it as UTF-8")
        let nul = folder.file("nul.yaml")
        try Data(Self.bid.replacingOccurrences(of: "title: Test", with: "title: Te\u{0}st").utf8)
            .write(to: URL(fileURLWithPath: nul))
        let nulError = #expect(throws: ImportError.self) { try BidFile.read(file: nul) }
        #expect(nulError?.line == 7)
        #expect(nulError?.message == "holds a NUL byte; it is not a text file")
    }

    @Test func aBidFileTooLargeToBeABidIsRefusedBeforeParsing() throws {
        let folder = try TemporaryFolder()
        let line = "  - {category: printing, description: x, amount: \"1.00\"}\n"
        let big = Self.bid + "budget:\n" + String(repeating: line, count: 20_000)
        let path = try folder.write("big.yaml", big)
        let error = #expect(throws: ImportError.self) { try BidFile.read(file: path) }
        #expect(error?.kind == .io)
        #expect(error?.message == "the file is over 1 MiB; a bid file is at most 1 MiB")
    }

    @Test func aBudgetOfTooManyLinesIsRefusedAtTheBudget() throws {
        let folder = try TemporaryFolder()
        let line = "  - {category: printing, amount: \"1.00\"}\n"
        let path = try folder.write("lines.yaml", Self.bid + "budget:\n" + String(repeating: line, count: 1_001))
        let error = #expect(throws: ImportError.self) { try BidFile.read(file: path) }
        #expect(error?.field == "budget")
        #expect(error?.message == "has 1001 lines; a bid's budget has at most 1000")
    }

    @Test func aLinkLoopOrAFolderIsSaidInWords() throws {
        let folder = try TemporaryFolder()
        let loop = folder.file("loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.yaml")
        let error = #expect(throws: ImportError.self) { try BidFile.read(file: loop) }
        #expect(error?.message == "cannot read the file: Too many levels of symbolic links")
        let folderError = #expect(throws: ImportError.self) { try BidFile.read(file: folder.path) }
        #expect(folderError?.message == "is a folder, not a file")
    }
}
