import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// A ledger kept in a file: it survives being closed and reopened, and runs in WAL mode.
@Suite struct FileLedgerTests {
    @Test func aNewFileLedgerIsCreatedEmpty() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        #expect(!Ledger.exists(at: path))
        let ledger = try Ledger(path: path)
        #expect(Ledger.exists(at: path))
        #expect(try ledger.counts().values.allSatisfy { $0 == 0 })
        #expect(try ledger.counts().count == EntryKind.allCases.count)
        #expect(try ledger.history().isEmpty)
        let report = try ledger.status()
        #expect(report.funds.isEmpty && report.csps.isEmpty && report.contributions.isEmpty)
    }

    @Test func dataSurvivesReopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        let before: LedgerSnapshot
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try record(
                ledger, Fixtures.award(id: "AW-1", amount: "3000.00"),
                Fixtures.payment(id: "P-1", award: "AW-1", amount: "1000.00"),
                Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00")]),
                Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"))
            before = try LedgerSnapshot(ledger)
        }
        let reopened = try Ledger(path: path)
        let after = try LedgerSnapshot(reopened)
        #expect(after == before)
        #expect(after.counts[.award] == 1)
        #expect(after.history.count == 12)
        #expect(after.status.csps.first?.committed == (try money("3000.00")))
        #expect(after.status.contributions.map { $0.withdrawn != nil } == [false, true])

        // Reopened, it still knows what it holds: the same batch is unchanged, and the invariants see the award.
        let again = try record(reopened, Fixtures.award(id: "AW-1", amount: "3000.00"))
        #expect(again.addedCount == 0 && again.unchanged == 1)
        try expectRefused(
            try batch(Fixtures.award(id: "AW-2", amount: "2000.01")), by: reopened, code: .exceedsAllocation,
            mentioning: ["£5,000.01", "£2,000.00 is left"])
    }

    @Test func twoLedgersOnOneFileSeeEachOthersWrites() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        let first = try Ledger(path: path)
        let second = try Ledger(path: path)
        try first.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        #expect(try second.counts()[.organisation] == 5)
        try record(second, Fixtures.award(id: "AW-1", amount: "4000.00"))
        try expectRefused(try batch(Fixtures.award(id: "AW-2", amount: "1000.01")), by: first, code: .exceedsAllocation)
    }

    @Test func theFileIsInWALMode() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        let ledger = try Ledger(path: path)
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        let queue = try DatabaseQueue(path: path)
        let mode = try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode?.lowercased() == "wal")
    }

    @Test func theModeIsKeptInTheFileAfterReopening() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger.sqlite")
        do { _ = try Ledger(path: path) }
        // A WAL database records the mode in its header (bytes 18 and 19 are 2).
        let header = try #require(FileManager.default.contents(atPath: path))
        #expect(header.count >= 20)
        #expect(header[18] == 2 && header[19] == 2)
        _ = try Ledger(path: path)
    }

    @Test func aPathThatCannotBeOpenedIsADatabaseError() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("no/such/folder/ledger.sqlite")
        let error = try #require(throws: LedgerError.self) { try Ledger(path: path) }
        #expect(error.code == .database)
        #expect(!error.isDataError)
        #expect(error.message.contains(path))
    }

    @Test func aFileThatIsNotALedgerIsADatabaseError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("ledger.sqlite", String(repeating: "not a database\n", count: 200))
        let error = try #require(throws: LedgerError.self) { try Ledger(path: path) }
        #expect(error.code == .database)
    }
}
