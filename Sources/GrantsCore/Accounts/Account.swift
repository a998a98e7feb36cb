/// What a person signed in to the web application may do. The administrator has no role here: they work from the
/// command line, on the machine that holds the ledger.
public enum Role: String, CaseIterable, Hashable, Sendable {
    /// A person acting for an organisation that applies: its own bids, awards, claims and reports only.
    case applicant
    /// The office's finance officer: the ledger's funds, rounds, awards, claims and payments.
    case financeOfficer = "finance-officer"
    /// The commissioner and their office: everything, read only.
    case commissioner

    /// The role as people read it.
    public var title: String {
        switch self {
        case .applicant: "Applicant"
        case .financeOfficer: "Finance officer"
        case .commissioner: "Commissioner"
        }
    }
}

/// A person who can sign in, as the ledger holds them now: the latest of each kind of their account's events.
///
/// An account is an identity and nothing else; its email, its role (with the organisation an applicant acts for),
/// its password, and whether it is disabled or locked are events appended to it, each with who made it and when. A
/// person has one role at a time; someone who acts for two organisations has two accounts, with two addresses (an
/// email belongs to one account for good).
public struct Account: Hashable, Sendable {
    /// The account's number in the ledger, which never changes.
    public let id: Int64
    /// The address they sign in with: printable ASCII, in lower case.
    public let email: String
    public let role: Role
    /// The organisation an applicant acts for; none for the office's own people.
    public let organisation: OrganisationID?
    /// When the account was made, and by whom.
    public let created: Timestamp
    public let createdBy: String
    /// False once an administrator has disabled the account, until they enable it again.
    public let enabled: Bool
    /// True once repeated failed sign-ins have locked the account, until an administrator unlocks it.
    public let locked: Bool

    public init(
        id: Int64, email: String, role: Role, organisation: OrganisationID?, created: Timestamp, createdBy: String,
        enabled: Bool, locked: Bool
    ) {
        self.id = id
        self.email = email
        self.role = role
        self.organisation = organisation
        self.created = created
        self.createdBy = createdBy
        self.enabled = enabled
        self.locked = locked
    }

    /// Whether the account may sign in and act: enabled and not locked.
    public var active: Bool { enabled && !locked }
}

/// A change to an account, appended to it; the account is the latest of each kind.
public enum AccountEvent: Hashable, Sendable {
    case email(String)
    case role(Role, organisation: OrganisationID?)
    /// A new password, as its bcrypt hash.
    case password(hash: String)
    case disabled
    case enabled
    /// Locked by repeated failed sign-ins (recorded by the sign-in itself).
    case locked
    case unlocked
}

/// What became of one attempt to sign in, as the sign-in log keeps it. People are told less: every refusal but
/// throttling reads the same, so that an answer never says whether an email has an account.
public enum SignInOutcome: String, CaseIterable, Hashable, Sendable {
    case signedIn = "signed-in"
    /// No account for the email, or the wrong password.
    case failed
    /// Too many failures for the email or from the address lately: the password was not checked.
    case throttled
    /// The account is locked.
    case locked
    /// The account is disabled.
    case disabled
    case signedOut = "signed-out"
    /// An administrator unlocked the account: failures in a row count again from here.
    case unlocked
    /// The person set their password through an invitation.
    case registered
}

/// The limits a sign-in is held to, checked again inside the transaction that records it.
public struct SignInLimits: Sendable {
    /// Failures at or after this time count towards throttling.
    public let since: Timestamp
    /// Failures for one email, and from one address, after which attempts are throttled.
    public let perEmail: Int
    public let perAddress: Int
    /// Failures in a row after which the account is locked.
    public let lockAfter: Int

    public init(since: Timestamp, perEmail: Int, perAddress: Int, lockAfter: Int) {
        self.since = since
        self.perEmail = perEmail
        self.perAddress = perAddress
        self.lockAfter = lockAfter
    }
}

/// One line of the sign-in log: when, which email (as typed, once normalised), the account it names if any, from
/// which address, and what came of it.
public struct SignInRecord: Hashable, Sendable {
    public let at: Timestamp
    public let email: String
    public let account: Int64?
    public let address: String
    public let outcome: SignInOutcome

    public init(at: Timestamp, email: String, account: Int64?, address: String, outcome: SignInOutcome) {
        self.at = at
        self.email = email
        self.account = account
        self.address = address
        self.outcome = outcome
    }
}

/// A signed-in session as the ledger keeps it: the SHA-256 of its token (never the token), its account, when it
/// began and was last seen, and when it ended (signed out, or its account disabled).
public struct SessionRecord: Hashable, Sendable {
    public let tokenHash: String
    public let account: Int64
    public let started: Timestamp
    public let seen: Timestamp
    public let ended: Timestamp?

    public init(tokenHash: String, account: Int64, started: Timestamp, seen: Timestamp, ended: Timestamp?) {
        self.tokenHash = tokenHash
        self.account = account
        self.started = started
        self.seen = seen
        self.ended = ended
    }
}

/// The accounts of the people who use the web application, their sessions and the sign-in log, kept in the ledger's
/// database beside the ledger. Accounts and the log are never edited: changes are appended.
public protocol AccountStore: Sendable {
    /// Adds an account with its email, role and first password (none: it cannot sign in until one is set), and an
    /// invitation (the SHA-256 of its token, and when it expires) when given, in one transaction. Refused
    /// (`conflict`) when another account has the email, and (`unknownReference`) when the organisation is not in the
    /// ledger.
    func addAccount(
        email: String, role: Role, organisation: OrganisationID?, passwordHash: String?,
        invitation: (tokenHash: String, expires: Timestamp)?, at: Timestamp, by actor: String
    ) throws(LedgerError) -> Account
    /// The account whose email is `email` now, or nil.
    func account(email: String) throws(LedgerError) -> Account?
    /// The account numbered `id`, or nil.
    func account(id: Int64) throws(LedgerError) -> Account?
    /// Every account, by email.
    func accounts() throws(LedgerError) -> [Account]
    /// Appends `event` to the account (a new email must be free, or the account's own already). Disabling or locking
    /// one, or setting its password, also ends its sessions; unlocking one is also logged in the sign-in log, so that failures in a row count
    /// again from there.
    func recordAccountEvent(_ event: AccountEvent, account: Int64, at: Timestamp, by actor: String) throws(LedgerError)
    /// The hash of the account's current password, or nil when there is no such account.
    func passwordHash(account: Int64) throws(LedgerError) -> String?

    /// How many sign-ins were refused since `since` (a wrong password, a locked or disabled account): for the email,
    /// and from the address.
    func recentFailures(email: String, address: String, since: Timestamp) throws(LedgerError)
        -> (email: Int, address: Int)
    /// Logs one attempt, in one transaction with what follows from it, and returns the outcome logged.
    ///
    /// A sign-in (`record.outcome` is `.signedIn`) is first checked again within the transaction, against writers
    /// that came between the password's check and now: the account must still have the password hash `verifiedHash`,
    /// be enabled and unlocked, and not be throttled under `limits`; if not, what holds now is logged instead
    /// (`.failed`, `.disabled`, `.locked` or `.throttled`). A sign-in that stands begins the session whose token
    /// hashes to `session`. A failure that makes `limits.lockAfter` in a row (since the account's last sign-in,
    /// locking or unlocking) locks the account and ends its sessions.
    @discardableResult
    func logSignIn(_ record: SignInRecord, session tokenHash: String?, verifiedHash: String?, limits: SignInLimits)
        throws(LedgerError) -> SignInOutcome
    /// The session whose token hashes to `tokenHash`, or nil.
    func session(tokenHash: String) throws(LedgerError) -> SessionRecord?
    /// Notes that the session was seen at `at`.
    func touchSession(tokenHash: String, at: Timestamp) throws(LedgerError)
    /// Ends the session (a no-op for one already ended), logging the sign-out from `address`.
    func endSession(tokenHash: String, at: Timestamp, address: String) throws(LedgerError)
    /// The sign-in log, newest first, at most `limit` lines.
    func signInLog(limit: Int) throws(LedgerError) -> [SignInRecord]

    /// Makes an invitation for the account, whose token hashes to `tokenHash`, usable until `expires`; any earlier
    /// invitation of the account no longer works.
    func invite(account: Int64, tokenHash: String, expires: Timestamp, at: Timestamp, by actor: String)
        throws(LedgerError)
    /// The invitation whose token hashes to `tokenHash`, or nil.
    func invitation(tokenHash: String) throws(LedgerError) -> Invitation?
    /// Uses the invitation: sets the account's password (which ends its sessions), unlocks it if it was locked, and
    /// logs it (`registered`, after which failures in a row count again), in one transaction that checks again that
    /// the invitation is usable at `at` and the account enabled. Refused (`conflict`) when it is not; returns the
    /// account.
    func register(tokenHash: String, passwordHash: String, at: Timestamp, address: String) throws(LedgerError)
        -> Account

    /// Makes a token for scripts, whose secret hashes to `tokenHash`, acting as the account until `expires`; returns
    /// its number.
    func addAPIToken(
        account: Int64, name: String, tokenHash: String, expires: Timestamp, at: Timestamp, by actor: String
    ) throws(LedgerError) -> Int64
    /// The token whose secret hashes to `tokenHash`, or nil.
    func apiToken(tokenHash: String) throws(LedgerError) -> APIToken?
    /// Every token, newest first.
    func apiTokens() throws(LedgerError) -> [APIToken]
    /// Revokes the token numbered `id`. Refused (`conflict`) when there is none, or it is revoked already.
    func revokeAPIToken(id: Int64, at: Timestamp) throws(LedgerError)
}

/// A token for scripts, as the ledger keeps it: the account it acts as, what it is for, and until when.
public struct APIToken: Hashable, Sendable {
    public let id: Int64
    public let account: Int64
    public let name: String
    public let created: Timestamp
    public let createdBy: String
    public let expires: Timestamp
    public let revoked: Timestamp?

    public init(
        id: Int64, account: Int64, name: String, created: Timestamp, createdBy: String, expires: Timestamp,
        revoked: Timestamp?
    ) {
        self.id = id
        self.account = account
        self.name = name
        self.created = created
        self.createdBy = createdBy
        self.expires = expires
        self.revoked = revoked
    }

    /// Whether it may be used at `now`.
    public func usable(at now: Timestamp) -> Bool { revoked == nil && now < expires }
}
