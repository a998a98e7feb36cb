import Foundation
import GrantsCore
import GrantsStore
#if canImport(GrantsPostgres)
import GrantsPostgres
#endif

/// The store the ledger tests run against: SQLite in memory by default; with `GRANTS_TEST_STORE=postgres`, a new,
/// empty PostgreSQL database for each ledger, on the server `GRANTS_TEST_POSTGRES` names
/// (`postgres://user@host:port`, a user that may create databases). `.ci/run` runs the store's, the workflows' and
/// the reports' suites both ways, so every test that makes its ledger here is one of the conformance suite.
public enum TestStore {
    /// Which store `GRANTS_TEST_STORE` chose.
    public static let name: String = ProcessInfo.processInfo.environment["GRANTS_TEST_STORE"] ?? "sqlite"

    /// Whether the tests run against PostgreSQL.
    public static var isPostgres: Bool { name == "postgres" }

    /// A new, empty ledger in the store under test.
    public static func emptyLedger() throws -> Ledger {
        switch name {
        case "sqlite":
            return try Ledger()
        case "postgres":
            #if canImport(GrantsPostgres)
            return try Ledger.postgres(url: try newDatabase())
            #else
            throw LedgerError(.database, "this build has no PostgreSQL store (GRANTS_WITHOUT_WEB)")
            #endif
        default:
            throw LedgerError(.database, "GRANTS_TEST_STORE is \(name); expected sqlite or postgres")
        }
    }

    /// The server `GRANTS_TEST_POSTGRES` names, or nil when it names none.
    public static var postgresServer: String? {
        guard let url = ProcessInfo.processInfo.environment["GRANTS_TEST_POSTGRES"], !url.isEmpty else { return nil }
        return url
    }

    /// The address of a new, empty database on the test server; refused when there is no server to test against.
    public static func newDatabase() throws -> String {
        guard let server = postgresServer else {
            throw LedgerError(
                .database, "no PostgreSQL server to test against: set GRANTS_TEST_POSTGRES=postgres://user@host:port")
        }
        #if canImport(GrantsPostgres)
        let name = "grants_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try PostgresServer.createDatabase(name, on: server)
        return server + "/" + name
        #else
        throw LedgerError(.database, "this build has no PostgreSQL store (GRANTS_WITHOUT_WEB)")
        #endif
    }
}
