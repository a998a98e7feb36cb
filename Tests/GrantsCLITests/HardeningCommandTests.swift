import Foundation
import GRDB
import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing

/// "Nothing a user types can crash it, corrupt it, or block it", through the built binary: what the ledger itself
/// now refuses (bad text, amounts past the ceiling, a move between funds, impossible dates), with the exit code and
/// nothing changed; and readers that never write, never wait, and refuse what is not a ledger they can read.
@Suite struct HardeningCommandTests {
    /// Runs a command that must be refused with `status`, its message naming each fragment, and the ledger exactly
    /// as before (every figure, every line of history) and still balancing.
    static func expectRefused(
        _ arguments: [String], in folder: TemporaryFolder, status: Int32 = 65, mentioning fragments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try LifecycleProbe.snapshot(folder)
        let result = try await GrantsBinary.run(arguments, in: folder.path)
        #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stderr)",
                sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(result.stderr.contains(fragment), "\(result.stderr) should name \(fragment)",
                    sourceLocation: sourceLocation)
        }
        #expect(try LifecycleProbe.snapshot(folder) == before, "\(arguments.joined(separator: " ")) changed the ledger",
                sourceLocation: sourceLocation)
        try LifecycleProbe.expectBalances(in: folder, sourceLocation: sourceLocation)
    }

    // MARK: - A. Ids and text

    /// A command builds its batch directly, so the ledger itself refuses what the importer would never let in.
    @Test func controlCharactersTypedOnTheCommandLineAreRefused() async throws {
        let folder = try SampleLedger.copy()
        try await Self.expectRefused(
            ["withdraw", "AWD-CAF-2017-18-05", "--date", "2017-12-01", "--reason", "venue\u{1B}[2J closed"], in: folder,
            mentioning: ["error: reason:", "U+001B", "remove it"])
        try await Self.expectRefused(
            ["reallocate", "--from", "ALLOC-2017-18-BUR", "--amount", "100.00", "--decision", "2017/99", "--date",
             "2017-10-01", "--reason", "first line\nsecond line"], in: folder,
            mentioning: ["error: reason:", "line break"])
    }

    // MARK: - B. The amount ceiling

    /// Item 5 of the issue: this fund imported, then `grants status` exited 65 "cannot total the figures".
    @Test func anAmountPastTheCeilingIsRefusedAtItsLineAndStatusStillTotals() async throws {
        let folder = try SampleLedger.copy()
        try folder.write("huge.yaml", """
            format: grants-ledger/1
            funds:
              - id: CAF-HUGE
                name: Too big
                scheme: community-action-fund
                financial_year: "2017/18"
                amount: "92233720368547758.07"
                funder: 360G-LancashirePCC-OPCC
              - id: CAF-HUGE-2
                name: Too big as well
                scheme: community-action-fund
                financial_year: "2017/18"
                amount: "50000000000000000.00"
                funder: 360G-LancashirePCC-OPCC

            """)
        try await Self.expectRefused(
            ["import", "huge.yaml"], in: folder,
            mentioning: ["huge.yaml:7: amount: £92,233,720,368,547,758.07 is more than the £1,000,000,000.00"])
        let status = try await GrantsBinary.run(["status"], in: folder.path)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Total"))
    }

    // MARK: - C. Moves stay inside one fund

    /// Item 6 of the issue: a move from a 2017/18 allocation to a 2018/19 one exited 0 and changed both pots; a
    /// move to the same allocation was recorded too.
    @Test func reallocatingAcrossFundsOrToTheSameAllocationIsRefused() async throws {
        let folder = try SampleLedger.copy()
        let formula = PackageFiles.formulas.appendingPathComponent("csp-flat-10000.yaml").path
        let allocate = try await GrantsBinary.run(
            ["allocate", "--fund", "CSP-2018-19", "--formula", formula, "--decision", "2018/09", "--date", "2018-03-01"],
            in: folder.path)
        #expect(allocate.status == 0, "\(allocate.stderr)")
        try await Self.expectRefused(
            ["reallocate", "--from", "ALLOC-2017-18-SRI", "--amount", "100.00", "--to", "CSP-2018-19-2018-09-01",
             "--decision", "2018/30", "--date", "2018-03-15", "--reason", "move"], in: folder,
            mentioning: [
                "error: allocation: decision 2018/30 cuts allocation ALLOC-2017-18-SRI of fund CSP-2017-18",
                "increase allocation CSP-2018-19-2018-09-01 of fund CSP-2018-19", "one fund",
            ])
        try await Self.expectRefused(
            ["reallocate", "--from", "ALLOC-2017-18-SRI", "--amount", "100.00", "--to", "ALLOC-2017-18-SRI",
             "--decision", "2018/31", "--date", "2018-03-15", "--reason", "move"], in: folder,
            mentioning: ["both cuts allocation ALLOC-2017-18-SRI", "and increases it"])
        // A move inside the fund is as before.
        let move = try await GrantsBinary.run(
            ["reallocate", "--from", "ALLOC-2017-18-SRI", "--amount", "100.00", "--to", "ALLOC-2017-18-CHO",
             "--decision", "2018/32", "--date", "2018-03-15", "--reason", "move"], in: folder.path)
        #expect(move.status == 0, "\(move.stderr)")
        try await LifecycleProbe.expectReconcileCommandBalances(in: folder)
    }

    // MARK: - E. Impossible days

    /// Item 8 of the issue: an award outside its fund's year or before its bid was submitted, an imported award
    /// date of 2030, a claim for a period before the award, a claim dated 9999-12-31: each went in.
    @Test func impossibleDaysAreRefused() async throws {
        let folder = try SampleLedger.copy()
        let bidFile = LifecycleProbe.bid("csp-south-ribble.yaml")
        let award = ["award", "CSP-2017-SRI-04", "--bid-file", bidFile, "--amount", "1000.00", "--decision", "2017/140"]
        try await Self.expectRefused(
            award + ["--date", "2018-04-20"], in: folder,
            mentioning: ["error: award_date: 2018-04-20 is after 2018-03-31, the last day of 2017/18"])
        try await Self.expectRefused(
            award + ["--date", "2017-10-01"], in: folder,
            mentioning: ["error: award_date: 2017-10-01 is before 2017-11-06, the day bid CSP-2017-SRI-04 was submitted"])
        try folder.write("late.yaml", """
            format: grants-ledger/1
            awards:
              - id: AWD-LATE
                fund: CAF-2017-18
                recipient: 360G-LancashirePCC-ORG-0001
                title: Dated in 2030
                amount: "100.00"
                decision: "2017/99"
                award_date: 2030-06-01
                planned_start: 2017-07-10
                planned_end: 2018-03-31
                priorities: [anti-social-behaviour]

            """)
        try await Self.expectRefused(
            ["import", "late.yaml"], in: folder, mentioning: ["late.yaml:9: award_date: 2030-06-01 is after 2018-03-31"])
        try await Self.expectRefused(
            ["claim", "AWD-CSP-2017-18-SRI-01", "--period", "Q3", "--amount", "1.00", "--date", "9999-12-31"], in: folder,
            mentioning: ["error: date: 9999-12-31 is after 2024-03-31"])
        try await Self.expectRefused(
            ["claim", "AWD-CSP-2017-18-SRI-01", "--period", "Q1", "--amount", "1.00", "--date", "2017-10-01"], in: folder,
            mentioning: ["error: period_end: 2017-06-30 is before 2017-07-03, the day award AWD-CSP-2017-18-SRI-01 was made"])
    }

    /// `year-end 2021/22 --close --date 2021-05-01` closed a year eleven months before it ended.
    @Test func aYearIsNotClosedBeforeItEnds() async throws {
        let folder = try SampleLedger.copy()
        try folder.write("fund.yaml", """
            format: grants-ledger/1
            funds:
              - {id: CAF-2021-22, name: CAF 2021/22, scheme: community-action-fund, financial_year: "2021/22", amount: "100.00", funder: 360G-LancashirePCC-OPCC}

            """)
        #expect(try await GrantsBinary.run(["import", "fund.yaml"], in: folder.path).status == 0)
        try await Self.expectRefused(
            ["year-end", "2021/22", "--close", "--date", "2021-05-01"], in: folder,
            mentioning: ["error: date: 2021-05-01 is before 2022-03-31, the last day of 2021/22: a year closes once it has ended"])
        let closed = try await GrantsBinary.run(["year-end", "2021/22", "--close", "--date", "2022-03-31"], in: folder.path)
        #expect(closed.status == 0, "\(closed.stderr)")
    }

    // MARK: - D. Readers never write and never wait

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    /// Item 7 of the issue: each reading command ran the migrator and changed the file (its schema version rose by
    /// two a run).
    @Test func readingCommandsNeverChangeTheLedger() async throws {
        let folder = try SampleLedger.copy()
        let path = folder.file("grants.sqlite")
        let before = try #require(Self.bytes(path))
        let readers: [([String], Int32)] = [
            (["status"], 0), (["status", "--format", "json"], 0), (["history", "--limit", "3"], 0), (["reconcile"], 0),
            (["return", "--year", "2017/18", "--format", "csv"], 0), (["year-end", "2017/18"], 1),
            (["check", GrantsBinary.bids, "--db", "grants.sqlite"], 1),
        ]
        for (arguments, status) in readers {
            let result = try await GrantsBinary.run(arguments, in: folder.path)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(Self.bytes(path) == before, "grants \(arguments.joined(separator: " ")) changed the ledger")
        }
    }

    /// A zero-byte file was turned into a ledger by `status`; a missing one was refused. Both are refused alike,
    /// by readers and writers, and neither is touched.
    @Test func aMissingOrEmptyLedgerIsRefusedAlike() async throws {
        let folder = try TemporaryFolder()
        try folder.write("empty.sqlite", "")
        try folder.write("base.yaml", Fixtures.base)
        for name in ["empty.sqlite", "missing.sqlite"] {
            for arguments in [["status"], ["history"], ["reconcile"], ["import", "base.yaml"]] {
                let result = try await GrantsBinary.run(arguments + ["--db", name], in: folder.path)
                #expect(result.status == 74, "\(arguments) on \(name): \(result.stderr)")
                #expect(result.stderr.hasPrefix("error: no ledger at \(name)"), "\(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
        }
        #expect(Self.bytes(folder.file("empty.sqlite"))?.isEmpty == true)
        #expect(!FileManager.default.fileExists(atPath: folder.file("missing.sqlite")))
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)).isSubset(
            of: ["empty.sqlite", "base.yaml"]))
        // grants init makes a ledger there, as it always did.
        let initialised = try await GrantsBinary.run(["init", "--db", "empty.sqlite"], in: folder.path)
        #expect(initialised.status == 0)
        #expect(try await GrantsBinary.run(["status", "--db", "empty.sqlite"], in: folder.path).status == 0)
    }

    /// A ledger a newer version made was opened and written; now every command refuses it, exit 74, naming what
    /// made it, and leaves it as it was.
    @Test func aLedgerFromANewerVersionIsRefused() async throws {
        let folder = try SampleLedger.copy()
        let path = folder.file("grants.sqlite")
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v3-from-the-future')")
        }
        let before = try #require(Self.bytes(path))
        for arguments in [["status"], ["init"], ["import", GrantsBinary.samples], ["reconcile"]] {
            let result = try await GrantsBinary.run(arguments, in: folder.path)
            #expect(result.status == 74, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("was made by a newer version of grants"), "\(result.stderr)")
            #expect(result.stderr.contains("v3-from-the-future"))
        }
        #expect(Self.bytes(path) == before)
    }

    /// A reader does not wait for another process's write transaction: it reads the last commit at once.
    @Test func aReaderDoesNotWaitForAWriter() async throws {
        let folder = try SampleLedger.copy()
        var config = Configuration()
        config.allowsUnsafeTransactions = true  // the transaction is held open across two calls on purpose
        let queue = try DatabaseQueue(path: folder.file("grants.sqlite"), configuration: config)
        try await queue.writeWithoutTransaction { db in
            try db.beginTransaction(.immediate)
        }
        let clock = ContinuousClock()
        let start = clock.now
        let status = try await GrantsBinary.run(["status"], in: folder.path)
        let took = clock.now - start
        try await queue.writeWithoutTransaction { db in try db.rollback() }
        #expect(status.status == 0, "\(status.stderr)")
        #expect(took < .seconds(10), "status waited \(took) for the writer")
    }

    /// A ledger the user may only read (`sqlite3 -readonly` reads it) was refused with exit 74. As root, the binary
    /// is run as `nobody` (through setpriv) so that the file's mode counts.
    @Test func aLedgerTheUserMayOnlyReadIsRead() async throws {
        let folder = try SampleLedger.copy()
        let path = folder.file("grants.sqlite")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        // SQLite needs to make the -shm index beside the file, as for `sqlite3 -readonly`.
        try FileManager.default.setAttributes([.posixPermissions: 0o1777], ofItemAtPath: folder.path)
        let before = try #require(Self.bytes(path))
        let grants = try GrantsBinary.locate().path
        let asRoot = getuid() == 0
        guard !asRoot || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        for arguments in [["status"], ["reconcile"], ["history", "--limit", "1"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: asRoot ? "/usr/bin/setpriv" : grants)
            process.arguments = (asRoot ? ["--reuid=65534", "--regid=65534", "--clear-groups", grants] : [])
                + arguments + ["--db", path]
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments): \(stderr)")
        }
        // The writer is refused by SQLite, as it must be.
        if !asRoot {
            let result = try await GrantsBinary.run(["import", GrantsBinary.samples], in: folder.path)
            #expect(result.status == 74)
        }
        #expect(Self.bytes(path) == before)
    }
}
