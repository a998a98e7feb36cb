import GRDB

extension LedgerSchema {
    /// Tokens for scripts: `api_tokens`, each a secret an administrator makes for an account (`grants user token
    /// add`), with which a program acts as that account, in its role, on the JSON API (`Authorization: Bearer …`).
    /// Keyed by the SHA-256 of the secret (never the secret); named, so that a list says what each is for; usable
    /// until `expires_at`, or until revoked (`revoked_at`, set once). Never deleted.
    ///
    /// Shipped with release 8; never edit it: change the schema in a new migration.
    static func v8APITokens(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "api_tokens" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "token_hash" TEXT NOT NULL UNIQUE
                CHECK (length("token_hash") = 64 AND "token_hash" NOT GLOB '*[^0-9a-f]*'),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "name" TEXT NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
              "created_at" TEXT NOT NULL
                CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "created_by" TEXT NOT NULL CHECK (length("created_by") > 0),
              "expires_at" TEXT NOT NULL
                CHECK ("expires_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "revoked_at" TEXT CHECK ("revoked_at" IS NULL OR
                "revoked_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              CHECK ("expires_at" > "created_at"),
              CHECK ("revoked_at" IS NULL OR "revoked_at" >= "created_at")) STRICT;
            CREATE INDEX "api_tokens_on_account" ON "api_tokens"("account_id");
            CREATE TRIGGER api_tokens_keep_whose
            BEFORE UPDATE OF id, token_hash, account_id, name, created_at, created_by, expires_at ON api_tokens
            BEGIN SELECT RAISE(ABORT, 'a token''s secret, account, name and times never change'); END;
            CREATE TRIGGER api_tokens_revoked_once BEFORE UPDATE OF revoked_at ON api_tokens
            WHEN OLD.revoked_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a token is revoked once'); END;
            CREATE TRIGGER api_tokens_never_deleted BEFORE DELETE ON api_tokens
            BEGIN SELECT RAISE(ABORT, 'tokens are revoked, never deleted'); END;
            """)
    }
}
