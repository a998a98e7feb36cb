import GrantsCore

/// Tokens for scripts: an administrator makes one for an account (`grants user token add`), and a program sends it
/// as `Authorization: Bearer grants_…` to the JSON API, where it acts as that account, in its role and no other (a
/// commissioner's token reads returns; an applicant's sees their organisation's only). The secret is 32 random bytes
/// drawn by the front end and shown once; the ledger keeps its SHA-256. A token works until it expires or is revoked,
/// and only while its account is enabled and not locked.
public enum APITokens {
    /// What every token's text begins with, so that one found in a file or a log is known for what it is.
    public static let prefix = "grants_"

    /// The longest a token may last: a year and a day.
    public static let longestDays = 366

    /// The text a program sends.
    public static func text(_ secret: SessionToken) -> String { prefix + secret.text }

    /// Makes a token for the account of `email`, named `name` (what it is for), lasting `days`; refused (usage) for a
    /// name that is empty, longer than 100 characters or not one line, a span outside 1 to 366 days, and an account
    /// that is disabled.
    public static func add(
        email: String, name: String, days: Int, secret: SessionToken, stamp: Stamp, in store: any AccountStore
    ) throws(WorkflowError) -> APIToken {
        let account = try Accounts.account(email, in: store)
        guard account.enabled else { throw .usage("\(account.email) is disabled: a token for it would not work") }
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard (1...100).contains(trimmed.unicodeScalars.count),
              !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw .usage("--name: say what the token is for, on one line of at most 100 characters") }
        guard (1...longestDays).contains(days), let expires = stamp.at.adding(seconds: Int64(days) * 24 * 60 * 60) else {
            throw .usage("--days: a token lasts 1 to \(longestDays) days")
        }
        let id = try reading { () throws(LedgerError) in
            try store.addAPIToken(
                account: account.id, name: trimmed, tokenHash: secret.hash, expires: expires, at: stamp.at,
                by: stamp.actor)
        }
        return APIToken(
            id: id, account: account.id, name: trimmed, created: stamp.at, createdBy: stamp.actor, expires: expires,
            revoked: nil)
    }

    /// The account a request's `Authorization` value acts as at `at`, or nil when it names no usable token (not
    /// ours, revoked, expired, or its account disabled or locked): one answer for each.
    public static func account(authorization: String, at: Timestamp, in store: any AccountStore)
        throws(WorkflowError) -> Account?
    {
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].hasPrefix(prefix),
              let secret = SessionToken(cookie: String(parts[1].dropFirst(prefix.count))),
              let token = try reading({ () throws(LedgerError) in try store.apiToken(tokenHash: secret.hash) }),
              token.usable(at: at),
              let account = try reading({ () throws(LedgerError) in try store.account(id: token.account) }),
              account.active
        else { return nil }
        return account
    }

    /// Every token, newest first, each with its account's email.
    public static func list(in store: any AccountStore) throws(WorkflowError) -> [(token: APIToken, email: String)] {
        let tokens = try reading { () throws(LedgerError) in try store.apiTokens() }
        var listed: [(token: APIToken, email: String)] = []
        for token in tokens {
            let email = try reading { () throws(LedgerError) in try store.account(id: token.account) }?.email ?? "?"
            listed.append((token, email))
        }
        return listed
    }

    /// Revokes token `id`: it stops working at once.
    public static func revoke(id: Int64, stamp: Stamp, in store: any AccountStore) throws(WorkflowError) {
        do {
            try store.revokeAPIToken(id: id, at: stamp.at)
        } catch where error.code == .conflict {
            throw .badData("--id: there is no token \(id), or it is revoked already")
        } catch {
            throw WorkflowError(error)
        }
    }
}
