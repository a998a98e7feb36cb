import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing
@testable import GrantsWorkflows

/// The administrator's account commands as workflows, and signing in: what is refused, what is kept, what is
/// logged, and that a refusal never says whether an email has an account.
@Suite struct AccountsTests {
    static let stamp = Stamp(actor: "admin", at: Fixtures.at)
    static let password = "correct horse battery staple"
    static let group = "360G-Test-ORG-0001"

    /// bcrypt at its lowest cost, so the tests are quick; one test checks the real cost.
    static func add(
        _ email: String, _ role: String, _ organisation: String? = nil, password: String = AccountsTests.password,
        in ledger: Ledger
    ) throws -> Account {
        try Accounts.add(
            email: email, role: role, organisation: organisation, password: try Password(password), stamp: stamp,
            in: ledger, cost: 4)
    }

    static func token(_ seed: UInt8) -> SessionToken {
        SessionToken(randomBytes: [UInt8](repeating: seed, count: 32))!
    }

    static func signIn(
        _ email: String, _ password: String = AccountsTests.password, from address: String = "192.0.2.1",
        at: Timestamp = Fixtures.at, token: SessionToken = token(1), in ledger: Ledger
    ) throws -> SignIn.Outcome {
        try SignIn.attempt(
            email: try EmailAddress(email, field: "email"), password: password, address: address, token: token, at: at,
            in: ledger)
    }

    @Test func anAccountIsAddedWithItsPasswordHashedAtCost12() throws {
        let ledger = try Fixtures.ledger()
        let account = try Accounts.add(
            email: "  Officer@Example.ORG ", role: "finance-officer", organisation: nil,
            password: try Password(Self.password), stamp: Self.stamp, in: ledger)
        #expect(account.email == "officer@example.org" && account.role == .financeOfficer && account.active)
        let hash = try #require(try ledger.passwordHash(account: account.id))
        #expect(hash.hasPrefix("$2b$12$") && !hash.contains(Self.password))
        #expect(try Self.signIn("OFFICER@example.org", in: ledger) == .signedIn(account))
    }

    /// A password is read one way, composed (NFC), whether it is set or typed to sign in.
    @Test func aPasswordIsTheSameWhicheverWayItsAccentsWereTyped() throws {
        let ledger = try Fixtures.ledger()
        let composed = "caf\u{E9} au lait, s'il vous pla\u{EE}t"
        let decomposed = "cafe\u{301} au lait, s'il vous plai\u{302}t"
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        let account = try Self.add("a@example.org", "commissioner", password: decomposed, in: ledger)
        #expect(try Self.signIn("a@example.org", composed, in: ledger) == .signedIn(account))
        #expect(throws: Password.Refusal.notUTF8) { try Password(bytes: Array("twelve chars".utf8) + [0xFF]) }
    }

    @Test func aDisabledLockedOrUnknownAccountIsRefusedAsAWrongPasswordIs() throws {
        let ledger = try Fixtures.ledger()
        let account = try Self.add("group@example.org", "applicant", Self.group, in: ledger)
        #expect(try Self.signIn("group@example.org", in: ledger) == .signedIn(account))
        try Accounts.change(.disable, email: "group@example.org", stamp: Self.stamp, in: ledger)
        #expect(try Self.signIn("group@example.org", in: ledger) == .refused)
        try Accounts.change(.enable, email: "group@example.org", stamp: Self.stamp, in: ledger)
        #expect(try Self.signIn("group@example.org", Self.password + "x", in: ledger) == .refused)
        #expect(try Self.signIn("nobody@example.org", in: ledger) == .refused)
        #expect(try Self.signIn("group@example.org", "short", in: ledger) == .refused)
        #expect(try Accounts.list(in: ledger).map(\.email) == ["group@example.org"])
        // The log says what the page does not.
        let log = try Accounts.signInLog(limit: 10, in: ledger)
        #expect(log.map(\.outcome) == [.failed, .failed, .failed, .disabled, .signedIn])
        #expect(log.map(\.account) == [account.id, nil, account.id, account.id, account.id])
    }

    @Test func repeatedFailuresThrottleTheEmailAndTheAddressAndLockTheAccount() throws {
        let ledger = try Fixtures.ledger()
        _ = try Self.add("group@example.org", "applicant", Self.group, in: ledger)
        // Five failures for an email within 15 minutes: the sixth is throttled, the password not checked.
        for _ in 0..<SignIn.failuresPerEmail {
            #expect(try Self.signIn("group@example.org", "wrong password!", in: ledger) == .refused)
        }
        #expect(try Self.signIn("group@example.org", in: ledger) == .throttled)
        // The same for an email with no account: throttling does not tell them apart.
        for _ in 0..<SignIn.failuresPerEmail {
            #expect(try Self.signIn("nobody@example.org", from: "192.0.2.9", in: ledger) == .refused)
        }
        #expect(try Self.signIn("nobody@example.org", from: "192.0.2.9", in: ledger) == .throttled)
        // Fifteen minutes on, the right password signs in.
        let later = try #require(Fixtures.at.adding(seconds: SignIn.window + 1))
        #expect(try Self.signIn("group@example.org", at: later, token: Self.token(2), in: ledger) != .throttled)
        // Ten failures in a row lock the account, throttled or not, and only an administrator unlocks it.
        var at = later
        var failures = 0
        while failures < SignIn.lockAfter {
            at = try #require(at.adding(seconds: 200))
            if try Self.signIn("group@example.org", "wrong password!", at: at, in: ledger) == .refused { failures += 1 }
        }
        let lockedAt = try #require(at.adding(seconds: SignIn.window + 1))
        #expect(try Self.signIn("group@example.org", at: lockedAt, in: ledger) == .refused)
        #expect(try ledger.account(email: "group@example.org")?.locked == true)
        try Accounts.change(.unlock, email: "group@example.org", stamp: Self.stamp, in: ledger)
        #expect(try Self.signIn("group@example.org", at: lockedAt, token: Self.token(3), in: ledger) != .refused)
        // Twenty failures from one address over many emails throttle the address.
        let spray = try #require(lockedAt.adding(seconds: 1))
        for index in 0..<SignIn.failuresPerAddress {
            _ = try Self.signIn("guess\(index)@example.org", from: "198.51.100.7", at: spray, in: ledger)
        }
        #expect(try Self.signIn("other@example.org", from: "198.51.100.7", at: spray, in: ledger) == .throttled)
    }

    /// A disabled or locked account is throttled as an unknown email is, so the sixth quick try tells nothing.
    @Test func disabledLockedAndUnknownAccountsAreThrottledAlike() throws {
        let ledger = try Fixtures.ledger()
        _ = try Self.add("disabled@example.org", "commissioner", in: ledger)
        try Accounts.change(.disable, email: "disabled@example.org", stamp: Self.stamp, in: ledger)
        let locked = try Self.add("locked@example.org", "commissioner", in: ledger)
        // Locked yesterday (the locking's own line in the log is then out of the window, as the failures that
        // lock an account are).
        try ledger.recordAccountEvent(
            .locked, account: locked.id, at: try #require(Fixtures.at.adding(seconds: -86_400)), by: "sign-in")
        let emails = ["disabled@example.org", "locked@example.org", "nobody@example.org"]
        for (index, email) in emails.enumerated() {
            let address = "192.0.2.\(10 + index)"
            for _ in 0..<SignIn.failuresPerEmail {
                #expect(try Self.signIn(email, from: address, in: ledger) == .refused, "\(email)")
            }
            #expect(try Self.signIn(email, from: address, in: ledger) == .throttled, "\(email)")
        }
        // Throttled attempts cost the sender nothing and are not written (the locking wrote one line of its own).
        #expect(try Accounts.signInLog(limit: 100, in: ledger).count == 3 * SignIn.failuresPerEmail + 1)
    }

    @Test func aSessionLastsUntilSignOutIdlenessOrItsAgeOrTheAccountIsDisabled() throws {
        let ledger = try Fixtures.ledger()
        let account = try Self.add("officer@example.org", "finance-officer", in: ledger)
        let token = Self.token(7)
        #expect(try Self.signIn("officer@example.org", token: token, in: ledger) == .signedIn(account))
        #expect(try SignIn.account(token, at: Fixtures.at, in: ledger) == account)
        #expect(try SignIn.account(Self.token(8), at: Fixtures.at, in: ledger) == nil)
        // Used every 20 minutes, it lasts 12 hours; then it is over.
        var at = Fixtures.at
        for _ in 0..<(Int(SignIn.absoluteTimeout) / 1200) {
            at = try #require(at.adding(seconds: 1200))
            #expect(try SignIn.account(token, at: at, in: ledger) == account)
        }
        #expect(try SignIn.account(token, at: try #require(at.adding(seconds: 1200)), in: ledger) == nil)
        // Left alone for more than 30 minutes, it is over.
        let idle = Self.token(9)
        _ = try Self.signIn("officer@example.org", token: idle, in: ledger)
        let afterIdle = try #require(Fixtures.at.adding(seconds: SignIn.idleTimeout + 1))
        #expect(try SignIn.account(idle, at: afterIdle, in: ledger) == nil)
        // Signed out, it is over.
        let out = Self.token(10)
        _ = try Self.signIn("officer@example.org", token: out, in: ledger)
        try SignIn.signOut(out, at: Fixtures.at, address: "192.0.2.1", in: ledger)
        #expect(try SignIn.account(out, at: Fixtures.at, in: ledger) == nil)
        // Its account disabled, it is over, and stays over when the account is enabled again.
        let disabled = Self.token(11)
        _ = try Self.signIn("officer@example.org", token: disabled, in: ledger)
        try Accounts.change(.disable, email: "officer@example.org", stamp: Self.stamp, in: ledger)
        try Accounts.change(.enable, email: "officer@example.org", stamp: Self.stamp, in: ledger)
        #expect(try SignIn.account(disabled, at: Fixtures.at, in: ledger) == nil)
        // The ledger holds the token's hash, never the token.
        #expect(try ledger.session(tokenHash: token.text) == nil)
        #expect(try ledger.session(tokenHash: token.hash) != nil)
        #expect(SessionToken(cookie: token.text) == token && SessionToken(cookie: token.text + "x") == nil)
    }

    /// Each refusal, with its kind (usage: exit 64; bad data: exit 65) and what it says.
    @Test(arguments: [
        ("not-an-email", "commissioner", nil, FailureKind.usage, "is not an email address"),
        ("a@b", "commissioner", nil, .usage, "is not an email address"),
        ("a b@example.org", "commissioner", nil, .usage, "is not an email address"),
        ("é@example.org", "commissioner", nil, .usage, "is not an email address"),
        ("a@example.org", "administrator", nil, .usage, "is not a role"),
        ("a@example.org", "applicant", nil, .usage, "an applicant acts for an organisation"),
        ("a@example.org", "finance-officer", "360G-Test-ORG-0001", .usage, "only an applicant"),
        ("a@example.org", "applicant", "not an id", .usage, "is not an organisation id"),
        ("a@example.org", "applicant", "360G-Test-NOPE", .badData, "no organisation"),
        ("Taken@example.org", "commissioner", nil, .badData, "already"),
    ] as [(String, String, String?, FailureKind, String)])
    func whatIsRefused(email: String, role: String, organisation: String?, kind: FailureKind, says: String) throws {
        let ledger = try Fixtures.ledger()
        _ = try Self.add("taken@example.org", "commissioner", in: ledger)
        do {
            _ = try Self.add(email, role, organisation, in: ledger)
            Issue.record("\(email) \(role) was taken")
        } catch let error as WorkflowError {
            #expect(error.failureKind == kind, "\(email) \(role): \(error.message)")
            #expect(error.message.contains(says), "\(email) \(role): \(error.message)")
        }
        #expect(try ledger.accounts().count == 1)
    }

    @Test(arguments: [
        ("short", Password.Refusal.tooShort(5)),
        (String(repeating: "é", count: 40), .tooLong(80)),
        ("twelve chars\tand a tab", .control),
        ("twelve chars\u{85}and a C1", .control),
    ])
    func passwordsRefused(typed: String, refusal: Password.Refusal) {
        #expect(throws: refusal) { try Password(typed) }
    }
}
