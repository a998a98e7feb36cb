import GRDB

extension LedgerSchema {
    /// The people who sign in to the web application, beside the ledger:
    /// - `account_roles` and `account_event_kinds`: the roles (with whether one acts for an organisation) and kinds
    ///   of account event there are, as rows, so that a later migration adds one with an INSERT; what depends on a
    ///   role is a trigger that reads the table, never a CHECK naming it;
    /// - `accounts`: an identity only (a number, who made it, when); everything else about an account is an event;
    /// - `account_emails`: every email an account has had, each owned by that one account for good (its primary key
    ///   makes two accounts with one email impossible, under any number of writers); printable ASCII in lower case;
    /// - `account_events`: appended, never edited: an email (one the account owns), a role (with the organisation,
    ///   for a role that acts for one), a password's bcrypt hash, disabled or enabled, locked or unlocked. The
    ///   account is the latest of each kind;
    /// - `sessions`: one row per signed-in session, keyed by its number and holding the SHA-256 of its token (never
    ///   the token). The only rows here that change: `seen_at`, forwards, as the session is used, and `ended_at`,
    ///   once;
    /// - `sign_in_log`: every attempt to sign in, every sign-out and every unlocking, appended, with the email as
    ///   typed (normalised), the account and session it concerns, the client's address and the outcome (from
    ///   `sign_in_outcomes`);
    /// - indexes on `bids(applicant_id)` and `awards(recipient_id)`, for an applicant's own bids and awards, and on
    ///   `history(entry_id, seq)`, for an award's page (its history and its steps') and `grants history --entry`.
    ///
    /// Every time is checked to be `YYYY-MM-DDTHH:MM:SSZ`: throttling and timeouts compare them as text.
    ///
    /// Shipped with release 5; never edit it: change the schema in a new migration.
    static func v5Accounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "account_roles" (
              "role" TEXT PRIMARY KEY NOT NULL,
              "with_organisation" INTEGER NOT NULL CHECK ("with_organisation" IN (0, 1))) STRICT;
            INSERT INTO "account_roles" ("role", "with_organisation") VALUES
              ('applicant', 1), ('finance-officer', 0), ('commissioner', 0);
            CREATE TABLE "account_event_kinds" ("kind" TEXT PRIMARY KEY NOT NULL) STRICT;
            INSERT INTO "account_event_kinds" ("kind") VALUES
              ('email'), ('role'), ('password'), ('disabled'), ('enabled'), ('locked'), ('unlocked');
            CREATE TABLE "accounts" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "created_at" TEXT NOT NULL
                CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "created_by" TEXT NOT NULL CHECK (length("created_by") > 0)) STRICT;
            CREATE TABLE "account_emails" (
              "email" TEXT PRIMARY KEY NOT NULL CHECK (
                "email" = lower("email") AND length(CAST("email" AS BLOB)) = length("email")
                AND length("email") BETWEEN 3 AND 254 AND "email" NOT GLOB '*[^!-~]*' AND instr("email", '@') > 1),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id")) STRICT;
            CREATE INDEX "account_emails_on_account" ON "account_emails"("account_id");
            CREATE TABLE "account_events" (
              "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "at" TEXT NOT NULL
                CHECK ("at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "actor" TEXT NOT NULL CHECK (length("actor") > 0),
              "kind" TEXT NOT NULL REFERENCES "account_event_kinds"("kind"),
              "email" TEXT REFERENCES "account_emails"("email"),
              "role" TEXT REFERENCES "account_roles"("role"),
              "organisation_id" TEXT REFERENCES "organisations"("id"),
              "password_hash" TEXT CHECK ("password_hash" IS NULL OR
                ("password_hash" GLOB '$2[abxy]$[0-9][0-9]$*' AND length("password_hash") = 60)),
              CHECK (("kind" = 'email') = ("email" IS NOT NULL)),
              CHECK (("kind" = 'role') = ("role" IS NOT NULL)),
              CHECK ("role" IS NOT NULL OR "organisation_id" IS NULL),
              CHECK (("kind" = 'password') = ("password_hash" IS NOT NULL))) STRICT;
            CREATE INDEX "account_events_on_account" ON "account_events"("account_id", "kind", "seq");
            CREATE INDEX "account_events_on_email" ON "account_events"("email") WHERE "email" IS NOT NULL;
            CREATE TRIGGER account_events_own_email BEFORE INSERT ON account_events WHEN NEW.kind = 'email'
            BEGIN
              SELECT RAISE(ABORT, 'another account has that email')
              WHERE (SELECT account_id FROM account_emails WHERE email = NEW.email) IS NOT NEW.account_id;
            END;
            CREATE TRIGGER account_events_role_organisation BEFORE INSERT ON account_events WHEN NEW.kind = 'role'
            BEGIN
              SELECT RAISE(ABORT, 'this role acts for an organisation: name one')
              WHERE NEW.organisation_id IS NULL
                AND (SELECT with_organisation FROM account_roles WHERE role = NEW.role) = 1;
              SELECT RAISE(ABORT, 'this role acts for no organisation')
              WHERE NEW.organisation_id IS NOT NULL
                AND (SELECT with_organisation FROM account_roles WHERE role = NEW.role) = 0;
            END;
            CREATE TABLE "sessions" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "token_hash" TEXT NOT NULL UNIQUE
                CHECK (length("token_hash") = 64 AND "token_hash" NOT GLOB '*[^0-9a-f]*'),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "started_at" TEXT NOT NULL
                CHECK ("started_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "seen_at" TEXT NOT NULL
                CHECK ("seen_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "ended_at" TEXT CHECK ("ended_at" IS NULL OR
                "ended_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "address" TEXT NOT NULL,
              CHECK ("seen_at" >= "started_at"),
              CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at")) STRICT;
            CREATE INDEX "sessions_on_account" ON "sessions"("account_id") WHERE "ended_at" IS NULL;
            CREATE TRIGGER sessions_keep_whose BEFORE UPDATE OF id, token_hash, account_id, started_at, address ON sessions
            BEGIN SELECT RAISE(ABORT, 'a session''s token, account, start and address never change'); END;
            CREATE TRIGGER sessions_stay_ended BEFORE UPDATE ON sessions WHEN OLD.ended_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'an ended session stays ended'); END;
            CREATE TRIGGER sessions_go_forwards BEFORE UPDATE OF seen_at ON sessions WHEN NEW.seen_at < OLD.seen_at
            BEGIN SELECT RAISE(ABORT, 'a session is never seen earlier than it was'); END;
            CREATE TABLE "sign_in_outcomes" ("outcome" TEXT PRIMARY KEY NOT NULL) STRICT;
            INSERT INTO "sign_in_outcomes" ("outcome") VALUES
              ('signed-in'), ('failed'), ('throttled'), ('locked'), ('disabled'), ('signed-out'), ('unlocked');
            CREATE TABLE "sign_in_log" (
              "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
              "at" TEXT NOT NULL
                CHECK ("at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "email" TEXT NOT NULL,
              "account_id" INTEGER REFERENCES "accounts"("id"),
              "session_id" INTEGER REFERENCES "sessions"("id"),
              "address" TEXT NOT NULL,
              "outcome" TEXT NOT NULL REFERENCES "sign_in_outcomes"("outcome"),
              CHECK ("session_id" IS NULL OR "account_id" IS NOT NULL)) STRICT;
            CREATE INDEX "sign_in_log_on_email" ON "sign_in_log"("email", "outcome", "at");
            CREATE INDEX "sign_in_log_on_address" ON "sign_in_log"("address", "outcome", "at");
            CREATE INDEX "sign_in_log_on_account" ON "sign_in_log"("account_id", "outcome", "seq")
              WHERE "account_id" IS NOT NULL;
            CREATE INDEX "bids_on_applicant_id" ON "bids"("applicant_id");
            CREATE INDEX "history_on_entry_id" ON "history"("entry_id", "seq");
            CREATE INDEX "awards_on_recipient_id" ON "awards"("recipient_id");
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
            CREATE TRIGGER account_emails_never_updated BEFORE UPDATE ON account_emails
            BEGIN SELECT RAISE(ABORT, 'an email stays with the account that first had it'); END;
            CREATE TRIGGER account_emails_never_deleted BEFORE DELETE ON account_emails
            BEGIN SELECT RAISE(ABORT, 'an email stays with the account that first had it'); END;
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
