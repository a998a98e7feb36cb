import GRDB

extension LedgerSchema {
    /// The people who sign in to the web application, beside the ledger:
    /// - `accounts`: an identity only (a number, who made it, when); everything else about an account is an event;
    /// - `account_events`: appended, never edited: an email, a role (with the organisation an applicant acts for),
    ///   a password's bcrypt hash, disabled or enabled, locked or unlocked. The account is the latest of each kind.
    ///   An email is printable ASCII in lower case, and no two accounts have the same one now (a trigger; an
    ///   account that changes its email frees the old one);
    /// - `account_roles` and `account_event_kinds`: the roles and kinds there are, as rows, so that a later
    ///   migration adds one with an INSERT rather than rebuilding a table to change a CHECK;
    /// - `sessions`: one row per signed-in session, keyed by the SHA-256 of its token (the token is never stored).
    ///   The only rows here that change: `seen_at` as the session is used and `ended_at` once, at sign-out;
    /// - `sign_in_log`: every attempt to sign in and every sign-out, appended, with the email as typed (normalised),
    ///   the account it named, the client's address and the outcome (from `sign_in_outcomes`).
    ///
    /// Shipped with release 5; never edit it: change the schema in a new migration.
    static func v5Accounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "account_roles" ("role" TEXT PRIMARY KEY NOT NULL) STRICT;
            INSERT INTO "account_roles" ("role") VALUES ('applicant'), ('finance-officer'), ('commissioner');
            CREATE TABLE "account_event_kinds" ("kind" TEXT PRIMARY KEY NOT NULL) STRICT;
            INSERT INTO "account_event_kinds" ("kind") VALUES
              ('email'), ('role'), ('password'), ('disabled'), ('enabled'), ('locked'), ('unlocked');
            CREATE TABLE "accounts" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "created_at" TEXT NOT NULL, "created_by" TEXT NOT NULL) STRICT;
            CREATE TABLE "account_events" (
              "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "at" TEXT NOT NULL, "actor" TEXT NOT NULL,
              "kind" TEXT NOT NULL REFERENCES "account_event_kinds"("kind"),
              "email" TEXT CHECK ("email" IS NULL OR ("email" = lower("email")
                AND length("email") BETWEEN 3 AND 254 AND "email" NOT GLOB '*[^!-~]*')),
              "role" TEXT REFERENCES "account_roles"("role"),
              "organisation_id" TEXT REFERENCES "organisations"("id"),
              "password_hash" TEXT,
              CHECK (("kind" = 'email') = ("email" IS NOT NULL)),
              CHECK (("kind" = 'role') = ("role" IS NOT NULL)),
              CHECK ("role" IS NOT NULL OR "organisation_id" IS NULL),
              CHECK ("role" IS NULL OR ("role" = 'applicant') = ("organisation_id" IS NOT NULL)),
              CHECK (("kind" = 'password') = ("password_hash" IS NOT NULL))) STRICT;
            CREATE INDEX "account_events_on_account" ON "account_events"("account_id", "kind", "seq");
            CREATE INDEX "account_events_on_email" ON "account_events"("email") WHERE "email" IS NOT NULL;
            CREATE TRIGGER account_emails_unique BEFORE INSERT ON account_events WHEN NEW.kind = 'email'
            BEGIN
              SELECT RAISE(ABORT, 'another account has that email')
              WHERE EXISTS (SELECT 1 FROM account_events e
                WHERE e.email = NEW.email AND e.account_id <> NEW.account_id
                  AND e.seq = (SELECT max(l.seq) FROM account_events l
                               WHERE l.account_id = e.account_id AND l.kind = 'email'));
            END;
            CREATE TABLE "sessions" (
              "token_hash" TEXT PRIMARY KEY NOT NULL CHECK (length("token_hash") = 64),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "started_at" TEXT NOT NULL, "seen_at" TEXT NOT NULL, "ended_at" TEXT,
              "address" TEXT NOT NULL,
              CHECK ("seen_at" >= "started_at")) STRICT;
            CREATE INDEX "sessions_on_account" ON "sessions"("account_id") WHERE "ended_at" IS NULL;
            CREATE TRIGGER sessions_keep_whose BEFORE UPDATE OF token_hash, account_id, started_at, address ON sessions
            BEGIN SELECT RAISE(ABORT, 'a session''s token, account, start and address never change'); END;
            CREATE TRIGGER sessions_stay_ended BEFORE UPDATE ON sessions WHEN OLD.ended_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'an ended session stays ended'); END;
            CREATE TABLE "sign_in_outcomes" ("outcome" TEXT PRIMARY KEY NOT NULL) STRICT;
            INSERT INTO "sign_in_outcomes" ("outcome") VALUES
              ('signed-in'), ('failed'), ('throttled'), ('locked'), ('disabled'), ('signed-out');
            CREATE TABLE "sign_in_log" (
              "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
              "at" TEXT NOT NULL,
              "email" TEXT NOT NULL,
              "account_id" INTEGER REFERENCES "accounts"("id"),
              "address" TEXT NOT NULL,
              "outcome" TEXT NOT NULL REFERENCES "sign_in_outcomes"("outcome")) STRICT;
            CREATE INDEX "sign_in_log_on_email" ON "sign_in_log"("email", "at");
            CREATE INDEX "sign_in_log_on_address" ON "sign_in_log"("address", "at");
            CREATE INDEX "sign_in_log_on_account" ON "sign_in_log"("account_id", "seq") WHERE "account_id" IS NOT NULL;
            CREATE TRIGGER account_roles_never_updated BEFORE UPDATE ON account_roles
            BEGIN SELECT RAISE(ABORT, 'roles are never edited'); END;
            CREATE TRIGGER account_roles_never_deleted BEFORE DELETE ON account_roles
            BEGIN SELECT RAISE(ABORT, 'roles are never deleted'); END;
            CREATE TRIGGER account_event_kinds_never_updated BEFORE UPDATE ON account_event_kinds
            BEGIN SELECT RAISE(ABORT, 'account event kinds are never edited'); END;
            CREATE TRIGGER account_event_kinds_never_deleted BEFORE DELETE ON account_event_kinds
            BEGIN SELECT RAISE(ABORT, 'account event kinds are never deleted'); END;
            CREATE TRIGGER accounts_never_updated BEFORE UPDATE ON accounts
            BEGIN SELECT RAISE(ABORT, 'accounts are never edited: record an account event instead'); END;
            CREATE TRIGGER accounts_never_deleted BEFORE DELETE ON accounts
            BEGIN SELECT RAISE(ABORT, 'accounts are never deleted: disable the account instead'); END;
            CREATE TRIGGER account_events_never_updated BEFORE UPDATE ON account_events
            BEGIN SELECT RAISE(ABORT, 'account events are never edited: record another instead'); END;
            CREATE TRIGGER account_events_never_deleted BEFORE DELETE ON account_events
            BEGIN SELECT RAISE(ABORT, 'account events are never deleted: record another instead'); END;
            CREATE TRIGGER sign_in_outcomes_never_updated BEFORE UPDATE ON sign_in_outcomes
            BEGIN SELECT RAISE(ABORT, 'sign-in outcomes are never edited'); END;
            CREATE TRIGGER sign_in_outcomes_never_deleted BEFORE DELETE ON sign_in_outcomes
            BEGIN SELECT RAISE(ABORT, 'sign-in outcomes are never deleted'); END;
            CREATE TRIGGER sign_in_log_never_updated BEFORE UPDATE ON sign_in_log
            BEGIN SELECT RAISE(ABORT, 'the sign-in log is never edited'); END;
            CREATE TRIGGER sign_in_log_never_deleted BEFORE DELETE ON sign_in_log
            BEGIN SELECT RAISE(ABORT, 'the sign-in log is never deleted'); END;
            CREATE TRIGGER sessions_never_deleted BEFORE DELETE ON sessions
            BEGIN SELECT RAISE(ABORT, 'sessions are ended, never deleted'); END;
            """)
    }
}
