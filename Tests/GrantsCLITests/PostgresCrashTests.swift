#if canImport(GrantsPostgres)
import Foundation
import GrantsCore
import GrantsPostgres
import GrantsStore
import GrantsTestSupport
import Testing

/// The PostgreSQL server stopped dead (`pg_ctl -m immediate`: no checkpoint, every client cut off mid-transaction)
/// part way through an import and through a burst of awards, on a throwaway cluster of the test's own
/// (`scripts/postgres.sh`; the run's shared one is never touched): each client is told clearly (exit 74; the web
/// application a 503 page), and once the server is back the ledger reconciles, holds each write whole or not at all,
/// and takes the next write.
///
/// Runs where the tests have a PostgreSQL server on this machine (GRANTS_TEST_POSTGRES, and PostgreSQL 15's programs),
/// as under CI; `PostgresStoreTests.ciNamesAServerToTestAgainst` makes sure CI never skips it.
@Suite(.serialized, .enabled(if: crashableServer)) struct PostgresCrashTests {
    static let seed: UInt64 = 0x7067_2D63_7261_7368

    @Test func crashingTheServerDuringAnImportLeavesItAsBeforeAndTheImportRunsAgain() async throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let folder = try TemporaryFolder()
        let generated = folder.file("generated")
        try Cluster.run(try GrantsBinary.sibling("grants-bench").path, ["make-ledger", "600", generated])

        // The same import, uninterrupted, into a database of its own: what "whole" looks like.
        let clean = try await cluster.newLedger(in: folder)
        let cleanRun = try await GrantsBinary.run(["import", generated, "--db", clean], in: folder.path)
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")
        let whole = try Contents(clean)

        // Then crashed while it writes (its transaction open, holding the writers' lock), a seeded moment later.
        let crashed = try await cluster.newLedger(in: folder)
        let before = try Contents(crashed)
        var rng = SplitMix64(seed: Self.seed)
        let delay = rng.next(upTo: 100)
        let running = try GrantsBinary.start(["import", generated, "--db", crashed], in: folder.path)
        try await cluster.waitForWriter(in: crashed)
        try await Task.sleep(for: .milliseconds(delay))
        try cluster.crash()
        let result = try await running.wait()
        #expect(result.status == 74, "crashed \(delay) ms into its writing: exit \(result.status), \(result.stderr)")
        #expect(result.stderr.contains("PostgreSQL"), "a clear error names the database: \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(result.stderr)")

        try cluster.restart()
        let after = try Contents(crashed)
        #expect(after == before, "one transaction: nothing of the import is kept")
        #expect(try Ledger.postgres(url: crashed, mode: .readWrite).reconcile().balances)
        // And the ledger takes the same import again, whole.
        let again = try await GrantsBinary.run(["import", generated, "--db", crashed], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Contents(crashed) == whole)
    }

    @Test func crashingTheServerDuringABurstOfAwardsKeepsEachWholeOrAbsent() async throws {
        let cluster = try Cluster()
        defer { cluster.stop() }
        let folder = try TemporaryFolder()
        let ledger = try await cluster.newLedger(in: folder)
        let imported = try await GrantsBinary.run(["import", GrantsBinary.samples, "--db", ledger], in: folder.path)
        #expect(imported.status == 0, "\(imported.stderr)")

        // The web application over the same ledger, to see what a person sees while the server is down.
        let (server, port) = try await Self.serve(ledger, in: folder)
        defer { kill(server.process.processIdentifier, SIGTERM) }
        #expect(try Self.status(of: "/grants/2017-18", port: port) == 200)

        // Bids to award, each a copy of South Ribble's with an id of its own; six clients award them as fast as they
        // can, each stopping at its first failure.
        let sample = try String(
            contentsOfFile: URL(fileURLWithPath: GrantsBinary.bids).appendingPathComponent("csp-south-ribble.yaml").path,
            encoding: .utf8)
        let bids = (1...60).map { String(format: "CSP-2017-SRI-B%02d", $0) }
        for bid in bids {
            try folder.write("\(bid).yaml", sample.replacingOccurrences(of: "id: CSP-2017-SRI-04", with: "id: \(bid)"))
        }
        let outcomes = Outcomes()
        // The clients in a group of their own: however the test ends, none goes on awarding after it.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for client in 0..<6 {
                group.addTask {
                    while !Task.isCancelled, let bid = outcomes.next(of: bids) {
                        let result = try await GrantsBinary.run(
                            ["award", bid, "--bid-file", folder.file("\(bid).yaml"), "--amount", "10.00", "--decision",
                             "2017/\(200 + client)", "--date", "2017-11-20", "--db", ledger],
                            in: folder.path)
                        outcomes.record(bid, result)
                        if result.status != 0 { return }
                    }
                }
            }
            // The crash comes once a few awards are in, while the clients are still awarding (or after two minutes).
            let deadline = ContinuousClock.now + .seconds(120)
            while outcomes.accepted < 6 && !outcomes.finished && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try cluster.crash()
            let page = try Self.get("/grants/2017-18", port: port)
            #expect(page.status == 503, "\(page.status): \(page.body.prefix(300))")
            #expect(page.headers.contains("retry-after: 60"), "\(page.headers)")
            #expect(page.body.contains("The ledger cannot be reached just now"), "\(page.body.prefix(600))")
            try await group.waitForAll()
        }

        try cluster.restart()
        let results = outcomes.results
        let refused = results.filter { $0.value.status != 0 }
        #expect(!refused.isEmpty, "the crash came after every award was in; \(results.count) awarded")
        for (bid, result) in refused {
            #expect(result.status == 74, "\(bid): exit \(result.status), \(result.stderr)")
            #expect(result.stderr.contains("PostgreSQL"), "\(bid): \(result.stderr)")
        }
        let store = try Ledger.postgres(url: ledger, mode: .readWrite)
        #expect(try store.reconcile().balances)
        for (bid, result) in results {
            let award = "AWD-\(bid)"
            let kept = try store.award(award) != nil
            let recorded = try store.history(entryID: award).contains { $0.action == "record" && $0.kind == "award" }
            // Whole (the award and its line of history) or absent; and whole whenever the client was told so.
            #expect(kept == recorded, "\(award): the award \(kept ? "is" : "is not") kept, its history \(recorded)")
            if result.status == 0 { #expect(kept, "\(award) was accepted but is not in the ledger") }
        }
        // The web application reconnects by itself, and the ledger takes the next award.
        #expect(try Self.status(of: "/grants/2017-18", port: port) == 200)
        let next = try #require(bids.first { results[$0] == nil }, "a bid no client reached")
        let result = try await GrantsBinary.run(
            ["award", next, "--bid-file", folder.file("\(next).yaml"), "--amount", "10.00", "--decision", "2017/299",
             "--date", "2017-11-20", "--db", ledger],
            in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try store.award("AWD-\(next)") != nil)
        #expect(try store.reconcile().balances)
    }

    // MARK: - Support

    /// What a reader can see of a ledger, except the times in its history (which come from the clock).
    struct Contents: Equatable {
        let counts: [EntryKind: Int]
        let status: StatusReport
        let history: [String]

        init(_ url: String) throws {
            let ledger = try Ledger.postgres(url: url, mode: .readOnly)
            counts = try ledger.counts()
            status = try ledger.status()
            history = try ledger.history().map { "\($0.action) \($0.kind) \($0.entryID) \($0.source ?? "")" }
        }
    }

    /// What each client's award came to, shared by the clients.
    final class Outcomes: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private var done: [String: GrantsBinary.Result] = [:]

        func next(of bids: [String]) -> String? {
            lock.withLock {
                guard taken < bids.count else { return nil }
                taken += 1
                return bids[taken - 1]
            }
        }

        func record(_ bid: String, _ result: GrantsBinary.Result) { lock.withLock { done[bid] = result } }
        var accepted: Int { lock.withLock { done.values.filter { $0.status == 0 }.count } }
        var finished: Bool { lock.withLock { done.values.contains { $0.status != 0 } } }
        var results: [String: GrantsBinary.Result] { lock.withLock { done } }
    }

    /// A PostgreSQL cluster of the test's own on 127.0.0.1, which it may crash and restart.
    final class Cluster: @unchecked Sendable {
        let directory: String
        private(set) var port: Int

        /// On a port below the range the system hands out to outgoing connections (32768 on), tried up to three times.
        init() throws {
            directory = "/tmp/grants-crash-\(UUID().uuidString.prefix(8))"
            port = Int.random(in: 20_000..<32_000)
            var attempts = 0
            while true {
                do {
                    try Self.script(["start", directory, "\(port)"])
                    return
                } catch {
                    // Its port was taken, most likely: once more, elsewhere.
                    try? Self.script(["stop", directory])
                    attempts += 1
                    if attempts == 3 { throw error }
                    port = Int.random(in: 20_000..<32_000)
                }
            }
        }

        var server: String { "postgres://grants@127.0.0.1:\(port)" }

        /// A new database holding an empty ledger (made by `grants init`).
        func newLedger(in folder: TemporaryFolder) async throws -> String {
            let name = "crash_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try PostgresServer.createDatabase(name, on: server)
            let url = "\(server)/\(name)"
            let made = try await GrantsBinary.run(["init", "--db", url], in: folder.path)
            guard made.status == 0 else { throw CrashTestError("grants init: \(made.stderr)") }
            return url
        }

        /// Waits until a client is writing to the ledger at `url`: its transaction holds the advisory lock every
        /// writer takes (`PostgresDriver.write`).
        func waitForWriter(in url: String) async throws {
            let database = String(url.split(separator: "/").last ?? "")
            for _ in 0..<1_200 {
                let held = try Self.run(
                    "/usr/lib/postgresql/15/bin/psql",
                    ["-h", "127.0.0.1", "-p", "\(port)", "-U", "grants", "-d", "postgres", "-tA", "-c",
                     "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                        + "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = '\(database)'"])
                if held.trimmingCharacters(in: .whitespacesAndNewlines) != "0" { return }
                try await Task.sleep(for: .milliseconds(25))
            }
            throw CrashTestError("no client began writing to \(url) within 30 s")
        }

        func crash() throws { try Self.script(["crash", directory]) }
        func restart() throws { try Self.script(["restart", directory, "\(port)"]) }
        func stop() { try? Self.script(["stop", directory]) }

        private static func script(_ arguments: [String]) throws {
            _ = try run("/bin/bash", [PackageFiles.root.appendingPathComponent("scripts/postgres.sh").path] + arguments)
        }

        /// Runs a program and waits for it; a failure says what it wrote (in a file: the server that `pg_ctl` starts
        /// would hold a pipe open long after `pg_ctl` is done). Not through Foundation's `Process`, which learns of
        /// an exit when a socket it gave the child closes: the server, a grandchild, would hold that open too.
        @discardableResult
        static func run(_ program: String, _ arguments: [String]) throws -> String {
            let folder = try TemporaryFolder()
            let errorsPath = folder.file("stderr")
            let outputPath = folder.file("stdout")
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
            defer { for argument in argv { free(argument) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
            guard spawned == 0 else { throw CrashTestError("cannot run \(program): error \(spawned)") }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 {
                guard errno == EINTR else { throw CrashTestError("waiting for \(program): error \(errno)") }
            }
            // Exited normally with 0 (WIFEXITED, WEXITSTATUS).
            guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
                let said = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
                throw CrashTestError("\(program) \(arguments.joined(separator: " ")): wait status \(status), \(said)")
            }
            return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        }
    }

    struct CrashTestError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// `grants serve --db ledger` on a free port below the ephemeral range, once it answers: a server that could not
    /// take its port stops, and another is tried.
    static func serve(_ ledger: String, in folder: TemporaryFolder) async throws -> (GrantsBinary.Running, Int) {
        for _ in 0..<3 {
            let port = Int.random(in: 20_000..<32_000)
            let server = try GrantsBinary.start(["serve", "--db", ledger, "--port", "\(port)"], in: folder.path)
            for _ in 0..<300 where server.process.isRunning {
                if (try? status(of: "/health", port: port)) == 200, server.process.isRunning { return (server, port) }
                try await Task.sleep(for: .milliseconds(100))
            }
            kill(server.process.processIdentifier, SIGTERM)
        }
        throw CrashTestError("grants serve did not start on any of three ports")
    }

    static func status(of path: String, port: Int) throws -> Int { try get(path, port: port).status }

    /// An HTTP/1.0 GET on 127.0.0.1: the status and the body.
    static func get(_ path: String, port: Int) throws -> (status: Int, headers: String, body: String) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw CrashTestError("socket: \(errno)") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw CrashTestError("connect to port \(port): \(errno)") }
        // Never more than 10 s for an answer.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        guard write(socket, request, request.count) == request.count else { throw CrashTestError("write: \(errno)") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        let statusLine = text.prefix { $0 != "\r" }.split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw CrashTestError("no HTTP answer: \(text.prefix(200))")
        }
        let end = text.range(of: "\r\n\r\n")
        let headers = end.map { String(text[..<$0.lowerBound]).lowercased() } ?? text.lowercased()
        let body = end.map { String(text[$0.upperBound...]) } ?? ""
        return (status, headers, body)
    }
}

/// Whether there is a PostgreSQL server to test against on this machine, with the programs to make one's own.
private let crashableServer =
    TestStore.postgresServer != nil && FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/pg_ctl")

#endif
