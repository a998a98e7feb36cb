import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Opening a ledger: readers never write or wait, a file that is not a ledger (missing, empty, another database) is
/// refused the same way, and a ledger made by a newer version is refused before anything touches it.
@Suite struct LedgerOpeningTests {
    /// A file ledger holding `Fixtures.base`, closed again (its WAL checkpointed into the file).
    static func ledgerFile() throws -> (folder: TemporaryFolder, path: String) {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        }
        return (folder, path)
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func schemaVersion(_ path: String) throws -> Int {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: path, configuration: config).read { db in
            try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? -1
        }
    }

    /// Item 7 of the issue: every open ran the migrator and set up the WAL, so `status` changed the file.
    @Test func readingNeverChangesTheFile() throws {
        let (folder, path) = try Self.ledgerFile()
        defer { _ = folder }
        let before = try #require(Self.bytes(path))
        let version = try Self.schemaVersion(path)
        for _ in 0..<3 {
            let ledger = try Ledger(path: path, mode: .readOnly)
            _ = try ledger.status()
            _ = try ledger.history()
            #expect(try ledger.reconcile().balances)
            _ = try ledger.yearEnd(try year("2017/18"))
            _ = try ledger.spendReturn(period: .init(year: try year("2017/18")))
        }
        #expect(Self.bytes(path) == before)
        #expect(try Self.schemaVersion(path) == version)
    }

    @Test func aLedgerOpenedForReadingRecordsNothing() throws {
        let (folder, path) = try Self.ledgerFile()
        defer { _ = folder }
        let ledger = try Ledger(path: path, mode: .readOnly)
        #expect(ledger.mode == .readOnly)
        let error = try expectRefused(
            try batch(Fixtures.award(id: "AW-1", amount: "10.00")), by: ledger, code: .database,
            mentioning: ["opened for reading only"])
        #expect(!error.isDataError)
    }

    /// A reader sees the last commit and does not wait for another connection's open write transaction.
    @Test func aReaderNeverWaitsForAWriter() throws {
        let (folder, path) = try Self.ledgerFile()
        defer { _ = folder }
        let other = try DatabaseQueue(path: path)
        try other.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try db.execute(sql: """
                    INSERT INTO organisations (id, name, kind, example) VALUES ('360G-Test-ORG-W', 'Writing', 'other', 0)
                    """)
                let clock = ContinuousClock()
                let start = clock.now
                let ledger = try Ledger(path: path, mode: .readOnly)
                #expect(try ledger.counts()[.organisation] == 5)
                _ = try ledger.status()
                #expect(clock.now - start < .seconds(5))
                return .rollback
            }
        }
    }

    /// A missing file and an empty one are refused alike, by readers and writers, and neither is changed.
    @Test(arguments: [Ledger.OpenMode.readOnly, .readWrite])
    func aMissingOrEmptyFileIsNoLedger(_ mode: Ledger.OpenMode) throws {
        let folder = try TemporaryFolder()
        let missing = folder.file("missing.sqlite")
        let empty = try folder.write("empty.sqlite", "")
        for path in [missing, empty] {
            let error = try #require(throws: LedgerError.self) { try Ledger(path: path, mode: mode) }
            #expect(error.code == .database)
            #expect(error.message.hasPrefix("no ledger at \(path)"), "\(error)")
            #expect(error.message.contains("run `grants init` first"))
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(Self.bytes(empty)?.isEmpty == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["empty.sqlite"])
    }

    /// `grants init` makes a ledger of an empty file, as of a missing one.
    @Test func creatingMakesALedgerOfAnEmptyFile() throws {
        let folder = try TemporaryFolder()
        let empty = try folder.write("empty.sqlite", "")
        _ = try Ledger(path: empty, mode: .create)
        #expect(try Ledger(path: empty, mode: .readOnly).counts().values.allSatisfy { $0 == 0 })
    }

    /// Someone else's SQLite database is never taken for a ledger, nor given the ledger's tables.
    @Test(arguments: [Ledger.OpenMode.readOnly, .readWrite, .create])
    func anotherDatabaseIsNotALedger(_ mode: Ledger.OpenMode) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let error = try #require(throws: LedgerError.self) { try Ledger(path: path, mode: mode) }
        #expect(error.code == .database && error.message.contains("not a grants ledger"), "\(error)")
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master")
        }
        #expect(tables == ["notes"])
    }

    /// A migration this version does not know, or a higher `user_version`: a newer version made the file, and this
    /// one neither reads nor writes it.
    @Test(arguments: [Ledger.OpenMode.readOnly, .readWrite, .create])
    func aLedgerFromANewerVersionIsRefused(_ mode: Ledger.OpenMode) throws {
        let (folder, path) = try Self.ledgerFile()
        defer { _ = folder }
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-from-the-future')")
        }
        let before = try #require(Self.bytes(path))
        let error = try #require(throws: LedgerError.self) { try Ledger(path: path, mode: mode) }
        #expect(error.code == .database && !error.isDataError)
        #expect(error.message.contains("made by a newer version of grants"), "\(error)")
        #expect(error.message.contains("v3-from-the-future"))
        #expect(error.message.contains("v1-ledger, v2-award-states"))
        #expect(Self.bytes(path) == before)

        let (other, versioned) = try Self.ledgerFile()
        defer { _ = other }
        try DatabaseQueue(path: versioned).write { db in try db.execute(sql: "PRAGMA user_version = 3") }
        let byVersion = try #require(throws: LedgerError.self) { try Ledger(path: versioned, mode: mode) }
        #expect(byVersion.message.contains("user_version is 3"), "\(byVersion)")
    }

    /// A ledger of an older release is not read half-way: readers ask for `grants init`, which upgrades it.
    @Test func aLedgerNeedingAnUpgradeIsNotReadUntilItIsUpgraded() throws {
        let (folder, path) = try ShippedLedgerTests.copy()
        defer { _ = folder }
        let before = try #require(Self.bytes(path))
        let error = try #require(throws: LedgerError.self) { try Ledger(path: path, mode: .readOnly) }
        #expect(error.code == .database)
        #expect(error.message.contains("needs upgrading (migration v2-award-states is due)"), "\(error)")
        #expect(error.message.contains("grants init"))
        #expect(Self.bytes(path) == before)
        _ = try Ledger(path: path, mode: .readWrite)
        #expect(try Ledger(path: path, mode: .readOnly).reconcile().balances)
    }
}
