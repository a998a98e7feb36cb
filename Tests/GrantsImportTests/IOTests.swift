import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

@Suite("Paths that cannot be read")
struct IOTests {
    @Test("a path that does not exist is an I/O error and nothing is written")
    func missingPath() throws {
        let folder = try TemporaryFolder()
        let good = try folder.write("good.yaml", Files.award)
        let missing = folder.file("no-such-file.yaml")
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [good, missing], into: ledger)
        #expect(error.kind == .io)
        #expect(error.file == missing)
        #expect(error.line == 0)
        #expect(error.field == "")
        #expect(error.message == "no such file or folder")
        #expect(error.description == "\(missing): no such file or folder")
    }

    @Test("a symbolic link that leads back to itself is said in words")
    func linkLoop() throws {
        let folder = try TemporaryFolder()
        let loop = folder.file("loop.yaml")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.yaml")
        let error = try refusal(ImportError.self, importing: [loop], into: try Fixtures.ledger())
        #expect(error.kind == .io)
        #expect(error.description == "\(loop): cannot open it: Too many levels of symbolic links")
    }

    @Test("an empty folder is an I/O error")
    func emptyFolder() throws {
        let folder = try TemporaryFolder()
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [folder.path], into: ledger)
        #expect(error.kind == .io)
        #expect(error.file == folder.path)
        #expect(error.line == 0)
        #expect(error.field == "")
        #expect(error.message == "the folder holds no .yaml, .yml, .json files")
    }

    @Test("a folder holding only a README, a text file and a hidden ledger file is treated as empty")
    func folderWithNoLedgerFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("README.md", "# Notes\n")
        try folder.write("notes.txt", "format: grants-ledger/1\n")
        try folder.write(".hidden.yaml", Files.award)
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [folder.path], into: ledger)
        #expect(error.kind == .io)
        #expect(error.file == folder.path)
        #expect(error.message.contains("holds no .yaml, .yml, .json files"))
    }

    @Test("an empty file is a data error, not an I/O error")
    func emptyFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("empty.yaml", "")
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [path], into: ledger)
        #expect(error.kind == .data)
        #expect(error.file == path)
        #expect(error.line == 0)
        #expect(error.field == "")
        #expect(error.description == "\(path): the file is empty; expected a mapping starting with format:")
    }
}
