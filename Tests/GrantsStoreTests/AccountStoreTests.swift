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

    /// A string shaped as a bcrypt hash (the ledger refuses anything else), different for each `seed`.
    static func hash(_ seed: String) -> String {
        let body = Array((seed + String(repeating: ".", count: 53)).utf8.prefix(53))
        return "$2b$04$" + String(decoding: body, as: UTF8.self)
    }

    static func add(_ email: String, _ role: Role, _ organisation: String? = nil, in ledger: Ledger) throws -> Account {
        try ledger.addAccount(
            email: email, role: role, organisation: try organisation.map { try OrganisationID(parsing: $0) },
            passwordHash: hash(email), invitation: nil, at: at, by: "admin")
    }

    static let limits = SignInLimits(since: Fixtures.at, perEmail: 5, perAddress: 20, lockAfter: 10)

    @discardableResult
    static func log(
        _ outcome: SignInOutcome, _ account: Account, session: String? = nil, address: String = "10.0.0.1",
        lockAfter: Int = 10, in ledger: Ledger
    ) throws -> SignInOutcome {
        try ledger.logSignIn(
            SignInRecord(at: at, email: account.email, account: account.id, address: address, outcome: outcome),
            session: session, verifiedHash: try ledger.passwordHash(account: account.id),
            limits: SignInLimits(since: at, perEmail: 100, perAddress: 100, lockAfter: lockAfter))
    }

    @Test func anAccountIsTheLatestOfEachKindOfItsEvents() throws {
        let ledger = try Fixtures.ledger()
        let group = try Self.add("group@example.org", .applicant, Self.group, in: ledger)
        _ = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        #expect(try ledger.accounts().map(\.email) == ["group@example.org", "officer@example.org"])
        #expect(group.role == .applicant && group.organisation?.rawValue == Self.group && group.active)
        #expect(try ledger.passwordHash(account: group.id) == Self.hash("group@example.org"))
        try ledger.recordAccountEvent(.disabled, account: group.id, at: Self.at, by: "admin")
        #expect(try ledger.account(email: "group@example.org")?.enabled == false)
        try ledger.recordAccountEvent(.enabled, account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.locked, account: group.id, at: Self.at, by: "sign-in")
        let locked = try #require(try ledger.account(id: group.id))
        #expect(locked.enabled && locked.locked && !locked.active)
        try ledger.recordAccountEvent(.unlocked, account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.password(hash: Self.hash("h2")), account: group.id, at: Self.at, by: "admin")
        try ledger.recordAccountEvent(.role(.commissioner, organisation: nil), account: group.id, at: Self.at, by: "a")
        let now = try #require(try ledger.account(id: group.id))
        #expect(now.active && now.role == .commissioner && now.organisation == nil)
        #expect(try ledger.passwordHash(account: group.id) == Self.hash("h2"))
        // A new email: the old one no longer signs in, and stays the account's, never another's.
        try ledger.recordAccountEvent(.email("renamed@example.org"), account: group.id, at: Self.at, by: "admin")
        #expect(try ledger.account(email: "group@example.org") == nil)
        #expect(try ledger.account(email: "renamed@example.org")?.id == group.id)
        #expect(throws: LedgerError.self) { try Self.add("group@example.org", .commissioner, in: ledger) }
        try ledger.recordAccountEvent(.email("group@example.org"), account: group.id, at: Self.at, by: "admin")
        #expect(try ledger.account(email: "group@example.org")?.id == group.id)
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
        #expect(try Self.log(.signedIn, officer, session: hash, in: ledger) == .signedIn)
        let session = try #require(try ledger.session(tokenHash: hash))
        #expect(session.account == officer.id && session.ended == nil && session.seen == Self.at)
        let later = try #require(Self.at.adding(seconds: 120))
        try ledger.touchSession(tokenHash: hash, at: later)
        #expect(try ledger.session(tokenHash: hash)?.seen == later)
        try ledger.endSession(tokenHash: hash, at: later, address: "127.0.0.1")
        #expect(try ledger.session(tokenHash: hash)?.ended == later)
        // A second session, ended by disabling the account.
        let second = String(repeating: "b", count: 64)
        try Self.log(.signedIn, officer, session: second, in: ledger)
        try ledger.recordAccountEvent(.disabled, account: officer.id, at: later, by: "admin")
        #expect(try ledger.session(tokenHash: second)?.ended == later)
        // Disabled, a sign-in checked before it was disabled is recorded as what holds now, with no session.
        let third = String(repeating: "e", count: 64)
        #expect(try Self.log(.signedIn, officer, session: third, in: ledger) == .disabled)
        #expect(try ledger.session(tokenHash: third) == nil)
        #expect(try ledger.signInLog(limit: 10).map(\.outcome) == [.disabled, .signedIn, .signedOut, .signedIn])
        // A new password ends the sessions too.
        try ledger.recordAccountEvent(.enabled, account: officer.id, at: later, by: "admin")
        let fourth = String(repeating: "9", count: 64)
        #expect(try Self.log(.signedIn, officer, session: fourth, in: ledger) == .signedIn)
        try ledger.recordAccountEvent(.password(hash: Self.hash("new")), account: officer.id, at: later, by: "admin")
        #expect(try ledger.session(tokenHash: fourth)?.ended == later)
    }

    @Test func failuresInARowLockTheAccountAndCountAgainAfterASignIn() throws {
        let ledger = try Fixtures.ledger()
        let officer = try Self.add("officer@example.org", .financeOfficer, in: ledger)
        var sessions = 0
        func attempt(_ outcome: SignInOutcome) throws -> Bool {
            sessions += 1
            let session = String(repeating: "c", count: 60) + String(1000 + sessions)
            try Self.log(outcome, officer, session: outcome == .signedIn ? session : nil, lockAfter: 3, in: ledger)
            return try ledger.account(id: officer.id)?.locked == true
        }
        #expect(try !attempt(.failed) && !attempt(.failed))
        #expect(try !attempt(.signedIn))
        #expect(try !attempt(.failed) && !attempt(.failed))
        #expect(try attempt(.failed))
        // Locked, the account's sessions are over, and a right password does not sign in.
        #expect(try ledger.session(tokenHash: String(repeating: "c", count: 60) + "1003")?.ended != nil)
        #expect(try Self.log(.signedIn, officer, session: String(repeating: "f", count: 64), in: ledger) == .locked)
        try ledger.recordAccountEvent(.unlocked, account: officer.id, at: Self.at, by: "admin")
        // Unlocked, failures count again from nothing.
        #expect(try !attempt(.failed) && !attempt(.failed))
        #expect(try attempt(.failed))
        let counts = try ledger.recentFailures(email: officer.email, address: "10.0.0.1", since: Self.at)
        // Refusals count towards throttling: 8 wrong passwords, 2 lockings and 1 attempt on the locked account.
        #expect(counts.email == 11 && counts.address == 11)
        #expect(try ledger.signInLog(limit: 3).map(\.outcome) == [.locked, .failed, .failed])
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
        try Self.log(.signedIn, officer, session: String(repeating: "d", count: 64), in: ledger)
        let queue = try DatabaseQueue(path: path)
        _ = try Self.add("other@example.org", .commissioner, in: ledger)
        let t = "'2026-01-01T00:00:00Z'"
        let event = "INSERT INTO account_events (account_id, at, actor, kind, email, role, organisation_id, password_hash)"
        let email = "INSERT INTO account_emails (email, account_id)"
        let session = "INSERT INTO sessions (token_hash, account_id, started_at, seen_at, ended_at, address)"
        let hex = "'" + String(repeating: "0", count: 64) + "'"
        let refused = [
            "\(email) VALUES ('Big@example.org', 1)",
            "\(email) VALUES ('sp ace@example.org', 1)",
            "\(email) VALUES ('é@example.org', 1)",
            "\(email) VALUES ('a@b.c' || char(0) || 'x', 1)",
            "\(email) VALUES ('@example.org', 1)",
            "\(email) VALUES ('new@example.org', 99)",
            "\(event) VALUES (1, \(t), 'x', 'email', 'other@example.org', NULL, NULL, NULL)",
            "\(event) VALUES (1, \(t), 'x', 'email', 'unowned@example.org', NULL, NULL, NULL)",
            "\(event) VALUES (1, \(t), 'x', 'role', NULL, 'applicant', NULL, NULL)",
            "\(event) VALUES (1, \(t), 'x', 'role', NULL, 'commissioner', '360G-Test-ORG-0001', NULL)",
            "\(event) VALUES (1, \(t), 'x', 'role', NULL, 'administrator', NULL, NULL)",
            "\(event) VALUES (1, \(t), 'x', 'password', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (1, \(t), 'x', 'password', NULL, NULL, NULL, 'not a bcrypt hash')",
            "\(event) VALUES (1, \(t), 'x', 'disabled', NULL, NULL, NULL, '\(Self.hash("x"))')",
            "\(event) VALUES (1, \(t), 'x', 'deleted', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (99, \(t), 'x', 'disabled', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (1, 'yesterday', 'x', 'disabled', NULL, NULL, NULL, NULL)",
            "\(event) VALUES (1, \(t), '', 'disabled', NULL, NULL, NULL, NULL)",
            "INSERT INTO sign_in_log (at, email, account_id, address, outcome) VALUES (\(t), 'e', 1, 'a', 'guessed')",
            "INSERT INTO sign_in_log (at, email, account_id, address, outcome) VALUES ('t', 'e', 1, 'a', 'failed')",
            "\(session) VALUES ('short', 1, \(t), \(t), NULL, 'a')",
            "\(session) VALUES ('\(String(repeating: "G", count: 64))', 1, \(t), \(t), NULL, 'a')",
            "\(session) VALUES (\(hex), 1, 'x', 'y', NULL, 'a')",
            "\(session) VALUES (\(hex), 1, \(t), '2025-01-01T00:00:00Z', NULL, 'a')",
            "\(session) VALUES (\(hex), 1, \(t), \(t), '2025-01-01T00:00:00Z', 'a')",
            "UPDATE sessions SET seen_at = '2000-01-01T00:00:00Z'",
            "UPDATE account_emails SET account_id = 2",
            "DELETE FROM account_emails",
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
        try queue.write { db in try db.execute(sql: "UPDATE sessions SET ended_at = '2030-01-01T00:00:00Z'") }
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE sessions SET ended_at = NULL") }
        }
        #expect(try ledger.passwordHash(account: officer.id) == Self.hash("officer@example.org"))
        #expect(try ledger.account(id: officer.id) == officer)
    }
}
