import GrantsCore

extension Ledger: AccountStore {
    public func addAccount(
        email: String, role: Role, organisation: OrganisationID?, passwordHash: String?,
        invitation: (tokenHash: String, expires: Timestamp)?, at: Timestamp, by actor: String
    ) throws(LedgerError) -> Account {
        try writeBeside { db in
            let id = try db.insert(sql: "INSERT INTO accounts (created_at, created_by) VALUES (?, ?)", arguments: [at.text, actor])
            try Self.append(.email(email), account: id, at: at, by: actor, db)
            try Self.append(.role(role, organisation: organisation), account: id, at: at, by: actor, db)
            if let passwordHash {
                try Self.append(.password(hash: passwordHash), account: id, at: at, by: actor, db)
            }
            if let invitation {
                try Self.invite(account: id, tokenHash: invitation.tokenHash, expires: invitation.expires, at: at, by: actor, db)
            }
            guard let account = try Self.account(id: id, db) else {
                throw LedgerError(.database, "the account just added cannot be read back")
            }
            return account
        }
    }

    public func account(email: String) throws(LedgerError) -> Account? {
        try read { db in try Self.accountID(email: email, db).flatMap { try Self.account(id: $0, db) } }
    }

    public func account(id: Int64) throws(LedgerError) -> Account? {
        try read { db in try Self.account(id: id, db) }
    }

    public func accounts() throws(LedgerError) -> [Account] {
        try read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM accounts").compactMap { try Self.account(id: $0, db) }
                .sorted { $0.email < $1.email }
        }
    }

    public func recordAccountEvent(_ event: AccountEvent, account id: Int64, at: Timestamp, by actor: String)
        throws(LedgerError)
    {
        try writeBeside { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE id = ?", arguments: [id]) != nil else {
                throw LedgerError(.unknownReference, "there is no account \(id)", field: "account")
            }
            try Self.append(event, account: id, at: at, by: actor, db)
        }
    }

    public func invite(account id: Int64, tokenHash: String, expires: Timestamp, at: Timestamp, by actor: String)
        throws(LedgerError)
    {
        try writeBeside { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE id = ?", arguments: [id]) != nil else {
                throw LedgerError(.unknownReference, "there is no account \(id)", field: "account")
            }
            try Self.invite(account: id, tokenHash: tokenHash, expires: expires, at: at, by: actor, db)
        }
    }

    private static func invite(
        account id: Int64, tokenHash: String, expires: Timestamp, at: Timestamp, by actor: String, _ db: SQLConnection
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO invitations (token_hash, account_id, created_at, created_by, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [tokenHash, id, at.text, actor, expires.text])
    }

    public func invitation(tokenHash: String) throws(LedgerError) -> Invitation? {
        let row = try read { db in
            try SQLRow.fetchOne(
                db,
                sql: """
                    SELECT i.account_id, i.created_at, i.expires_at, i.used_at,
                           NOT EXISTS (SELECT 1 FROM invitations later
                                       WHERE later.account_id = i.account_id AND later.seq > i.seq) AS newest
                    FROM invitations i WHERE i.token_hash = ?
                    """,
                arguments: [tokenHash])
        }
        guard let row else { return nil }
        return Invitation(
            account: try row.required("account_id"), created: try row.timestamp("created_at", in: "invitations"),
            expires: try row.timestamp("expires_at", in: "invitations"),
            used: try row.optionalTimestamp("used_at", in: "invitations"),
            newest: try row.required("newest"))
    }

    public func register(tokenHash: String, passwordHash: String, at: Timestamp, address: String) throws(LedgerError)
        -> Account
    {
        try writeBeside { db in
            // Checked inside the transaction that uses it: two tabs sending the same link, or a newer invitation
            // made meanwhile, find it used or replaced.
            guard let row = try SQLRow.fetchOne(
                db,
                sql: """
                    SELECT i.seq, i.account_id FROM invitations i
                    WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ?
                      AND NOT EXISTS (SELECT 1 FROM invitations later
                                      WHERE later.account_id = i.account_id AND later.seq > i.seq)
                    """,
                arguments: [tokenHash, at.text]),
                let account = try Self.account(id: try row.required("account_id"), db)
            else {
                throw LedgerError(.conflict, "the invitation has been used, has expired, or a newer one was made")
            }
            guard account.enabled else {
                throw LedgerError(.conflict, "the account is disabled")
            }
            try db.execute(
                sql: "UPDATE invitations SET used_at = ? WHERE seq = ?", arguments: [at.text, try row.required("seq") as Int64])
            try Self.append(.password(hash: passwordHash), account: account.id, at: at, by: account.email, db)
            // The link an administrator gave proves more than any guess: a lock from wrong passwords is lifted with
            // the new one (logged as an unlocking, so the count of failures starts again).
            if account.locked {
                try Self.append(.unlocked, account: account.id, at: at, by: account.email, db, address: address)
            }
            try Self.log(
                SignInRecord(at: at, email: account.email, account: account.id, address: address, outcome: .registered),
                session: nil, db)
            return try Self.account(id: account.id, db) ?? account
        }
    }

    public func passwordHash(account id: Int64) throws(LedgerError) -> String? {
        try read { db in try Self.latest(.password, account: id, db) }
    }

    public func recentFailures(email: String, address: String, since: Timestamp) throws(LedgerError)
        -> (email: Int, address: Int)
    {
        try read { db in try Self.failures(email: email, address: address, since: since, db) }
    }

    public func logSignIn(
        _ record: SignInRecord, session tokenHash: String?, verifiedHash: String?, limits: SignInLimits
    ) throws(LedgerError) -> SignInOutcome {
        try writeBeside { db in
            var outcome = record.outcome
            if outcome == .signedIn {
                outcome = try Self.stillSignsIn(record, verifiedHash: verifiedHash, limits: limits, db)
            }
            var session: Int64?
            if outcome == .signedIn, let tokenHash, let account = record.account {
                session = try db.insert(
                    sql: """
                        INSERT INTO sessions (token_hash, account_id, started_at, seen_at, address) VALUES (?, ?, ?, ?, ?)
                        """,
                    arguments: [tokenHash, account, record.at.text, record.at.text, record.address])
            }
            try Self.log(
                SignInRecord(
                    at: record.at, email: record.email, account: record.account, address: record.address,
                    outcome: outcome),
                session: session, db)
            guard outcome == .failed, let account = record.account,
                  try Self.failuresInARow(account: account, db) >= limits.lockAfter,
                  try Self.account(id: account, db)?.locked == false
            else { return outcome }
            try Self.append(.locked, account: account, at: record.at, by: "sign-in", db, address: record.address)
            return outcome
        }
    }

    public func session(tokenHash: String) throws(LedgerError) -> SessionRecord? {
        try read { db in
            guard let row = try SQLRow.fetchOne(
                db, sql: "SELECT * FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
            else { return nil }
            return SessionRecord(
                tokenHash: tokenHash, account: try row.required("account_id"),
                started: try row.timestamp("started_at", in: "sessions"), seen: try row.timestamp("seen_at", in: "sessions"),
                ended: try row.optionalTimestamp("ended_at", in: "sessions"))
        }
    }

    public func touchSession(tokenHash: String, at: Timestamp) throws(LedgerError) {
        try writeBeside { db in
            try db.execute(
                sql: "UPDATE sessions SET seen_at = ? WHERE token_hash = ? AND ended_at IS NULL AND seen_at < ?",
                arguments: [at.text, tokenHash, at.text])
        }
    }

    public func endSession(tokenHash: String, at: Timestamp, address: String) throws(LedgerError) {
        try writeBeside { db in
            guard let row = try SQLRow.fetchOne(
                db, sql: "SELECT id, account_id FROM sessions WHERE token_hash = ? AND ended_at IS NULL",
                arguments: [tokenHash])
            else { return }
            let account: Int64 = try row.required("account_id")
            let session: Int64 = try row.required("id")
            try db.execute(
                sql: "UPDATE sessions SET ended_at = \(db.dialect.greatest("started_at", "?")), seen_at = \(db.dialect.greatest("seen_at", "?")) WHERE id = ?",
                arguments: [at.text, at.text, session])
            let email = try Self.latest(.email, account: account, db) ?? ""
            try Self.log(
                SignInRecord(at: at, email: email, account: account, address: address, outcome: .signedOut),
                session: session, db)
        }
    }

    public func signInLog(limit: Int) throws(LedgerError) -> [SignInRecord] {
        try read { db in
            try SQLRow.fetchAll(db, sql: "SELECT * FROM sign_in_log ORDER BY seq DESC LIMIT ?", arguments: [limit]).map {
                row throws(LedgerError) in
                SignInRecord(
                    at: try row.timestamp("at", in: "sign_in_log"), email: try row.text("email", in: "sign_in_log"),
                    account: row["account_id"], address: try row.text("address", in: "sign_in_log"),
                    outcome: try row.choice("outcome", in: "sign_in_log"))
            }
        }
    }

    // MARK: - Reading and writing accounts

    /// The account whose current email is `email` (an email belongs to one account, which may since have another).
    private static func accountID(email: String, _ db: SQLConnection) throws -> Int64? {
        guard let id = try Int64.fetchOne(
            db, sql: "SELECT account_id FROM account_emails WHERE email = ?", arguments: [email])
        else { return nil }
        return try latest(.email, account: id, db) == email ? id : nil
    }

    /// What the account's latest event of a kind holds.
    private enum Latest: String {
        case email
        case password = "password_hash"

        var kind: String { self == .email ? "email" : "password" }
    }

    private static func latest(_ value: Latest, account: Int64, _ db: SQLConnection) throws -> String? {
        try String.fetchOne(
            db,
            sql: "SELECT \(value.rawValue) FROM account_events WHERE account_id = ? AND kind = ? ORDER BY seq DESC LIMIT 1",
            arguments: [account, value.kind])
    }

    /// Refused sign-ins since `since`, for the email and from the address: a wrong password, and any attempt on a
    /// locked or disabled account, which takes a bcrypt check as a wrong password does.
    private static func failures(email: String, address: String, since: Timestamp, _ db: SQLConnection) throws
        -> (email: Int, address: Int)
    {
        let refused = "outcome IN ('failed', 'locked', 'disabled')"
        let byEmail = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM sign_in_log WHERE email = ? AND \(refused) AND at >= ?",
            arguments: [email, since.text]) ?? 0
        let byAddress = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM sign_in_log WHERE address = ? AND \(refused) AND at >= ?",
            arguments: [address, since.text]) ?? 0
        return (byEmail, byAddress)
    }

    /// The account's failed sign-ins since its last sign-in, locking or unlocking.
    private static func failuresInARow(account: Int64, _ db: SQLConnection) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM sign_in_log WHERE account_id = ?1 AND outcome = 'failed'
                  AND seq > COALESCE((SELECT max(seq) FROM sign_in_log
                                      WHERE account_id = ?1 AND outcome IN ('signed-in', 'locked', 'unlocked', 'registered')), 0)
                """,
            arguments: [account]) ?? 0
    }

    /// What a sign-in checked outside this transaction comes to inside it.
    private static func stillSignsIn(
        _ record: SignInRecord, verifiedHash: String?, limits: SignInLimits, _ db: SQLConnection
    ) throws -> SignInOutcome {
        guard let id = record.account, let account = try account(id: id, db), let verifiedHash,
              try latest(.password, account: id, db) == verifiedHash
        else { return .failed }
        let failures = try failures(email: record.email, address: record.address, since: limits.since, db)
        if failures.email >= limits.perEmail || failures.address >= limits.perAddress { return .throttled }
        if account.locked { return .locked }
        if !account.enabled { return .disabled }
        return .signedIn
    }

    private static func log(_ record: SignInRecord, session: Int64?, _ db: SQLConnection) throws {
        try db.execute(
            sql: """
                INSERT INTO sign_in_log (at, email, account_id, session_id, address, outcome) VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.at.text, record.email, record.account, session, record.address, record.outcome.rawValue,
            ])
    }

    /// The account as the latest of each kind of its events make it.
    private static func account(id: Int64, _ db: SQLConnection) throws -> Account? {
        guard let created = try SQLRow.fetchOne(db, sql: "SELECT * FROM accounts WHERE id = ?", arguments: [id]) else {
            return nil
        }
        func latestKind(_ kinds: [String]) throws -> String? {
            try String.fetchOne(
                db,
                sql: """
                    SELECT kind FROM account_events WHERE account_id = ? AND kind IN (?, ?) ORDER BY seq DESC LIMIT 1
                    """,
                arguments: [id, kinds[0], kinds[1]])
        }
        guard let email = try latest(.email, account: id, db),
              let roleRow = try SQLRow.fetchOne(
                db,
                sql: """
                    SELECT role, organisation_id FROM account_events WHERE account_id = ? AND kind = 'role'
                    ORDER BY seq DESC LIMIT 1
                    """,
                arguments: [id])
        else {
            throw LedgerError(.database, "the ledger is damaged: account \(id) has no email or no role")
        }
        let organisation: String? = roleRow["organisation_id"]
        return Account(
            id: id, email: email, role: try roleRow.choice("role", in: "account_events"),
            organisation: try organisation.map(OrganisationID.init(stored:)),
            created: try created.timestamp("created_at", in: "accounts"),
            createdBy: try created.text("created_by", in: "accounts"),
            enabled: try latestKind(["disabled", "enabled"]) != "disabled",
            locked: try latestKind(["locked", "unlocked"]) == "locked")
    }

    /// Appends `event`, with what follows from it: an email taken for the account (refused when another has it),
    /// sessions ended when the account is disabled or locked, the unlocking logged.
    private static func append(
        _ event: AccountEvent, account: Int64, at: Timestamp, by actor: String, _ db: SQLConnection,
        address: String = "(administrator)"
    ) throws {
        var columns: [String: (any SQLValueConvertible)?] = [:]
        let kind: String
        switch event {
        case .email(let email):
            kind = "email"
            columns["email"] = email
        case .role(let role, let organisation):
            kind = "role"
            columns["role"] = role.rawValue
            columns["organisation_id"] = organisation?.rawValue
        case .password(let hash):
            kind = "password"
            columns["password_hash"] = hash
        case .disabled: kind = "disabled"
        case .enabled: kind = "enabled"
        case .locked: kind = "locked"
        case .unlocked: kind = "unlocked"
        }
        if case .role(_, let organisation?) = event,
           try Int.fetchOne(db, sql: "SELECT 1 FROM organisations WHERE id = ?", arguments: [organisation.rawValue]) == nil
        {
            throw LedgerError(
                .unknownReference, "no organisation \(organisation.rawValue) in the ledger", field: "organisation")
        }
        if case .email(let email) = event {
            let owner = try Int64.fetchOne(
                db, sql: "SELECT account_id FROM account_emails WHERE email = ?", arguments: [email])
            if owner == nil {
                try db.execute(
                    sql: "INSERT INTO account_emails (email, account_id) VALUES (?, ?)", arguments: [email, account])
            } else if owner != account {
                throw LedgerError(.conflict, "there is an account for \(email) already", field: "email")
            }
        }
        let names = ["email", "role", "organisation_id", "password_hash"]
        try db.execute(
            sql: """
                INSERT INTO account_events (account_id, at, actor, kind, email, role, organisation_id, password_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: SQLArguments([account, at.text, actor, kind] + names.map { columns[$0] ?? nil }))
        switch event {
        case .disabled, .locked, .password:
            try db.execute(
                sql: "UPDATE sessions SET ended_at = \(db.dialect.greatest("started_at", "?")) WHERE account_id = ? AND ended_at IS NULL",
                arguments: [at.text, account])
            if event == .locked {
                let email = try latest(.email, account: account, db) ?? ""
                try log(
                    SignInRecord(at: at, email: email, account: account, address: address, outcome: .locked),
                    session: nil, db)
            }
        case .unlocked:
            let email = try latest(.email, account: account, db) ?? ""
            try log(
                SignInRecord(at: at, email: email, account: account, address: address, outcome: .unlocked),
                session: nil, db)
        default: break
        }
    }
}
