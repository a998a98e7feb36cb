import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// The accounts beside the ledger: an identity with its events appended, never edited or deleted; the sessions; the
/// sign-in log.
@Suite struct AccountStoreTests {
    static let at = Fixtures.at
    static let group = "360G-Test-ORG-0001"

    static func add(_ email: String, _ role: Role, _ organisation: String? = nil, in ledger: Ledger) throws -> Account {
        try ledger.addAccount(
            email: email, role: role, organisation: try organisation.map { try OrganisationID(parsing: $0) },
            passwordHash: "h-\(email)", at: at, by: "admin")
    }

    @Test func anAccountIsTheLatestOfEachKindOfItsEvents() throws {
        let ledger = try Fixtures.ledger()
        let group = try Self.add("group@example.org", .applicant, Self.group, in: ledger)
        _ = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        #expect(try ledger.accounts().map(\.email) == ["group@example.org", "officer@example.org"])
        #expect(group.role == .applicant && group.organisation?.rawValue == Self.group && group.active)
        #expect(try ledger.passwordHash(account: group.id) == "h-group@example.org")
        try ledger.recordAccountEvent(.disabled, account: group.id, at: Self.at, by: "admin")
        #expect(try ledger.account(email: "group@example.org")?.enabled == false)
        try ledger.recordAccountEvent(.enabled, account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.locked, account: group.id, at: Self.at, by: "sign-in")
        let locked = try #require(try ledger.account(id: group.id))
        #expect(locked.enabled && locked.locked && !locked.active)
        try ledger.recordAccountEvent(.unlocked, account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.password(hash: "h2"), account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.role(.commissioner, organisation: nil), account: group.id, at: Self.at, by: "a")
        let now = try #require(try ledger.account(id: group.id))
        #expect(now.active && now.role == .commissioner && now.organisation == nil)
        #expect(try ledger.passwordHash(account: group.id) == "h2")
        // A new email frees the old one for another account.
        try ledger.recordAccountEvent(.email("renamed@example.org"), account: group.id, at: Self.at, by: "admin")
        #expect(try ledger.account(email: "group@example.org") == nil)
        #expect(try ledger.account(email: "renamed@example.org")?.id == group.id)
        _ = try Self.add("group@example.org", .commissioner, in: ledger)
        #expect(try ledger.account(email: "nobody@example.org") == nil)
        #expect(try ledger.passwordHash(account: 999) == nil)
    }

    @Test func aSecondAccountForAnEmailOrAnUnknownOrganisationIsRefused() throws {
        let ledger = try Fixtures.ledger()
        let officer = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        _ = try Self.add("other@example.org", .commissioner, in: ledger)
        #expect(throws: LedgerError.self) { try Self.add("officer@example.org", .commissioner, in: ledger) }
        // Taking another account's email by changing one's own: refused by the database's trigger.
        do throws(LedgerError) {
            try ledger.recordAccountEvent(.email("other@example.org"), account: officer.id, at: Self.at, by: "a")
            Issue.record("a second account took other@example.org")
        } catch {
            #expect(error.code == .conflict)
        }
        do {
            _ = try Self.add("x@example.org", .applicant, "360G-Test-NOPE", in: ledger)
            Issue.record("an unknown organisation was taken")
        } catch let error as LedgerError {
            #expect(error.code == .unknownReference)
        }
        do throws(LedgerError) {
            try ledger.recordAccountEvent(.disabled, account: 999, at: Self.at, by: "admin")
            Issue.record("an unknown account was disabled")
        } catch {
            #expect(error.code == .unknownReference)
        }
        #expect(try ledger.accounts().map(\.email) == ["officer@example.org", "other@example.org"])
    }

    @Test func sessionsBeginAtSignInAndEndAtSignOutOrWhenTheAccountIsDisabled() throws {
        let ledger = try Fixtures.ledger()
        let officer = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        let hash = String(repeating: "a", count: 64)
        let signIn = SignInRecord(
            at: Self.at, email: officer.email, account: officer.id, address: "127.0.0.1", outcome: .signedIn)
        try ledger.logSignIn(signIn, session: hash, lockAfter: 10)
        let session = try #require(try ledger.session(tokenHash: hash))
        #expect(session.account == officer.id && session.ended == nil && session.seen == Self.at)
        let later = try #require(Self.at.adding(seconds: 120))
        try ledger.touchSession(tokenHash: hash, at: later)
        #expect(try ledger.session(tokenHash: hash)?.seen == later)
        try ledger.endSession(tokenHash: hash, at: later, address: "127.0.0.1")
        #expect(try ledger.session(tokenHash: hash)?.ended == later)
        // A second session, ended by disabling the account.
        let second = String(repeating: "b", count: 64)
        try ledger.logSignIn(signIn, session: second, lockAfter: 10)
        try ledger.recordAccountEvent(.disabled, account: officer.id, at: later, by: "admin")
        #expect(try ledger.session(tokenHash: second)?.ended == later)
        #expect(try ledger.signInLog(limit: 10).map(\.outcome) == [.signedIn, .signedOut, .signedIn])
    }

    @Test func failuresInARowLockTheAccountAndCountAgainAfterASignIn() throws {
        let ledger = try Fixtures.ledger()
        let officer = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        func attempt(_ outcome: SignInOutcome) throws -> Bool {
            try ledger.logSignIn(
                SignInRecord(at: Self.at, email: officer.email, account: officer.id, address: "10.0.0.1", outcome: outcome),
                session: outcome == .signedIn ? String(repeating: "c", count: 64) : nil, lockAfter: 3)
        }
        #expect(try !attempt(.failed) && !attempt(.failed))
        #expect(try !attempt(.signedIn))
        #expect(try !attempt(.failed) && !attempt(.failed))
        #expect(try attempt(.failed))
        #expect(try ledger.account(id: officer.id)?.locked == true)
        try ledger.recordAccountEvent(.unlocked, account: officer.id, at: Self.at, by: "admin")
        #expect(try !attempt(.failed))
        let counts = try ledger.recentFailures(email: officer.email, address: "10.0.0.1", since: Self.at)
        #expect(counts.email == 6 && counts.address == 6)
        let none = try ledger.recentFailures(email: "x@example.org", address: "10.0.0.2", since: Self.at)
        #expect(none.email == 0 && none.address == 0)
    }

    /// The database itself refuses what the code would never write, and any edit or deletion.
    @Test func theDatabaseRefusesWhatTheRulesForbid() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/ledger.sqlite"
        let ledger = try Ledger(path: path, mode: .create)
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        let officer = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        try ledger.logSignIn(
            SignInRecord(at: Self.at, email: officer.email, account: officer.id, address: "a", outcome: .signedIn),
            session: String(repeating: "d", count: 64), lockAfter: 10)
        let queue = try DatabaseQueue(path: path)
        let event = "INSERT INTO account_events (account_id, at, actor, kind, email, role, organisation_id, password_hash)"
        let refused = [
            "\(event) VALUES (1, 't', 'x', 'email', 'Big@example.org', NULL, NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'email', 'sp ace@example.org', NULL, NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'email', 'é@example.org', NULL, NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'role', NULL, 'applicant', NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'role', NULL, 'commissioner', '360G-Test-ORG-0001', NULL)",
            "\(event) VALUES (1, 't', 'x', 'role', NULL, 'administrator', NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'password', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (1, 't', 'x', 'disabled', NULL, NULL, NULL, 'h')",
            "\(event) VALUES (1, 't', 'x', 'deleted', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (2, 't', 'x', 'disabled', NULL, NULL, NULL, NULL)",
            "INSERT INTO sign_in_log (at, email, account_id, address, outcome) VALUES ('t', 'e', 1, 'a', 'guessed')",
            "INSERT INTO sessions (token_hash, account_id, started_at, seen_at, address) VALUES ('short', 1, 't', 't', 'a')",
            "UPDATE accounts SET created_by = 'me'",
            "DELETE FROM accounts",
            "UPDATE account_events SET password_hash = 'mine'",
            "DELETE FROM account_events",
            "UPDATE sign_in_log SET outcome = 'failed'",
            "DELETE FROM sign_in_log",
            "UPDATE sessions SET account_id = 2",
            "DELETE FROM sessions",
            "DELETE FROM account_roles",
            "UPDATE account_event_kinds SET kind = 'x'",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        // An ended session stays ended.
        try queue.write { db in try db.execute(sql: "UPDATE sessions SET ended_at = 't2'") }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE sessions SET ended_at = NULL") }
        }
        #expect(try ledger.passwordHash(account: officer.id) == "h-officer@example.org")
        #expect(try ledger.account(id: officer.id) == officer)
    }
}
