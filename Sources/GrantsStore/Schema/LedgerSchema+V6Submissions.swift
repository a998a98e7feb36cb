import GRDB

extension LedgerSchema {
    /// Invitations, and bids that applicants write and submit in the web application:
    /// - `invitations`: a one-time link an administrator gives a person to set their account's password (to register,
    ///   or after forgetting it), keyed by the SHA-256 of its token (never the token). Only the newest invitation of an
    ///   account works; it is used once (`used_at`, set once) and not after `expires_at`;
    /// - `bid_drafts`: a bid an applicant is still writing, for one organisation, scheme and year: the form's fields
    ///   as the applicant left them (they need not make a valid bid yet). A draft is saved over, until it is
    ///   submitted (`bid_id`, set once); after that it never changes: a correction is a new draft, which names the bid
    ///   it `replaces`;
    /// - `bid_submissions`: appended, never edited: the bid recorded in the ledger from a draft, the document it was
    ///   (grants-bid/1 JSON), who submitted it and when, and its check against the rules and the ledger at that moment
    ///   (the rulebook, the outcome, and the report as `grants check --json` writes it);
    /// - the sign-in log's outcome `registered`: an invitation used.
    ///
    /// Shipped with release 6; never edit it: change the schema in a new migration.
    static func v6Submissions(_ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO "sign_in_outcomes" ("outcome") VALUES ('registered');
            CREATE TABLE "invitations" (
              "seq" INTEGER PRIMARY KEY AUTOINCREMENT,
              "token_hash" TEXT NOT NULL UNIQUE
                CHECK (length("token_hash") = 64 AND "token_hash" NOT GLOB '*[^0-9a-f]*'),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "created_at" TEXT NOT NULL
                CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "created_by" TEXT NOT NULL CHECK (length("created_by") > 0),
              "expires_at" TEXT NOT NULL
                CHECK ("expires_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "used_at" TEXT CHECK ("used_at" IS NULL OR
                "used_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              CHECK ("expires_at" > "created_at"),
              CHECK ("used_at" IS NULL OR "used_at" >= "created_at")) STRICT;
            CREATE INDEX "invitations_on_account" ON "invitations"("account_id", "seq");
            CREATE TRIGGER invitations_keep_whose
            BEFORE UPDATE OF seq, token_hash, account_id, created_at, created_by, expires_at ON invitations
            BEGIN SELECT RAISE(ABORT, 'an invitation''s token, account and times never change'); END;
            CREATE TRIGGER invitations_used_once BEFORE UPDATE OF used_at ON invitations WHEN OLD.used_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'an invitation is used once'); END;
            CREATE TRIGGER invitations_never_deleted BEFORE DELETE ON invitations
            BEGIN SELECT RAISE(ABORT, 'invitations are never deleted'); END;
            CREATE TABLE "bid_drafts" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "organisation_id" TEXT NOT NULL REFERENCES "organisations"("id"),
              "scheme" TEXT NOT NULL CHECK (length("scheme") BETWEEN 1 AND 64 AND "scheme" NOT GLOB '*[^a-z0-9-]*'),
              "year_start" INTEGER NOT NULL CHECK ("year_start" BETWEEN 1900 AND 9998),
              "form" TEXT NOT NULL CHECK (length(CAST("form" AS BLOB)) <= 262144),
              "created_at" TEXT NOT NULL
                CHECK ("created_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "created_by" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "saved_at" TEXT NOT NULL
                CHECK ("saved_at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "saved_by" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "replaces" TEXT REFERENCES "bids"("id"),
              "bid_id" TEXT UNIQUE REFERENCES "bids"("id"),
              CHECK ("saved_at" >= "created_at")) STRICT;
            CREATE INDEX "bid_drafts_on_organisation" ON "bid_drafts"("organisation_id", "id");
            CREATE UNIQUE INDEX "bid_drafts_one_correction" ON "bid_drafts"("replaces") WHERE "replaces" IS NOT NULL;
            CREATE TRIGGER bid_drafts_keep_whose
            BEFORE UPDATE OF id, organisation_id, scheme, year_start, created_at, created_by, replaces ON bid_drafts
            BEGIN SELECT RAISE(ABORT, 'a draft''s organisation, scheme, year and beginning never change'); END;
            CREATE TRIGGER bid_drafts_stay_submitted BEFORE UPDATE ON bid_drafts WHEN OLD.bid_id IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a submitted bid is never edited: correct it with a new submission'); END;
            CREATE TRIGGER bid_drafts_go_forwards BEFORE UPDATE OF saved_at ON bid_drafts WHEN NEW.saved_at < OLD.saved_at
            BEGIN SELECT RAISE(ABORT, 'a draft is never saved earlier than it was'); END;
            CREATE TRIGGER bid_drafts_replace_own BEFORE INSERT ON bid_drafts WHEN NEW.replaces IS NOT NULL
            BEGIN
              SELECT RAISE(ABORT, 'a draft replaces a bid of its own organisation')
              WHERE (SELECT applicant_id FROM bids WHERE id = NEW.replaces) IS NOT NEW.organisation_id;
            END;
            CREATE TRIGGER bid_drafts_born_unsubmitted BEFORE INSERT ON bid_drafts WHEN NEW.bid_id IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a draft is begun unsubmitted'); END;
            CREATE TRIGGER bid_drafts_submitted_with_submission BEFORE UPDATE OF bid_id ON bid_drafts
            WHEN NOT EXISTS (SELECT 1 FROM bid_submissions WHERE bid_id = NEW.bid_id AND draft_id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'a draft becomes the bid recorded from it, with its submission'); END;
            CREATE TRIGGER bid_drafts_never_deleted BEFORE DELETE ON bid_drafts
            BEGIN SELECT RAISE(ABORT, 'drafts are never deleted'); END;
            CREATE TABLE "bid_submissions" (
              "bid_id" TEXT PRIMARY KEY NOT NULL REFERENCES "bids"("id"),
              "draft_id" INTEGER NOT NULL UNIQUE REFERENCES "bid_drafts"("id"),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "at" TEXT NOT NULL
                CHECK ("at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "document" TEXT NOT NULL CHECK (json_valid("document")),
              "rulebook" TEXT NOT NULL CHECK (length("rulebook") > 0),
              "outcome" TEXT NOT NULL CHECK ("outcome" IN ('eligible', 'ineligible', 'incomplete')),
              "report" TEXT NOT NULL CHECK (json_valid("report"))) STRICT;
            CREATE TRIGGER bid_submissions_own_draft BEFORE INSERT ON bid_submissions
            BEGIN
              SELECT RAISE(ABORT, 'a submission is of its own draft''s organisation')
              WHERE (SELECT applicant_id FROM bids WHERE id = NEW.bid_id)
                IS NOT (SELECT organisation_id FROM bid_drafts WHERE id = NEW.draft_id);
              SELECT RAISE(ABORT, 'a draft is submitted once')
              WHERE (SELECT bid_id FROM bid_drafts WHERE id = NEW.draft_id) IS NOT NULL;
              SELECT RAISE(ABORT, 'a submission is of a draft')
              WHERE NOT EXISTS (SELECT 1 FROM bid_drafts WHERE id = NEW.draft_id);
            END;
            CREATE TRIGGER bid_submissions_never_updated BEFORE UPDATE ON bid_submissions
            BEGIN SELECT RAISE(ABORT, 'a submission is never edited: correct the bid with a new submission'); END;
            CREATE TRIGGER bid_submissions_never_deleted BEFORE DELETE ON bid_submissions
            BEGIN SELECT RAISE(ABORT, 'submissions are never deleted'); END;
            """)
    }
}
