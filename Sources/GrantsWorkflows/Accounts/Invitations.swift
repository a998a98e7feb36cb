import GrantsCore
import HummingbirdBcrypt

/// One-time links with which a person sets their account's password: an administrator makes one when adding an
/// account (instead of typing a password for them) or for someone who has forgotten theirs; the person opens it in
/// the web application within a week, chooses a password, and signs in with it. The link's token is drawn by the
/// front end (as a session's is), and the ledger keeps only its SHA-256.
public enum Invitations {
    /// How long a link works: a week.
    public static let lifetime: Int64 = 7 * 24 * 60 * 60

    /// The path the web application answers a link on.
    public static func path(_ token: SessionToken) -> String { "/register/\(token.text)" }

    /// Makes a link for the account of `email`, refusing one that is disabled; any earlier link of the account stops
    /// working. Returns when it expires.
    @discardableResult
    public static func invite(email: String, token: SessionToken, stamp: Stamp, in store: any AccountStore)
        throws(WorkflowError) -> Timestamp
    {
        let account = try Accounts.account(email, in: store)
        guard account.enabled else {
            throw .usage("\(account.email) is disabled: enable it first (grants user enable --email \(account.email))")
        }
        let expires = try expiry(from: stamp.at)
        try reading { () throws(LedgerError) in
            try store.invite(account: account.id, tokenHash: token.hash, expires: expires, at: stamp.at, by: stamp.actor)
        }
        return expires
    }

    /// When a link made at `at` stops working.
    static func expiry(from at: Timestamp) throws(WorkflowError) -> Timestamp {
        guard let expires = at.adding(seconds: lifetime) else {
            throw .usage("the clock is at the end of time: \(at.text)")
        }
        return expires
    }

    /// The account a link would set the password of, while it works at `at`; nil for a link that never was, was
    /// used, was replaced by a newer one, has expired, or whose account is disabled (the page says the same of each).
    public static func account(for token: SessionToken, at: Timestamp, in store: any AccountStore)
        throws(WorkflowError) -> Account?
    {
        guard let invitation = try reading({ () throws(LedgerError) in try store.invitation(tokenHash: token.hash) }),
              invitation.usable(at: at),
              let account = try reading({ () throws(LedgerError) in try store.account(id: invitation.account) }),
              account.enabled
        else { return nil }
        return account
    }

    /// What came of using a link.
    public enum Outcome: Equatable, Sendable {
        /// The password is set: the person may sign in.
        case registered(Account)
        /// The link does not work (any reason: see `account(for:at:in:)`).
        case unusable
        /// The password typed is refused: why, and which of the two fields (`password`, `confirmation`) to show it on.
        case refused(field: String, message: String)
    }

    /// Sets the password of the link's account to `password`, hashed with bcrypt (on the caller's thread: the web
    /// calls this off its event loops), then uses the link in one transaction that checks again that it works.
    public static func register(
        token: SessionToken, password: String, confirmation: String, address: String, at: Timestamp,
        in store: any AccountStore, cost: UInt8 = Accounts.cost
    ) throws(WorkflowError) -> Outcome {
        guard try account(for: token, at: at, in: store) != nil else { return .unusable }
        let chosen: Password
        do {
            chosen = try Password(password)
        } catch {
            return .refused(field: "password", message: error.description.prefix(1).uppercased() + error.description.dropFirst())
        }
        guard password == confirmation else {
            return .refused(field: "confirmation", message: "The two passwords are not the same: type it again in both")
        }
        let hash = Bcrypt.hash(chosen.text, cost: cost)
        do {
            let account = try store.register(tokenHash: token.hash, passwordHash: hash, at: at, address: address)
            return .registered(account)
        } catch where error.code == .conflict {
            return .unusable
        } catch {
            throw WorkflowError(error)
        }
    }
}
