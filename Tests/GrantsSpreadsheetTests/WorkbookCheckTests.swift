#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import Foundation
import Testing
import GrantsTestSupport
@testable import GrantsSpreadsheet


/// The read-back check that stands between libxlsxwriter's unchecked temporary-file writes and a workbook put in
/// place, and the capture of what libxlsxwriter prints.
@Suite struct WorkbookCheckTests {
    private func samplesWorkbook(_ folder: TemporaryFolder) throws -> [UInt8] {
        let path = folder.file("r.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: path)
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func aWholeWorkbookPasses() throws {
        let folder = try TemporaryFolder()
        #expect(WorkbookCheck.problem(in: try samplesWorkbook(folder)) == nil)
    }

    @Test func aDamagedPartIsNamed() throws {
        let folder = try TemporaryFolder()
        var bytes = try samplesWorkbook(folder)
        // The first part's data starts after its 30-byte local header, name and extra field.
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        let start = 30 + nameLength + extraLength
        bytes[start + 4] ^= 0xFF
        let problem = try #require(WorkbookCheck.problem(in: bytes))
        #expect(problem.hasPrefix("its part [Content_Types].xml "), "\(problem)")
    }

    /// The check a workbook gets before it is put in place reads it from its file, a run at a time: the same
    /// verdicts as on its bytes in memory.
    @Test func theFileIsCheckedAsItsBytesAre() throws {
        let folder = try TemporaryFolder()
        var bytes = try samplesWorkbook(folder)
        #expect(WorkbookCheck.problem(inFile: folder.file("r.xlsx")) == nil)
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extraLength = Int(bytes[28]) | Int(bytes[29]) << 8
        bytes[30 + nameLength + extraLength + 4] ^= 0xFF
        for (name, damaged) in [("damaged.xlsx", bytes), ("short.xlsx", Array(bytes.prefix(bytes.count / 2))), ("empty.xlsx", [])] {
            let path = folder.file(name)
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            let problem = WorkbookCheck.problem(inFile: path)
            #expect(problem != nil && problem == WorkbookCheck.problem(in: damaged), "\(name): \(problem ?? "none")")
        }
        #expect(WorkbookCheck.problem(inFile: folder.file("missing.xlsx"))?.hasPrefix("cannot be read back") == true)
    }

    @Test func aCutShortZipIsRefused() throws {
        let folder = try TemporaryFolder()
        let bytes = try samplesWorkbook(folder)
        #expect(WorkbookCheck.problem(in: Array(bytes.prefix(bytes.count / 2))) == "it is not a whole zip file")
        #expect(WorkbookCheck.problem(in: []) == "it is not a whole zip file")
    }

    @Test func whatTheLibraryPrintsIsCaughtAndItsSystemErrorRead() {
        let (result, printed) = LibraryMessages.capture {
            fputs("[ERROR][./src/packager.c:1541]: Error in closing member in the zipfile\n", stderr)
            fputs("[ERROR] workbook_close(): Zip ZIP_ERRNO error. System error = No space left on device\n", stderr)
            return 7
        }
        #expect(result == 7)
        #expect(printed.text.hasPrefix("[ERROR][./src/packager.c:1541]"))
        #expect(printed.systemError == "No space left on device")
        #expect(LibraryMessages(text: "[ERROR] something else\n").systemError == nil)
    }
}
