import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsTestSupport
import NIOCore
import Testing

@testable import GrantsPostgres
@testable import GrantsStore

/// What is PostgreSQL's own: reading its numbers, its parameters and addresses, its migrations, and the same ledger
/// giving the same figures and bytes in both stores. (The conformance suite proper is the store's, workflows' and
/// reports' tests run again with GRANTS_TEST_STORE=postgres; see TestStore.)
struct PostgresStoreTests {
    /// CI must test PostgreSQL, never skip it: without a server these tests would pass by doing nothing.
    @Test func ciNamesAServerToTestAgainst() {
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(TestStore.postgresServer != nil, "CI sets GRANTS_TEST_POSTGRES (.ci/run starts a server)")
        }
    }

    @Test(arguments: [
        ("SELECT 1 WHERE a = ? AND b = ?", "SELECT 1 WHERE a = $1 AND b = $2"),
        ("SELECT ':x', \"?\" WHERE d <= :asOf AND e >= :asOf AND f = :from", "SELECT ':x', \"?\" WHERE d <= $1 AND e >= $1 AND f = $2"),
        ("SELECT CAST(x AS text)::bigint", "SELECT CAST(x AS text)::bigint"),
        ("SELECT 1 WHERE (?2 IS NULL OR b = ?2) AND a = ?1 AND c = ?", "SELECT 1 WHERE ($1 IS NULL OR b = $1) AND a = $2 AND c = $3"),
    ])
    func parametersAreNumberedOutsideQuotes(sql: String, expected: String) {
        // As the statement is sent when no value is NULL: each parameter numbered in order of first use.
        var numbers: [PostgresSession.Parameter: Int] = [:]
        let sent = PostgresSession.pieces(sql).map { piece in
            switch piece {
            case .text(let text): return text
            case .parameter(let parameter):
                let number = numbers[parameter] ?? numbers.count + 1
                numbers[parameter] = number
                return "$\(number)"
            }
        }.joined()
        #expect(sent == expected)
    }

    @Test func sumsAreReadAsWholeNumbersOrRefused() {
        func numeric(_ digits: [Int16], weight: Int16, negative: Bool = false, scale: UInt16 = 0) -> Int64? {
            var buffer = ByteBuffer()
            buffer.writeInteger(Int16(digits.count))
            buffer.writeInteger(weight)
            buffer.writeInteger(UInt16(negative ? 0x4000 : 0))
            buffer.writeInteger(scale)
            for digit in digits { buffer.writeInteger(digit) }
            return PostgresSession.wholeNumber(&buffer)
        }
        #expect(numeric([], weight: 0) == 0)
        #expect(numeric([12], weight: 0) == 12)
        #expect(numeric([1, 2345], weight: 1) == 12345)
        #expect(numeric([3], weight: 2) == 3_0000_0000)
        #expect(numeric([7, 5], weight: 1, negative: true) == -70005)
        #expect(numeric([922, 3372, 368, 5477, 5807], weight: 4) == Int64.max)
        #expect(numeric([922, 3372, 368, 5477, 5808], weight: 4) == nil)
        #expect(numeric([1, 5000], weight: 0, scale: 1) == nil)
    }

    @Test(arguments: [
        "grants.sqlite", "postgres://", "postgres://host/db", "postgres://user@host", "postgres://user@host/",
        "postgres://user@host/db?sslmode=require",
    ])
    func addressesThatNameNoDatabaseOrUserAreRefused(url: String) {
        #expect(throws: LedgerError.self) { try PostgresServer(url: url) }
    }

    @Test func anAddressIsShownWithoutItsPassword() throws {
        let server = try PostgresServer(url: "postgres://clerk:s3cret@db.example:6543/grants")
        #expect(server.description == "postgres://clerk@db.example:6543/grants")
        #expect(server.port == 6543)
    }
}

/// Against a running server: skipped (and said so) when GRANTS_TEST_POSTGRES names none; CI always names one.
@Suite(.enabled(if: TestStore.postgresServer != nil, "GRANTS_TEST_POSTGRES names no server"))
struct PostgresServerTests {
    @Test func anEmptyDatabaseIsNoLedgerUntilInitialised() throws {
        let url = try TestStore.newDatabase()
        #expect(throws: LedgerError.self) { try Ledger.postgres(url: url, mode: .readOnly) }
        #expect(throws: LedgerError.self) { try Ledger.postgres(url: url, mode: .readWrite) }
        _ = try Ledger.postgres(url: url, mode: .create)
        _ = try Ledger.postgres(url: url, mode: .readOnly)
        // Opening again runs nothing twice.
        _ = try Ledger.postgres(url: url, mode: .create)
    }

    @Test func aLedgerMadeByANewerVersionIsRefused() throws {
        let url = try TestStore.newDatabase()
        let ledger = try Ledger.postgres(url: url, mode: .create)
        try ledger.driver.write(large: false) { db in
            try db.execute(sql: "INSERT INTO grants_schema_migrations (identifier) VALUES ('pg-v99-future')")
        }
        let error = #expect(throws: LedgerError.self) { try Ledger.postgres(url: url, mode: .readOnly) }
        #expect(error?.message.contains("newer version") == true)
    }

    @Test func aServerThatIsNotThereIsAClearDatabaseError() {
        let error = #expect(throws: LedgerError.self) {
            try Ledger.postgres(url: "postgres://grants@127.0.0.1:1/nothing", mode: .readOnly)
        }
        #expect(error?.code == .database)
        #expect(error?.message.contains("cannot connect to PostgreSQL at postgres://grants@127.0.0.1:1/nothing") == true)
    }

    /// The Samples ledger in SQLite and in PostgreSQL: the same reconciliation, the same fingerprint, and returns
    /// byte for byte the same, whole-year, a quarter and as of a day.
    @Test func theSamplesGiveTheSameReturnsInBothStores() throws {
        let batch = try LedgerFile.read(paths: [PackageFiles.samples])
        let sqlite = try Ledger()
        let postgres = try Ledger.postgres(url: try TestStore.newDatabase())
        for ledger in [sqlite, postgres] {
            try ledger.record(batch, as: Fixtures.change("samples"))
        }
        #expect(try sqlite.reconcile() == postgres.reconcile())
        #expect(try sqlite.reconcile().balances)
        let year = try FinancialYear(parsing: "2017/18")
        for period in [
            SpendReturn.Period(year: year), SpendReturn.Period(year: year, quarter: .q3),
            SpendReturn.Period(year: year, asOf: try Day(parsing: "2017-12-31")),
        ] {
            let mine = try ReturnCSV.render(try sqlite.spendReturn(period: period, fund: nil, csp: nil))
            let theirs = try ReturnCSV.render(try postgres.spendReturn(period: period, fund: nil, csp: nil))
            #expect(mine == theirs)
        }
        #expect(try sqlite.status() == postgres.status())
        #expect(try sqlite.history(entryID: nil, limit: nil).map(\.detail)
            == postgres.history(entryID: nil, limit: nil).map(\.detail))
    }
}

/// `Ledger.copy(to:)` (`grants ledger copy`) between the two stores.
@Suite(.enabled(if: TestStore.postgresServer != nil, "GRANTS_TEST_POSTGRES names no server"))
struct LedgerCopyTests {
    static let group = try! OrganisationID(parsing: "360G-Test-ORG-0001")

    /// The fixtures' ledger with what is kept beside it: an account with an invitation, a submitted draft and one
    /// still open, and a token.
    static func ledgerWithAccounts(_ ledger: Ledger) throws -> Ledger {
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        let at = Fixtures.at
        let later = try Timestamp(parsing: "2030-01-01T00:00:00Z")
        let account = try ledger.addAccount(
            email: "clerk@example.org", role: .applicant, organisation: group, passwordHash: nil,
            invitation: (String(repeating: "a", count: 64), later), at: at, by: "test")
        let year = try FinancialYear(parsing: "2017/18")
        let draft = try ledger.createDraft(
            organisation: group, scheme: .communityActionFund, year: year, form: "title=A", replaces: nil, at: at,
            by: account.id)
        try ledger.saveDraft(draft, form: "title=B", at: at, by: account.id)
        let bid = Bid(
            id: "BID-W1", fund: "CAF-2017-18", applicant: group, title: "Boxing", requested: Money(pence: 40_000),
            submitted: try Day(parsing: "2017-05-01"))
        try ledger.submit(
            bid,
            BidSubmission(
                bid: "BID-W1", draft: draft, account: account.id, at: at, document: "{\"id\":\"BID-W1\"}",
                rulebook: "community-action-fund 2017/18", outcome: "eligible", report: "[]"),
            form: "title=B", as: Fixtures.change())
        _ = try ledger.createDraft(
            organisation: group, scheme: .communityActionFund, year: year, form: "title=C", replaces: "BID-W1", at: at,
            by: account.id)
        _ = try ledger.addAPIToken(
            account: account.id, name: "script", tokenHash: String(repeating: "b", count: 64), expires: later, at: at,
            by: "test")
        return ledger
    }

    @Test func theSamplesMoveFromAFileToPostgreSQLAndBackTheSame() throws {
        let folder = try TemporaryFolder()
        let file = try Ledger(path: folder.file("samples.sqlite"))
        try file.record(try LedgerFile.read(paths: [PackageFiles.samples]), as: Fixtures.change("samples"))
        let postgres = try Ledger.postgres(url: try TestStore.newDatabase())
        let there = try file.copy(to: postgres)
        #expect(there.entries == (try file.history().count))
        #expect(there.reconciliation.balances)
        let back = try Ledger(path: folder.file("back.sqlite"))
        let again = try postgres.copy(to: back)
        #expect(again.fingerprint == there.fingerprint)
        let year = SpendReturn.Period(year: try FinancialYear(parsing: "2017/18"))
        let returns = try [file, postgres, back].map { ledger in
            try ReturnCSV.render(try ledger.spendReturn(period: year, fund: nil, csp: nil))
        }
        #expect(Set(returns).count == 1)
        #expect(try file.history() == postgres.history())
    }

    @Test func whatIsKeptBesideTheLedgerIsCopiedAndStillWorks() throws {
        let source = try Self.ledgerWithAccounts(try Ledger())
        let target = try Ledger.postgres(url: try TestStore.newDatabase())
        let copy = try source.copy(to: target)
        #expect(copy.besides > 0)
        #expect(try target.accounts() == source.accounts())
        #expect(try target.drafts(organisation: Self.group) == source.drafts(organisation: Self.group))
        #expect(try target.submission(bid: "BID-W1") == source.submission(bid: "BID-W1"))
        #expect(try target.apiTokens() == source.apiTokens())
        // The copy goes on numbering after what it was given.
        let next = try target.createDraft(
            organisation: Self.group, scheme: .communityActionFund, year: try FinancialYear(parsing: "2017/18"),
            form: "", replaces: nil, at: Fixtures.at, by: try #require(target.accounts().first).id)
        #expect(next == 3)
    }

    @Test func aLedgerThatIsNotEmptyIsNotCopiedInto() throws {
        let source = try Fixtures.sampleLedger()
        let target = try Ledger.postgres(url: try TestStore.newDatabase())
        try target.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        let before = try target.fingerprint()
        let error = #expect(throws: LedgerError.self) { try source.copy(to: target) }
        #expect(error?.code == .conflict)
        #expect(try target.fingerprint() == before)
    }
}

/// 32 clients awarding, claiming and paying on three allocations at once, for a few seconds, against each store:
/// nothing the ledger accepted is lost or doubled, no invariant breaks, and the balances show exactly what the
/// clients were told was accepted. (`grants-load` runs the same for longer and prints the writes per second.)
@Suite(.enabled(if: TestStore.postgresServer != nil, "GRANTS_TEST_POSTGRES names no server"), .serialized)
struct ConcurrentClientsTests {
    static func check(_ ledger: Ledger) throws {
        try LoadRun.prepare(ledger)
        let before = try ledger.history().count
        let outcome = try LoadRun(clients: 32, seconds: 3).run(on: ledger)
        #expect(outcome.failures.isEmpty, "\(outcome.failures.prefix(3))")
        #expect(outcome.writes > 0)
        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances, "\(reconciliation.checks.filter { !$0.balances }.prefix(3))")
        // One line of history per accepted write, no more and no fewer.
        #expect(try ledger.history().count == before + outcome.writes)
        let awards = try ledger.awards(recipient: try OrganisationID(parsing: "GB-LAE-SRI"))
        #expect(awards.count == outcome.awards)
        #expect(awards.reduce(0) { $0 + $1.amount.pence } == outcome.awarded.pence)
        var claimed: Int64 = 0, paid: Int64 = 0, claims = 0, payments = 0
        for award in awards {
            let theirClaims = try ledger.claims(award: award.id)
            let theirPayments = try ledger.payments(award: award.id)
            claims += theirClaims.count
            payments += theirPayments.count
            claimed += theirClaims.reduce(0) { $0 + $1.amount.pence }
            paid += theirPayments.reduce(0) { $0 + $1.amount.pence }
        }
        #expect(claims == outcome.claims && claimed == outcome.claimed.pence)
        #expect(payments == outcome.payments && paid == outcome.paid.pence)
        // No allocation commits more than it holds, however the clients raced for the last of it.
        for allocation in LoadRun.allocations {
            let committed = awards.filter { $0.allocation == allocation }.reduce(0) { $0 + $1.amount.pence }
            let held = try #require(try ledger.allocation(allocation)).amount.pence
            #expect(committed <= held)
        }
    }

    @Test func inSQLite() throws {
        let folder = try TemporaryFolder()
        try Self.check(try Ledger(path: folder.file("load.sqlite")))
    }

    @Test func inPostgreSQL() throws {
        try Self.check(try Ledger.postgres(url: try TestStore.newDatabase()))
    }
}
