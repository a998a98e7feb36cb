import GrantsCore

extension Ledger {
    public func addAPIToken(
        account: Int64, name: String, tokenHash: String, expires: Timestamp, at: Timestamp, by actor: String
    ) throws(LedgerError) -> Int64 {
        try writeBeside { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE id = ?", arguments: [account]) != nil else {
                throw LedgerError(.unknownReference, "there is no account \(account)", field: "account")
            }
            return try db.insert(
                sql: """
                    INSERT INTO api_tokens (token_hash, account_id, name, created_at, created_by, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [tokenHash, account, name, at.text, actor, expires.text])
        }
    }

    public func apiToken(tokenHash: String) throws(LedgerError) -> APIToken? {
        let row = try read { db in
            try SQLRow.fetchOne(db, sql: "SELECT * FROM api_tokens WHERE token_hash = ?", arguments: [tokenHash])
        }
        return try row.map { row throws(LedgerError) in try Self.apiToken(row) }
    }

    public func apiTokens() throws(LedgerError) -> [APIToken] {
        let rows = try read { db in try SQLRow.fetchAll(db, sql: "SELECT * FROM api_tokens ORDER BY id DESC") }
        var tokens: [APIToken] = []
        for row in rows { tokens.append(try Self.apiToken(row)) }
        return tokens
    }

    public func revokeAPIToken(id: Int64, at: Timestamp) throws(LedgerError) {
        try writeBeside { db in
            try db.execute(
                sql: "UPDATE api_tokens SET revoked_at = \(db.dialect.greatest("created_at", "?")) WHERE id = ? AND revoked_at IS NULL",
                arguments: [at.text, id])
            guard db.changesCount == 1 else {
                throw LedgerError(.conflict, "there is no token \(id), or it is revoked already", field: "id")
            }
        }
    }

    private static func apiToken(_ row: SQLRow) throws(LedgerError) -> APIToken {
        let table = "api_tokens"
        return APIToken(
            id: try row.required("id"), account: try row.required("account_id"), name: try row.text("name", in: table),
            created: try row.timestamp("created_at", in: table), createdBy: try row.text("created_by", in: table),
            expires: try row.timestamp("expires_at", in: table),
            revoked: try row.optionalTimestamp("revoked_at", in: table))
    }
}
