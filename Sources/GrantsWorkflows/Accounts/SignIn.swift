import Crypto
import GrantsCore
import HummingbirdBcrypt

/// A session's secret: 32 random bytes, as the 43 characters of URL-safe Base64 a cookie carries. The ledger keeps
/// only its SHA-256, so that someone who reads the database cannot sign in with what they find there.
public struct SessionToken: Hashable, Sendable {
    /// The token as the cookie carries it.
    public let text: String

    /// A token from 32 random bytes, which the front end draws (nothing below it reads a random source).
    public init?(randomBytes bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        text = Self.base64URL(bytes)
    }

    /// A token from 32 bytes of `generator`, which the front end gives (the system's random source).
    public init(using generator: inout some RandomNumberGenerator) {
        text = Self.base64URL((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// The token a cookie holds, or nil when it is not one this application made.
    public init?(cookie: String) {
        guard cookie.utf8.count == 43,
              cookie.utf8.allSatisfy({ Self.alphabet.contains($0) })
        else { return nil }
        text = cookie
    }

    /// The SHA-256 of the token, in lower-case hexadecimal: what the ledger keeps.
    public var hash: String { Self.sha256(text) }

    /// A value derived from the token for one `purpose` (the CSRF token of a signed-in page, say): the SHA-256 of
    /// the purpose and the token, in hexadecimal. It says nothing of the token, and changes when the session does.
    public func derived(_ purpose: String) -> String {
        Self.sha256("\(purpose)\u{0}\(text)")
    }

    /// The SHA-256 of `text`'s UTF-8, in lower-case hexadecimal.
    static func sha256(_ text: String) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static func base64URL(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<(chunk.count + 1) {
                out.append(alphabet[Int((value >> (18 - 6 * UInt32(position))) & 63)])
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Signing in, and the signed-in session: throttled per email and per address, an account locked after repeated
/// failures in a row, every attempt logged. The answer to a refusal never says whether an email has an account:
/// an unknown email, a wrong password, a disabled or a locked account all read the same, and take the same time
/// (a password is always checked against a bcrypt hash, a stand-in one when there is no account).
public enum SignIn {
    /// How far back failures count towards throttling.
    public static let window: Int64 = 15 * 60
    /// Failures for one email within the window after which its sign-ins are refused unchecked until the window
    /// has passed.
    public static let failuresPerEmail = 5
    /// Failures from one address within the window (spread over many emails, say) after which it is refused.
    public static let failuresPerAddress = 20
    /// Failures in a row after which the account is locked, until an administrator unlocks it.
    public static let lockAfter = 10
    /// A session not used for this long is over.
    public static let idleTimeout: Int64 = 30 * 60
    /// A session is over this long after sign-in, however much it is used.
    public static let absoluteTimeout: Int64 = 12 * 60 * 60
    /// How stale a session's last-seen time may be before a request writes it again (not on every request).
    static let touchEvery: Int64 = 60

    /// What came of an attempt.
    public enum Outcome: Equatable, Sendable {
        /// Signed in: the session for `token` has begun.
        case signedIn(Account)
        /// Wrong email or password, or an account that may not sign in: one answer for all.
        case refused
        /// Too many failures lately, for this email or from this address: the password was not checked.
        case throttled
    }

    /// One attempt to sign in as `email` with `password` from `address` at `at`, starting the session for `token`
    /// when it succeeds. Every attempt whose password is checked is logged; a throttled one is not. Blocks for a bcrypt check (a quarter of a second at cost 12):
    /// call it off an event loop.
    public static func attempt(
        email: EmailAddress, password: String, address: String, token: SessionToken, at: Timestamp,
        in store: any AccountStore
    ) throws(WorkflowError) -> Outcome {
        let limits = SignInLimits(
            since: at.adding(seconds: -window) ?? at, perEmail: failuresPerEmail, perAddress: failuresPerAddress,
            lockAfter: lockAfter)
        let failures = try reading { () throws(LedgerError) in
            try store.recentFailures(email: email.text, address: address, since: limits.since)
        }
        let account = try reading { () throws(LedgerError) in try store.account(email: email.text) }
        func log(_ outcome: SignInOutcome, verifiedHash: String? = nil) throws(WorkflowError) -> SignInOutcome {
            let record = SignInRecord(at: at, email: email.text, account: account?.id, address: address, outcome: outcome)
            return try reading { () throws(LedgerError) in
                try store.logSignIn(record, session: token.hash, verifiedHash: verifiedHash, limits: limits)
            }
        }
        // Throttled, the attempt costs the sender nothing, so it is not written either (a flood of them would
        // only grow the log): the web's access log has each request.
        if failures.email >= failuresPerEmail || failures.address >= failuresPerAddress {
            return .throttled
        }
        let hash = try account.flatMap { account throws(WorkflowError) in
            try reading { () throws(LedgerError) in try store.passwordHash(account: account.id) }
        }
        let typed = try? Password(password)
        // Always a bcrypt check, against a stand-in when there is no account, so the time says nothing.
        let matches = Bcrypt.verify(typed?.text ?? password, hash: hash ?? standIn) && hash != nil && typed != nil
        let logged: SignInOutcome
        if let account, account.locked {
            logged = try log(.locked)
        } else if let account, !account.enabled {
            logged = try log(.disabled)
        } else if account != nil, matches {
            // Checked again as it is recorded: a change since (a new password, the account disabled or locked,
            // failures from a racing request) turns it into what holds now.
            logged = try log(.signedIn, verifiedHash: hash)
        } else {
            logged = try log(.failed)
        }
        switch logged {
        case .signedIn:
            guard let account = try reading({ () throws(LedgerError) in try store.account(id: account?.id ?? -1) })
            else { return .refused }
            return .signedIn(account)
        case .throttled: return .throttled
        default: return .refused
        }
    }

    /// Whether an attempt for `email` from `address` at `at` would be throttled: asked before a bcrypt check is queued
    /// (the attempt itself asks again).
    public static func isThrottled(email: EmailAddress, address: String, at: Timestamp, in store: any AccountStore)
        throws(WorkflowError) -> Bool
    {
        let since = at.adding(seconds: -window) ?? at
        let failures = try reading { () throws(LedgerError) in
            try store.recentFailures(email: email.text, address: address, since: since)
        }
        return failures.email >= failuresPerEmail || failures.address >= failuresPerAddress
    }

    /// Makes the stand-in hash now (a quarter of a second), so that the first unknown email is not the slower one.
    public static func prepare() {
        _ = standIn
    }

    /// The account signed in with `token` at `at`, or nil: no such session, one ended or timed out, or an account
    /// that is no longer active. A session in use has its last-seen time written at most once a minute.
    public static func account(_ token: SessionToken, at: Timestamp, in store: any AccountStore)
        throws(WorkflowError) -> Account?
    {
        let hash = token.hash
        guard let session = try reading({ () throws(LedgerError) in try store.session(tokenHash: hash) }),
              session.ended == nil
        else { return nil }
        let now = at.secondsSinceEpoch
        guard now - session.seen.secondsSinceEpoch <= idleTimeout,
              now - session.started.secondsSinceEpoch <= absoluteTimeout,
              let account = try reading({ () throws(LedgerError) in try store.account(id: session.account) }),
              account.active
        else { return nil }
        if now - session.seen.secondsSinceEpoch >= touchEvery {
            try reading { () throws(LedgerError) in try store.touchSession(tokenHash: hash, at: at) }
        }
        return account
    }

    /// Ends the session for `token` (signing out), logged with `address`.
    public static func signOut(_ token: SessionToken, at: Timestamp, address: String, in store: any AccountStore)
        throws(WorkflowError)
    {
        try reading { () throws(LedgerError) in try store.endSession(tokenHash: token.hash, at: at, address: address) }
    }

    /// The hash checked when there is no account, made once at the accounts' cost, so that an unknown email takes
    /// as long as a known one. What it is a hash of does not matter: a match against it is never a sign-in.
    private static let standIn = Bcrypt.hash("the stand-in for an email with no account", cost: Accounts.cost)
}
