import Foundation
import GRDB
import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing

/// `kill -9` of an import and of an award at seeded random moments: after each, the ledger opens (for reading, as the
/// next `grants status` would, and for writing), SQLite's integrity check says ok, the ledger reconciles, and it holds
/// either exactly what it held before or everything the command records, never part of it.
@Suite struct KillTests {
    static let rounds = 8
    static let seed: UInt64 = 0x6B69_6C6C_2D39

    /// An empty ledger, made once by `grants init`.
    private static let empty = TemplateFolder("an empty ledger") { folder in
        try GrantsBinary.make(["init"], in: folder)
    }

    /// What a reader can see of a ledger, except the times in its history (which come from the clock).
    struct Contents: Equatable {
        let counts: [EntryKind: Int]
        let status: StatusReport
        let history: [String]

        init(_ path: String) throws {
            let ledger = try Ledger(path: path, mode: .readOnly)
            counts = try ledger.counts()
            status = try ledger.status()
            history = try ledger.history().map { "\($0.action) \($0.kind) \($0.entryID) \($0.source ?? "")" }
        }
    }

    /// The ledger after a kill: it opens for reading and for writing, passes SQLite's integrity check and reconciles.
    static func expectWhole(_ path: String, round: Int, sourceLocation: SourceLocation = #_sourceLocation) throws
        -> Contents
    {
        let contents = try Contents(path)
        var config = Configuration()
        config.readonly = true
        let integrity = try DatabaseQueue(path: path, configuration: config).read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check")
        }
        #expect(integrity == ["ok"], "round \(round): \(integrity)", sourceLocation: sourceLocation)
        let reconciliation = try Ledger(path: path, mode: .readWrite).reconcile()
        #expect(reconciliation.balances, "round \(round): \(reconciliation.firstFailure?.equation ?? "")",
                sourceLocation: sourceLocation)
        return contents
    }

    /// Runs `arguments` in copies of `template` `rounds` times, each killed after a seeded delay between nothing and
    /// as long as a whole run took (from a third of it on), and checks each ledger is as `before` or as `after` a whole run.
    static func killRounds(
        _ arguments: [String], in template: () throws -> TemporaryFolder, seed: UInt64,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let whole = try template()
        let path = whole.file("grants.sqlite")
        let before = try Contents(path)
        let clock = ContinuousClock()
        let start = clock.now
        let run = try await GrantsBinary.run(arguments, in: whole.path)
        let took = clock.now - start
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        let after = try expectWhole(path, round: 0, sourceLocation: sourceLocation)
        #expect(after != before, sourceLocation: sourceLocation)

        var rng = SplitMix64(seed: seed)
        // A clean run measured while many tests start processes at once can take many seconds; the kill points are
        // spread over at most the first 1.5 s, where a run on a quiet machine does all its reading and writing (a
        // later kill finds it done, which the checks accept too), so the rounds stay short on a busy machine.
        let measured = took.components.seconds * 1_000 + took.components.attoseconds / 1_000_000_000_000_000
        let span = UInt64(min(max(1, measured), 1_500))
        var outcomes: [String] = []
        for round in 1...rounds {
            let folder = try template()
            // From a third of a run on: the process has started and is reading its files or writing.
            let delay = span / 3 + rng.next(upTo: span - span / 3)
            let running = try GrantsBinary.start(arguments, in: folder.path)
            try await Task.sleep(for: .milliseconds(delay))
            kill(running.process.processIdentifier, SIGKILL)
            let result = try await running.wait()
            let contents = try expectWhole(folder.file("grants.sqlite"), round: round, sourceLocation: sourceLocation)
            let state = contents == before ? "as before" : contents == after ? "whole" : "PART"
            outcomes.append("round \(round): killed after \(delay) ms, exit \(result.status), \(state)")
            #expect(contents == before || contents == after, "round \(round): \(outcomes)", sourceLocation: sourceLocation)
        }
        #expect(outcomes.count == rounds, "\(outcomes)", sourceLocation: sourceLocation)
    }

    @Test func killingAnImportLeavesTheLedgerAsItWasOrWhole() async throws {
        try await Self.killRounds(["import", GrantsBinary.samples], in: { try Self.empty.copy() }, seed: Self.seed)
    }

    @Test func killingAnAwardLeavesTheLedgerAsItWasOrWhole() async throws {
        let bid = URL(fileURLWithPath: GrantsBinary.bids).appendingPathComponent("csp-south-ribble.yaml").path
        try await Self.killRounds(
            ["award", "CSP-2017-SRI-04", "--bid-file", bid, "--amount", "1000.00", "--decision", "2017/140", "--date",
             "2017-11-20"],
            in: { try SampleLedger.copy() }, seed: Self.seed &+ 1)
    }
}
