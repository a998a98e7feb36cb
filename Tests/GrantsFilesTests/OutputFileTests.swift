import Foundation
import GrantsFiles
import GrantsTestSupport
import Testing

/// Every writer puts a file in place whole, keeps a symbolic link a link, and writes into a device rather than
/// replacing it.
@Suite struct OutputFileTests {
    static func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// A character device made in `folder` as a copy of one of the system's (1,3 is null, 1,7 is full), or nil where
    /// this process may not make devices. The tests never write to the system's own devices.
    static func device(_ name: String, minor: UInt32, in folder: TemporaryFolder) -> String? {
        let path = folder.file(name)
        // makedev(1, minor) for the small numbers of these devices.
        return mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | minor)) == 0 ? path : nil
    }

    static let mayMakeDevices: Bool = {
        guard let folder = try? TemporaryFolder() else { return false }
        return device("probe", minor: 3, in: folder) != nil
    }()

    @Test func aNewFileAppearsWholeAndNothingElseIsLeft() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("return.csv")
        try OutputFile.write("a,b\r\n", to: path)
        #expect(try Self.read(path) == "a,b\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.csv"])
    }

    @Test func aFileReplacedKeepsItsPermissions() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("return.csv", "old")
        chmod(path, 0o600)
        try OutputFile.write("new", to: path)
        #expect(try Self.read(path) == "new")
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
    }

    @Test func anAbandonedFileLeavesTheOldOneAsItWas() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("return.csv", "old")
        let output = try OutputFile(path: path)
        try "half".write(toFile: output.writingPath, atomically: false, encoding: .utf8)
        output.abandon()
        #expect(try Self.read(path) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.csv"])
    }

    @Test func aSymbolicLinkStaysALinkToTheNewFile() throws {
        let folder = try TemporaryFolder()
        let target = try folder.write("target.csv", "old")
        let link = folder.file("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        try OutputFile.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv")
        #expect(try Self.read(target) == "new")
    }

    @Test func aFolderOrALinkToNothingIsRefusedInWords() throws {
        let folder = try TemporaryFolder()
        let dangling = folder.file("dangling")
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere")
        #expect(throws: OutputFileError(path: folder.path, "it is a folder; name a file")) {
            try OutputFile.write("x", to: folder.path)
        }
        #expect(throws: OutputFileError(path: dangling, "it is a symbolic link to nowhere, which does not exist")) {
            try OutputFile.write("x", to: dangling)
        }
    }

    @Test(.enabled(if: mayMakeDevices, "making a device needs root"))
    func aDeviceIsWrittenIntoNotReplaced() throws {
        let folder = try TemporaryFolder()
        let null = try #require(Self.device("null", minor: 3, in: folder))
        try OutputFile.write("return", to: null)
        var status = stat()
        #expect(stat(null, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "still a device")
    }

    @Test(.enabled(if: mayMakeDevices, "making a device needs root"))
    func aFullDeviceIsAWriteErrorAndStaysADevice() throws {
        let folder = try TemporaryFolder()
        let full = try #require(Self.device("full", minor: 7, in: folder))
        #expect(throws: OutputFileError(path: full, "could not write (No space left on device)")) {
            try OutputFile.write(String(repeating: "x", count: 100_000), to: full)
        }
        var status = stat()
        #expect(stat(full, &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["full"], "no file left behind")
    }

    @Test func aFolderIsMadeWithItsParentsAndAFileInTheWayIsSaidInWords() throws {
        let folder = try TemporaryFolder()
        let deep = folder.file("a/b/c")
        try OutputFolder.create(deep)
        try OutputFolder.create(deep)
        var status = stat()
        #expect(stat(deep, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR)
        let file = try folder.write("file", "x")
        #expect(throws: OutputFileError(path: file, "it is a file, not a folder")) {
            try OutputFolder.create(file + "/reports")
        }
    }
}
