import Foundation
import GrantsCore
import GrantsStore
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// The ledger in PostgreSQL: connections from a small pool, each read in one snapshot and each write in one
/// transaction that writers take in turn.
///
/// The ledger's protocols are synchronous, and postgres-nio is not: each call waits for its future on the calling
/// thread (the command line's, or the web application's request or thread-pool threads), never on one of the event
/// loop's.
final class PostgresDriver: SQLDriver, @unchecked Sendable {
    let server: PostgresServer
    private let idle = Mutex<[WatchedConnection]>([])
    private let logger: Logger
    /// Connections kept open between calls; more are opened while more are in use, and closed when handed back.
    private let keep = 8

    init(_ server: PostgresServer) {
        self.server = server
        var logger = Logger(label: "grants-postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        for connection in idle.withLock({ $0 }) {
            connection.close()
        }
    }

    var dialect: SQLDialect { .postgres }
    var location: String { server.description }

    /// One snapshot for the whole read (REPEATABLE READ, READ ONLY): what a status or a return adds up is one state of
    /// the ledger even while others write, as SQLite's readers see the last commit before they began.
    func read<T>(_ body: (SQLConnection) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    /// One transaction at READ COMMITTED whose first statement takes a transaction-scoped advisory lock that every
    /// writer of the ledger takes: writers go one at a time, as SQLite's IMMEDIATE transactions do.
    ///
    /// Why this and not SERIALIZABLE: the ledger's checks read balances (what an allocation holds and commits, what a
    /// fund has drawn, what a draft holds) and then write what they guard, and their refusals tell the user what is
    /// left. With the lock taken first, each later statement of the transaction (READ COMMITTED takes a snapshot per
    /// statement) sees every write committed before it, so a check and its write see one state that no other writer
    /// can change in between, and a refusal tells the truth. SERIALIZABLE would be safe too, but racing writers would
    /// fail with serialization errors to retry, after checks run against a state that lost. Readers never wait for
    /// the lock (MVCC). The database's own constraints and triggers hold whatever the application does.
    func write<T>(large: Bool, _ body: (SQLConnection) throws -> T) throws -> T {
        try transaction(begin: "BEGIN ISOLATION LEVEL READ COMMITTED", lock: true, body)
    }

    /// The advisory lock's key: any fixed number, the same in every writer ("grants" in ASCII).
    static let writeLock: Int64 = 0x6772_616E_7473

    private func transaction<T>(begin: String, lock: Bool = false, _ body: (SQLConnection) throws -> T) throws -> T {
        let connection = try checkOut()
        let session = PostgresSession(connection, logger: logger)
        do {
            try session.run(begin)
            if lock {
                // As long as SQLite waits for another writer (30 s), then a clear failure rather than a hang.
                try session.run("SET LOCAL lock_timeout = '30s'")
                _ = try session.execute(
                    "SELECT pg_advisory_xact_lock(?)", SQLArguments([Self.writeLock]), cached: true)
            }
            let result = try body(SQLConnection(session))
            try session.commit()
            checkIn(connection)
            return result
        } catch {
            // A connection that failed part way is closed (the server rolls back what it had not committed); one
            // that refused a statement is rolled back and kept.
            if connection.isClosed || (try? session.run("ROLLBACK")) == nil {
                connection.close()
            } else {
                checkIn(connection)
            }
            throw PostgresSession.described(error)
        }
    }

    private func checkOut() throws -> WatchedConnection {
        while let connection = idle.withLock({ $0.popLast() }) {
            if !connection.isClosed { return connection }
        }
        return WatchedConnection(try server.connect(logger: logger))
    }

    private func checkIn(_ connection: WatchedConnection) {
        let kept = idle.withLock { idle in
            guard idle.count < keep else { return false }
            idle.append(connection)
            return true
        }
        if !kept { connection.close() }
    }
}

/// Where a ledger in PostgreSQL is: `postgres://user[:password]@host[:port]/database`.
public struct PostgresServer: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    let password: String?
    public let database: String

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Reads `postgres://user[:password]@host[:port]/database`; a clear refusal of anything else.
    public init(url text: String) throws(LedgerError) {
        guard Self.isURL(text), let url = URLComponents(string: text), let host = url.host, !host.isEmpty else {
            throw LedgerError(
                .invalidEntry, "\(text) is not a PostgreSQL address; expected postgres://user@host:port/database",
                field: "db")
        }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw LedgerError(
                .invalidEntry, "the PostgreSQL address names no database; expected postgres://user@host:port/database",
                field: "db")
        }
        guard let user = url.user, !user.isEmpty else {
            throw LedgerError(
                .invalidEntry, "the PostgreSQL address names no user; expected postgres://user@host:port/database",
                field: "db")
        }
        if let query = url.queryItems, !query.isEmpty {
            throw LedgerError(
                .invalidEntry,
                "the PostgreSQL address has options (\(url.query ?? "")) this version does not read; it connects "
                    + "without TLS, for a server on this machine or a trusted network",
                field: "db")
        }
        self.host = host
        self.port = url.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = url.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The address without its password, for messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    func connect(logger: Logger) throws -> PostgresConnection {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        do {
            return try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: configuration,
                id: Self.nextID.add(1, ordering: .relaxed).newValue, logger: logger
            ).wait()
        } catch {
            throw SQLDriverError(
                .unreachable, "cannot connect to PostgreSQL at \(self): \(PostgresSession.describe(error))")
        }
    }

    private static let nextID = Atomic<Int>(0)
}

extension PostgresServer {
    /// Creates the empty database `name` on the server at `server` (`postgres://user@host:port`, a user that may
    /// create databases), connecting to its `postgres` database to do it. For tests and for copying a ledger.
    package static func createDatabase(_ name: String, on server: String) throws {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw LedgerError(.invalidEntry, "\(name) is not a plain database name", field: "db")
        }
        let admin = try PostgresServer(url: server + "/postgres")
        var logger = Logger(label: "grants-postgres")
        logger.logLevel = .critical
        let connection = try admin.connect(logger: logger)
        defer { try? (connection.close() as EventLoopFuture<Void>).wait() }
        do {
            _ = try connection.simpleQuery("CREATE DATABASE \(name)").wait()
        } catch {
            throw PostgresSession.described(error)
        }
    }
}
