extension PostgresSchema {
    /// The first PostgreSQL schema: the ledger exactly as SQLite's migrations v1 to v8 (`GrantsStore/Schema`,
    /// `v1-ledger` … `v8-api-tokens`) leave it, in PostgreSQL's own SQL: the same tables, columns (same names, same
    /// order), keys, foreign keys, unique and other indexes, views, reference rows and CHECK constraints, and every
    /// trigger that still exists after v8, with the same conditions and the same messages. Text is `COLLATE "C"` (byte
    /// order, as SQLite's BINARY); a refusal is SQLSTATE 23514 (`check_violation`), as a CHECK's is.
    ///
    /// What SQLite needs and PostgreSQL does not is left out: v1's "never replaced" triggers, which exist only because
    /// of `INSERT OR REPLACE` and test only keys (the primary keys and UNIQUE constraints refuse a second row here),
    /// and the triggers v4 dropped. The running balances (`allocation_days`, `fund_days`, `award_balances`) are kept by
    /// the same statements as v4's triggers, in `SECURITY DEFINER` functions, so that the application's role,
    /// `grants_app`, which is granted SELECT and INSERT and only the few column UPDATEs the application makes (never
    /// DELETE or TRUNCATE), cannot write a balance itself.
    ///
    /// One multi-statement simple query, run once in one transaction, on an empty database, by a superuser or the
    /// database's owner. Shipped once: never edit this text; change the schema in a new migration.
    static let v1Ledger = #"""
        -- ================================================================================================
        -- Shared functions (SQLite has these built in, or needs none).
        -- Every trigger function below that reads a table runs with search_path = public, pg_temp: as SQLite's
        -- triggers only ever see the main database's tables, a session's temporary table named as a ledger table
        -- cannot stand in for it.
        -- ================================================================================================

        -- SQLite's json_valid(x), for CHECK constraints: whether x parses as JSON (NULL for NULL, as SQLite's).
        -- `json`, not `jsonb`: like json_valid, it accepts the escapes \u0000 and lone surrogates, and numbers beyond
        -- numeric's range, which jsonb refuses.
        CREATE FUNCTION grants_json_valid(document text) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE STRICT AS $$
        BEGIN
          PERFORM document::pg_catalog.json;
          RETURN true;
        EXCEPTION WHEN others THEN
          RETURN false;
        END $$;

        -- SQLite's BEFORE UPDATE / BEFORE DELETE "never edited" / "never deleted" triggers: refuses the change, with
        -- the trigger's argument as the message if it has one, else the ledger's own for TG_OP.
        CREATE FUNCTION grants_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_NARGS > 0 THEN
            RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'check_violation';
          ELSIF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION 'ledger entries are never edited: record a correction instead'
              USING ERRCODE = 'check_violation';
          ELSE
            RAISE EXCEPTION 'ledger entries are never deleted: record a correction instead'
              USING ERRCODE = 'check_violation';
          END IF;
        END $$;

        -- SQLite's triggers whose whole body is SELECT RAISE(ABORT, message), their condition being in the trigger
        -- (UPDATE OF columns, WHEN): refuses the change with the trigger's argument as the message.
        CREATE FUNCTION grants_refuse() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'check_violation';
        END $$;

        -- ================================================================================================
        -- SQLite v1-ledger: the ledger's entries.
        -- v1's triggers that summed balances (allocations_within_fund, awards_within_allocation, awards_within_fund,
        -- allocation_changes_within_limits, payments_within_award, returns_within_paid, claims_within_award) were
        -- dropped by v4 and are not here. Its "never replaced" BEFORE INSERT triggers (*_never_replaced_0/_1) each
        -- test a primary key or a UNIQUE column, which refuses a second row here by itself; they are not here either.
        -- ================================================================================================

        CREATE TABLE "organisations" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL, "name" text COLLATE "C" NOT NULL,
          "kind" text COLLATE "C" NOT NULL,
          "charity_number" text COLLATE "C", "company_number" text COLLATE "C", "location_code" text COLLATE "C",
          "example" bigint NOT NULL CHECK ("example" IN (0, 1)));
        CREATE TABLE "csp_members" (
          "csp_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"),
          "member_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"), "position" bigint NOT NULL,
          PRIMARY KEY ("csp_id", "member_id"));
        CREATE TABLE "funds" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL, "name" text COLLATE "C" NOT NULL,
          "scheme" text COLLATE "C" NOT NULL,
          "year_start" bigint NOT NULL, "amount" bigint NOT NULL CHECK ("amount" > 0),
          "funder_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"));
        CREATE TABLE "allocations" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "fund_id" text COLLATE "C" NOT NULL REFERENCES "funds"("id"),
          "csp_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"),
          "amount" bigint NOT NULL CHECK ("amount" > 0),
          "decision" text COLLATE "C" NOT NULL, "date" text COLLATE "C" NOT NULL);
        CREATE INDEX "allocations_on_fund_id" ON "allocations"("fund_id");
        CREATE TABLE "bids" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL, "fund_id" text COLLATE "C" NOT NULL REFERENCES "funds"("id"),
          "applicant_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"), "title" text COLLATE "C" NOT NULL,
          "requested" bigint NOT NULL CHECK ("requested" > 0), "submitted" text COLLATE "C" NOT NULL,
          "csp_id" text COLLATE "C" REFERENCES "organisations"("id"));
        CREATE TABLE "awards" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL, "bid_id" text COLLATE "C" REFERENCES "bids"("id"),
          "fund_id" text COLLATE "C" NOT NULL REFERENCES "funds"("id"),
          "allocation_id" text COLLATE "C" REFERENCES "allocations"("id"),
          "recipient_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"), "title" text COLLATE "C" NOT NULL,
          "amount" bigint NOT NULL CHECK ("amount" > 0), "decision" text COLLATE "C" NOT NULL,
          "award_date" text COLLATE "C" NOT NULL,
          "planned_start" text COLLATE "C" NOT NULL, "planned_end" text COLLATE "C" NOT NULL,
          "priorities" text COLLATE "C" NOT NULL,
          CHECK (planned_start <= planned_end));
        CREATE INDEX "awards_on_fund_id" ON "awards"("fund_id");
        CREATE INDEX "awards_on_allocation_id" ON "awards"("allocation_id");
        CREATE TABLE "payments" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "award_id" text COLLATE "C" NOT NULL REFERENCES "awards"("id"), "amount" bigint NOT NULL CHECK ("amount" > 0),
          "date" text COLLATE "C" NOT NULL, "reference" text COLLATE "C");
        CREATE INDEX "payments_on_award_id" ON "payments"("award_id");
        CREATE TABLE "underspend_returns" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "award_id" text COLLATE "C" NOT NULL REFERENCES "awards"("id"), "amount" bigint NOT NULL CHECK ("amount" > 0),
          "date" text COLLATE "C" NOT NULL, "reason" text COLLATE "C");
        CREATE INDEX "underspend_returns_on_award_id" ON "underspend_returns"("award_id");
        CREATE TABLE "contributions" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "contributor_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"),
          "recipient_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"),
          "service" text COLLATE "C" NOT NULL,
          "committed" text COLLATE "C" NOT NULL, "reason" text COLLATE "C" NOT NULL);
        CREATE TABLE "contribution_years" (
          "contribution_id" text COLLATE "C" NOT NULL REFERENCES "contributions"("id"),
          "year_start" bigint NOT NULL, "amount" bigint NOT NULL CHECK ("amount" > 0),
          PRIMARY KEY ("contribution_id", "year_start"));
        CREATE TABLE "contribution_withdrawals" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "contribution_id" text COLLATE "C" NOT NULL UNIQUE REFERENCES "contributions"("id"),
          "effective" text COLLATE "C" NOT NULL, "reason" text COLLATE "C" NOT NULL);
        CREATE TABLE "history" (
          "seq" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "at" text COLLATE "C" NOT NULL,
          "actor" text COLLATE "C" NOT NULL, "action" text COLLATE "C" NOT NULL, "kind" text COLLATE "C" NOT NULL,
          "entry_id" text COLLATE "C" NOT NULL, "reason" text COLLATE "C" NOT NULL, "source" text COLLATE "C",
          "detail" text COLLATE "C" NOT NULL);
        CREATE TABLE "allocation_changes" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "allocation_id" text COLLATE "C" NOT NULL REFERENCES "allocations"("id"),
          "delta" bigint NOT NULL CHECK ("delta" <> 0), "decision" text COLLATE "C" NOT NULL,
          "date" text COLLATE "C" NOT NULL, "reason" text COLLATE "C" NOT NULL);
        CREATE INDEX "allocation_changes_on_allocation_id" ON "allocation_changes"("allocation_id");
        CREATE VIEW allocation_totals AS
        SELECT al.id AS allocation_id, al.fund_id, al.csp_id,
          al.amount + COALESCE((SELECT SUM(delta) FROM allocation_changes c WHERE c.allocation_id = al.id)::bigint, 0)
            AS amount
        FROM allocations al;
        CREATE TABLE "claims" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "award_id" text COLLATE "C" NOT NULL REFERENCES "awards"("id"), "period_start" text COLLATE "C" NOT NULL,
          "period_end" text COLLATE "C" NOT NULL, "amount" bigint NOT NULL CHECK ("amount" > 0),
          "date" text COLLATE "C" NOT NULL,
          CHECK (period_start <= period_end));
        CREATE INDEX "claims_on_award_id" ON "claims"("award_id");
        ALTER TABLE "payments" ADD COLUMN "claim_id" text COLLATE "C" REFERENCES "claims"("id");
        CREATE UNIQUE INDEX payments_one_per_claim ON payments(claim_id) WHERE claim_id IS NOT NULL;
        CREATE TABLE "award_closures" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "award_id" text COLLATE "C" NOT NULL UNIQUE REFERENCES "awards"("id"),
          "spent" bigint NOT NULL CHECK ("spent" >= 0),
          "released" bigint NOT NULL CHECK ("released" >= 0), "owed" bigint NOT NULL CHECK ("owed" >= 0),
          "date" text COLLATE "C" NOT NULL);
        CREATE TABLE "award_withdrawals" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "award_id" text COLLATE "C" NOT NULL UNIQUE REFERENCES "awards"("id"),
          "released" bigint NOT NULL CHECK ("released" >= 0), "date" text COLLATE "C" NOT NULL,
          "reason" text COLLATE "C" NOT NULL);
        CREATE TABLE "year_closures" ("year_start" bigint PRIMARY KEY, "date" text COLLATE "C" NOT NULL);
        CREATE TABLE "contribution_receipts" (
          "id" text COLLATE "C" PRIMARY KEY NOT NULL,
          "contribution_id" text COLLATE "C" NOT NULL REFERENCES "contributions"("id"), "year_start" bigint NOT NULL,
          "amount" bigint NOT NULL CHECK ("amount" > 0), "date" text COLLATE "C" NOT NULL);
        CREATE INDEX "contribution_receipts_on_contribution_id" ON "contribution_receipts"("contribution_id");
        CREATE VIEW award_commitments AS
        SELECT a.id AS award_id, a.fund_id, a.allocation_id,
          a.amount - COALESCE((SELECT released FROM award_closures c WHERE c.award_id = a.id), 0)
                   - COALESCE((SELECT released FROM award_withdrawals w WHERE w.award_id = a.id), 0) AS committed
        FROM awards a;
        -- SQLite's two-argument MIN is LEAST: neither argument can be NULL where it is used (the award has a closure).
        CREATE VIEW award_outturns AS
        SELECT a.id AS award_id, a.fund_id, a.allocation_id,
          CASE
            WHEN EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = a.id) THEN 0
            WHEN EXISTS (SELECT 1 FROM award_closures c WHERE c.award_id = a.id) THEN
              LEAST((SELECT spent FROM award_closures c WHERE c.award_id = a.id),
                    (SELECT COALESCE(SUM(amount)::bigint, 0) FROM payments p WHERE p.award_id = a.id))
            ELSE a.amount
          END AS forecast
        FROM awards a;

        -- v1's checks that v4 kept.
        CREATE FUNCTION awards_not_in_closed_year() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM year_closures y JOIN funds f ON f.year_start = y.year_start WHERE f.id = NEW.fund_id)
          THEN
            RAISE EXCEPTION 'the financial year is closed' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER awards_not_in_closed_year BEFORE INSERT ON awards
        FOR EACH ROW EXECUTE FUNCTION awards_not_in_closed_year();

        CREATE FUNCTION payments_of_open_awards() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
            OR EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
            OR (NEW.claim_id IS NOT NULL
                AND (SELECT amount FROM claims WHERE id = NEW.claim_id) IS DISTINCT FROM NEW.amount)
            OR (NEW.claim_id IS NOT NULL
                AND (SELECT award_id FROM claims WHERE id = NEW.claim_id) IS DISTINCT FROM NEW.award_id)
          THEN
            RAISE EXCEPTION 'payment of a closed or withdrawn award, or not what its claim asked'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER payments_of_open_awards BEFORE INSERT ON payments
        FOR EACH ROW EXECUTE FUNCTION payments_of_open_awards();

        CREATE FUNCTION withdrawals_before_payment() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM payments WHERE award_id = NEW.award_id)
            OR EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
          THEN
            RAISE EXCEPTION 'an award with payments or a closure cannot be withdrawn' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER withdrawals_before_payment BEFORE INSERT ON award_withdrawals
        FOR EACH ROW EXECUTE FUNCTION withdrawals_before_payment();

        CREATE FUNCTION receipts_within_instalment() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF (SELECT COALESCE(SUM(amount), 0) FROM contribution_receipts
              WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start) + NEW.amount
             > COALESCE((SELECT amount FROM contribution_years
                WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start), 0)
          THEN
            RAISE EXCEPTION 'receipt exceeds the year''s contribution' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER receipts_within_instalment BEFORE INSERT ON contribution_receipts
        FOR EACH ROW EXECUTE FUNCTION receipts_within_instalment();

        -- v1's append-only triggers: no entry is edited or deleted.
        CREATE TRIGGER allocations_never_updated BEFORE UPDATE ON allocations
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER allocations_never_deleted BEFORE DELETE ON allocations
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER awards_never_updated BEFORE UPDATE ON awards
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER awards_never_deleted BEFORE DELETE ON awards
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER bids_never_updated BEFORE UPDATE ON bids
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER bids_never_deleted BEFORE DELETE ON bids
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_withdrawals_never_updated BEFORE UPDATE ON contribution_withdrawals
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_withdrawals_never_deleted BEFORE DELETE ON contribution_withdrawals
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_years_never_updated BEFORE UPDATE ON contribution_years
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_years_never_deleted BEFORE DELETE ON contribution_years
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contributions_never_updated BEFORE UPDATE ON contributions
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contributions_never_deleted BEFORE DELETE ON contributions
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER csp_members_never_updated BEFORE UPDATE ON csp_members
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER csp_members_never_deleted BEFORE DELETE ON csp_members
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER funds_never_updated BEFORE UPDATE ON funds
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER funds_never_deleted BEFORE DELETE ON funds
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER history_never_updated BEFORE UPDATE ON history
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER organisations_never_updated BEFORE UPDATE ON organisations
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER organisations_never_deleted BEFORE DELETE ON organisations
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER payments_never_updated BEFORE UPDATE ON payments
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER underspend_returns_never_updated BEFORE UPDATE ON underspend_returns
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER underspend_returns_never_deleted BEFORE DELETE ON underspend_returns
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER allocation_changes_never_updated BEFORE UPDATE ON allocation_changes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER allocation_changes_never_deleted BEFORE DELETE ON allocation_changes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_closures_never_updated BEFORE UPDATE ON award_closures
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_closures_never_deleted BEFORE DELETE ON award_closures
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_withdrawals_never_updated BEFORE UPDATE ON award_withdrawals
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_withdrawals_never_deleted BEFORE DELETE ON award_withdrawals
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER claims_never_updated BEFORE UPDATE ON claims
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER claims_never_deleted BEFORE DELETE ON claims
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_receipts_never_updated BEFORE UPDATE ON contribution_receipts
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER contribution_receipts_never_deleted BEFORE DELETE ON contribution_receipts
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER year_closures_never_updated BEFORE UPDATE ON year_closures
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER year_closures_never_deleted BEFORE DELETE ON year_closures
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();

        -- ================================================================================================
        -- SQLite v2-award-states: where each award stands.
        -- ================================================================================================

        CREATE VIEW award_states AS
        SELECT a.id AS award_id, a.fund_id, a.allocation_id,
          (CASE
            WHEN EXISTS (SELECT 1 FROM award_closures c WHERE c.award_id = a.id) THEN 'closed'
            WHEN EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = a.id) THEN 'withdrawn'
            WHEN EXISTS (SELECT 1 FROM claims k WHERE k.award_id = a.id)
              OR EXISTS (SELECT 1 FROM payments p WHERE p.award_id = a.id) THEN 'claiming'
            ELSE 'awarded'
          END) COLLATE "C" AS state
        FROM awards a;

        -- ================================================================================================
        -- SQLite v3-publication: what publishing needs beyond the money.
        -- ================================================================================================

        CREATE TABLE "organisation_publication" (
          "organisation_id" text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES "organisations"("id"),
          "sensitive" bigint NOT NULL CHECK ("sensitive" IN (0, 1)),
          "published_as" text COLLATE "C",
          CHECK ("sensitive" = 0 OR "published_as" IS NOT NULL));
        CREATE TABLE "award_register" (
          "award_id" text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES "awards"("id"),
          "purpose" text COLLATE "C", "reasons" text COLLATE "C", "conditions" text COLLATE "C");
        CREATE TRIGGER organisation_publication_never_updated BEFORE UPDATE ON organisation_publication
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER organisation_publication_never_deleted BEFORE DELETE ON organisation_publication
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_register_never_updated BEFORE UPDATE ON award_register
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();
        CREATE TRIGGER award_register_never_deleted BEFORE DELETE ON award_register
        FOR EACH ROW EXECUTE FUNCTION grants_append_only();

        -- ================================================================================================
        -- SQLite v4-balances: running balances, kept by AFTER INSERT triggers in the transaction of every entry.
        -- The balance tables' CHECKs are what refuse an overdraw. v4 also filled the tables from the entries already
        -- there (with overdrawn = MAX(0, excess)); a new database has none, so that is not here.
        -- The balance functions are SECURITY DEFINER: the application's role may not UPDATE or INSERT a balance.
        -- (Their search_path puts pg_temp last, so that no temporary table can stand in for a balance table.)
        -- ================================================================================================

        CREATE TABLE allocation_days (
          allocation_id text COLLATE "C" NOT NULL REFERENCES allocations(id), day text COLLATE "C" NOT NULL,
          held bigint NOT NULL, committed bigint NOT NULL, overdrawn bigint NOT NULL DEFAULT 0,
          PRIMARY KEY (allocation_id, day),
          CONSTRAINT allocation_commits_no_more_than_it_holds CHECK (committed <= held + overdrawn));
        CREATE TABLE fund_days (
          fund_id text COLLATE "C" NOT NULL REFERENCES funds(id), day text COLLATE "C" NOT NULL,
          budget bigint NOT NULL, drawn bigint NOT NULL, overdrawn bigint NOT NULL DEFAULT 0,
          PRIMARY KEY (fund_id, day),
          CONSTRAINT fund_draws_no_more_than_its_budget CHECK (drawn <= budget + overdrawn));
        CREATE TABLE award_balances (
          award_id text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES awards(id), amount bigint NOT NULL,
          released bigint NOT NULL, claimed bigint NOT NULL, paid bigint NOT NULL, returned bigint NOT NULL,
          CONSTRAINT award_claims_no_more_than_it_grants CHECK (claimed <= amount),
          CONSTRAINT award_pays_no_more_than_it_grants CHECK (paid <= amount),
          CONSTRAINT award_returns_no_more_than_was_paid CHECK (returned <= paid),
          CONSTRAINT award_releases_no_more_than_is_unpaid CHECK (released >= 0 AND paid + released <= amount));

        CREATE VIEW allocation_days_from_entries AS
        WITH events(allocation_id, day, held, committed) AS (
          SELECT id, date, amount, 0 FROM allocations
          UNION ALL SELECT allocation_id, date, delta, 0 FROM allocation_changes
          UNION ALL SELECT allocation_id, award_date, 0, amount FROM awards WHERE allocation_id IS NOT NULL
          UNION ALL SELECT w.allocation_id, r.date, 0, -r.released FROM award_closures r
            JOIN awards w ON w.id = r.award_id WHERE w.allocation_id IS NOT NULL AND r.released > 0
          UNION ALL SELECT w.allocation_id, r.date, 0, -r.released FROM award_withdrawals r
            JOIN awards w ON w.id = r.award_id WHERE w.allocation_id IS NOT NULL AND r.released > 0),
        days AS (SELECT allocation_id, day, SUM(held) AS held, SUM(committed) AS committed FROM events
          GROUP BY allocation_id, day)
        SELECT allocation_id, day,
          (SUM(held) OVER running)::bigint AS held, (SUM(committed) OVER running)::bigint AS committed
        FROM days WINDOW running AS (PARTITION BY allocation_id ORDER BY day);

        CREATE VIEW fund_days_from_entries AS
        WITH events(fund_id, day, drawn) AS (
          SELECT fund_id, date, amount FROM allocations
          UNION ALL SELECT al.fund_id, c.date, c.delta FROM allocation_changes c
            JOIN allocations al ON al.id = c.allocation_id
          UNION ALL SELECT fund_id, award_date, amount FROM awards WHERE allocation_id IS NULL
          UNION ALL SELECT w.fund_id, r.date, -r.released FROM award_closures r
            JOIN awards w ON w.id = r.award_id WHERE w.allocation_id IS NULL AND r.released > 0
          UNION ALL SELECT w.fund_id, r.date, -r.released FROM award_withdrawals r
            JOIN awards w ON w.id = r.award_id WHERE w.allocation_id IS NULL AND r.released > 0),
        days AS (SELECT fund_id, day, SUM(drawn) AS drawn FROM events GROUP BY fund_id, day)
        SELECT d.fund_id, d.day, f.amount AS budget, (SUM(d.drawn) OVER running)::bigint AS drawn
        FROM days d JOIN funds f ON f.id = d.fund_id WINDOW running AS (PARTITION BY d.fund_id ORDER BY d.day);

        CREATE VIEW award_balances_from_entries AS
        SELECT a.id AS award_id, a.amount,
          COALESCE((SELECT released FROM award_closures WHERE award_id = a.id),
                   (SELECT released FROM award_withdrawals WHERE award_id = a.id), 0) AS released,
          (SELECT COALESCE(SUM(amount)::bigint, 0) FROM claims WHERE award_id = a.id) AS claimed,
          (SELECT COALESCE(SUM(amount)::bigint, 0) FROM payments WHERE award_id = a.id) AS paid,
          (SELECT COALESCE(SUM(amount)::bigint, 0) FROM underspend_returns WHERE award_id = a.id) AS returned
        FROM awards a;

        -- v1's checks that were not sums, kept by v4 as triggers of their own.
        CREATE FUNCTION awards_on_their_allocations_fund() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id) IS DISTINCT FROM NEW.fund_id THEN
            RAISE EXCEPTION 'award exceeds its allocation' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER awards_on_their_allocations_fund BEFORE INSERT ON awards
        FOR EACH ROW WHEN (NEW.allocation_id IS NOT NULL) EXECUTE FUNCTION awards_on_their_allocations_fund();

        CREATE FUNCTION claims_of_open_awards() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
            OR EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
          THEN
            RAISE EXCEPTION 'claim on a closed or withdrawn award' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER claims_of_open_awards BEFORE INSERT ON claims
        FOR EACH ROW EXECUTE FUNCTION claims_of_open_awards();

        -- The balance triggers: v4's statements, one for one.
        CREATE FUNCTION allocations_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          INSERT INTO allocation_days (allocation_id, day, held, committed) VALUES (NEW.id, NEW.date, NEW.amount, 0);
          INSERT INTO fund_days (fund_id, day, budget, drawn, overdrawn)
            SELECT NEW.fund_id, NEW.date, (SELECT amount FROM funds WHERE id = NEW.fund_id),
              COALESCE((SELECT drawn FROM fund_days WHERE fund_id = NEW.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM fund_days WHERE fund_id = NEW.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0)
            WHERE NOT EXISTS (SELECT 1 FROM fund_days WHERE fund_id = NEW.fund_id AND day = NEW.date);
          UPDATE fund_days SET drawn = drawn + NEW.amount WHERE fund_id = NEW.fund_id AND day >= NEW.date;
          RETURN NULL;
        END $$;
        CREATE TRIGGER allocations_balance AFTER INSERT ON allocations
        FOR EACH ROW EXECUTE FUNCTION allocations_balance();

        CREATE FUNCTION allocation_changes_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          INSERT INTO allocation_days (allocation_id, day, held, committed, overdrawn)
            SELECT NEW.allocation_id, NEW.date,
              COALESCE((SELECT held FROM allocation_days WHERE allocation_id = NEW.allocation_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT committed FROM allocation_days WHERE allocation_id = NEW.allocation_id
                        AND day < NEW.date ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM allocation_days WHERE allocation_id = NEW.allocation_id
                        AND day < NEW.date ORDER BY day DESC LIMIT 1), 0)
            WHERE NOT EXISTS (SELECT 1 FROM allocation_days WHERE allocation_id = NEW.allocation_id
                              AND day = NEW.date);
          UPDATE allocation_days SET held = held + NEW.delta
            WHERE allocation_id = NEW.allocation_id AND day >= NEW.date;
          INSERT INTO fund_days (fund_id, day, budget, drawn, overdrawn)
            SELECT al.fund_id, NEW.date, f.amount,
              COALESCE((SELECT drawn FROM fund_days WHERE fund_id = al.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM fund_days WHERE fund_id = al.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0)
            FROM allocations al JOIN funds f ON f.id = al.fund_id
            WHERE al.id = NEW.allocation_id
              AND NOT EXISTS (SELECT 1 FROM fund_days WHERE fund_id = al.fund_id AND day = NEW.date);
          UPDATE fund_days SET drawn = drawn + NEW.delta
            WHERE fund_id = (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id) AND day >= NEW.date;
          RETURN NULL;
        END $$;
        CREATE TRIGGER allocation_changes_balance AFTER INSERT ON allocation_changes
        FOR EACH ROW EXECUTE FUNCTION allocation_changes_balance();

        CREATE FUNCTION awards_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          INSERT INTO award_balances (award_id, amount, released, claimed, paid, returned)
            VALUES (NEW.id, NEW.amount, 0, 0, 0, 0);
          INSERT INTO allocation_days (allocation_id, day, held, committed, overdrawn)
            SELECT NEW.allocation_id, NEW.award_date,
              COALESCE((SELECT held FROM allocation_days WHERE allocation_id = NEW.allocation_id
                        AND day < NEW.award_date ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT committed FROM allocation_days WHERE allocation_id = NEW.allocation_id
                        AND day < NEW.award_date ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM allocation_days WHERE allocation_id = NEW.allocation_id
                        AND day < NEW.award_date ORDER BY day DESC LIMIT 1), 0)
            WHERE NEW.allocation_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM allocation_days WHERE allocation_id = NEW.allocation_id
                              AND day = NEW.award_date);
          UPDATE allocation_days SET committed = committed + NEW.amount
            WHERE NEW.allocation_id IS NOT NULL AND allocation_id = NEW.allocation_id AND day >= NEW.award_date;
          INSERT INTO fund_days (fund_id, day, budget, drawn, overdrawn)
            SELECT NEW.fund_id, NEW.award_date, (SELECT amount FROM funds WHERE id = NEW.fund_id),
              COALESCE((SELECT drawn FROM fund_days WHERE fund_id = NEW.fund_id AND day < NEW.award_date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM fund_days WHERE fund_id = NEW.fund_id AND day < NEW.award_date
                        ORDER BY day DESC LIMIT 1), 0)
            WHERE NEW.allocation_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM fund_days WHERE fund_id = NEW.fund_id AND day = NEW.award_date);
          UPDATE fund_days SET drawn = drawn + NEW.amount
            WHERE NEW.allocation_id IS NULL AND fund_id = NEW.fund_id AND day >= NEW.award_date;
          RETURN NULL;
        END $$;
        CREATE TRIGGER awards_balance AFTER INSERT ON awards
        FOR EACH ROW EXECUTE FUNCTION awards_balance();

        -- A closure and a withdrawal release the unpaid part of an award alike (both rows carry award_id, released
        -- and date): one function keeps the balances for both, as SQLite's two identical triggers do.
        CREATE FUNCTION award_releases_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          UPDATE award_balances SET released = released + NEW.released WHERE award_id = NEW.award_id;
          INSERT INTO allocation_days (allocation_id, day, held, committed, overdrawn)
            SELECT w.allocation_id, NEW.date,
              COALESCE((SELECT held FROM allocation_days WHERE allocation_id = w.allocation_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT committed FROM allocation_days WHERE allocation_id = w.allocation_id
                        AND day < NEW.date ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM allocation_days WHERE allocation_id = w.allocation_id
                        AND day < NEW.date ORDER BY day DESC LIMIT 1), 0)
            FROM awards w WHERE w.id = NEW.award_id AND w.allocation_id IS NOT NULL AND NEW.released > 0
              AND NOT EXISTS (SELECT 1 FROM allocation_days WHERE allocation_id = w.allocation_id
                              AND day = NEW.date);
          UPDATE allocation_days SET committed = committed - NEW.released
            WHERE NEW.released > 0 AND day >= NEW.date
              AND allocation_id = (SELECT allocation_id FROM awards WHERE id = NEW.award_id);
          INSERT INTO fund_days (fund_id, day, budget, drawn, overdrawn)
            SELECT w.fund_id, NEW.date, f.amount,
              COALESCE((SELECT drawn FROM fund_days WHERE fund_id = w.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0),
              COALESCE((SELECT overdrawn FROM fund_days WHERE fund_id = w.fund_id AND day < NEW.date
                        ORDER BY day DESC LIMIT 1), 0)
            FROM awards w JOIN funds f ON f.id = w.fund_id
            WHERE w.id = NEW.award_id AND w.allocation_id IS NULL AND NEW.released > 0
              AND NOT EXISTS (SELECT 1 FROM fund_days WHERE fund_id = w.fund_id AND day = NEW.date);
          UPDATE fund_days SET drawn = drawn - NEW.released
            WHERE NEW.released > 0 AND day >= NEW.date
              AND fund_id = (SELECT fund_id FROM awards WHERE id = NEW.award_id AND allocation_id IS NULL);
          RETURN NULL;
        END $$;
        CREATE TRIGGER award_closures_balance AFTER INSERT ON award_closures
        FOR EACH ROW EXECUTE FUNCTION award_releases_balance();
        CREATE TRIGGER award_withdrawals_balance AFTER INSERT ON award_withdrawals
        FOR EACH ROW EXECUTE FUNCTION award_releases_balance();

        CREATE FUNCTION claims_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          UPDATE award_balances SET claimed = claimed + NEW.amount WHERE award_id = NEW.award_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER claims_balance AFTER INSERT ON claims
        FOR EACH ROW EXECUTE FUNCTION claims_balance();
        CREATE FUNCTION payments_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          UPDATE award_balances SET paid = paid + NEW.amount WHERE award_id = NEW.award_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER payments_balance AFTER INSERT ON payments
        FOR EACH ROW EXECUTE FUNCTION payments_balance();
        CREATE FUNCTION underspend_returns_balance() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        BEGIN
          UPDATE award_balances SET returned = returned + NEW.amount WHERE award_id = NEW.award_id;
          RETURN NULL;
        END $$;
        CREATE TRIGGER underspend_returns_balance AFTER INSERT ON underspend_returns
        FOR EACH ROW EXECUTE FUNCTION underspend_returns_balance();

        CREATE INDEX organisations_on_kind_and_location ON organisations(kind, location_code, id);
        CREATE INDEX payments_on_date ON payments(date);
        CREATE INDEX claims_on_date ON claims(date);

        -- The balances are updated by the triggers above, so only their deletion is refused.
        CREATE TRIGGER allocation_days_never_deleted BEFORE DELETE ON allocation_days
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('running balances are never deleted');
        CREATE TRIGGER fund_days_never_deleted BEFORE DELETE ON fund_days
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('running balances are never deleted');
        CREATE TRIGGER award_balances_never_deleted BEFORE DELETE ON award_balances
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('running balances are never deleted');

        -- ================================================================================================
        -- SQLite v5-accounts: the people who sign in to the web application.
        -- ================================================================================================

        CREATE TABLE "account_roles" (
          "role" text COLLATE "C" PRIMARY KEY NOT NULL,
          "with_organisation" bigint NOT NULL CHECK ("with_organisation" IN (0, 1)));
        INSERT INTO "account_roles" ("role", "with_organisation") VALUES
          ('applicant', 1), ('finance-officer', 0), ('commissioner', 0);
        CREATE TABLE "account_event_kinds" ("kind" text COLLATE "C" PRIMARY KEY NOT NULL);
        INSERT INTO "account_event_kinds" ("kind") VALUES
          ('email'), ('role'), ('password'), ('disabled'), ('enabled'), ('locked'), ('unlocked');
        CREATE TABLE "accounts" (
          "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "created_at" text COLLATE "C" NOT NULL
            CHECK ("created_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "created_by" text COLLATE "C" NOT NULL CHECK (length("created_by") > 0));
        CREATE TABLE "account_emails" (
          "email" text COLLATE "C" PRIMARY KEY NOT NULL CHECK (
            "email" = lower("email") AND octet_length("email") = length("email")
            AND length("email") BETWEEN 3 AND 254 AND "email" ~ '^[!-~]*$' AND strpos("email", '@') > 1),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"));
        CREATE INDEX "account_emails_on_account" ON "account_emails"("account_id");
        CREATE TABLE "account_events" (
          "seq" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "at" text COLLATE "C" NOT NULL
            CHECK ("at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "actor" text COLLATE "C" NOT NULL CHECK (length("actor") > 0),
          "kind" text COLLATE "C" NOT NULL REFERENCES "account_event_kinds"("kind"),
          "email" text COLLATE "C" REFERENCES "account_emails"("email"),
          "role" text COLLATE "C" REFERENCES "account_roles"("role"),
          "organisation_id" text COLLATE "C" REFERENCES "organisations"("id"),
          "password_hash" text COLLATE "C" CHECK ("password_hash" IS NULL OR
            ("password_hash" ~ '^[$]2[abxy][$][0-9][0-9][$]' AND length("password_hash") = 60)),
          CHECK (("kind" = 'email') = ("email" IS NOT NULL)),
          CHECK (("kind" = 'role') = ("role" IS NOT NULL)),
          CHECK ("role" IS NOT NULL OR "organisation_id" IS NULL),
          CHECK (("kind" = 'password') = ("password_hash" IS NOT NULL)));
        CREATE INDEX "account_events_on_account" ON "account_events"("account_id", "kind", "seq");
        CREATE INDEX "account_events_on_email" ON "account_events"("email") WHERE "email" IS NOT NULL;
        CREATE FUNCTION account_events_own_email() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF (SELECT account_id FROM account_emails WHERE email = NEW.email) IS DISTINCT FROM NEW.account_id THEN
            RAISE EXCEPTION 'another account has that email' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER account_events_own_email BEFORE INSERT ON account_events
        FOR EACH ROW WHEN (NEW.kind = 'email') EXECUTE FUNCTION account_events_own_email();
        CREATE FUNCTION account_events_role_organisation() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF NEW.organisation_id IS NULL
            AND (SELECT with_organisation FROM account_roles WHERE role = NEW.role) = 1
          THEN
            RAISE EXCEPTION 'this role acts for an organisation: name one' USING ERRCODE = 'check_violation';
          END IF;
          IF NEW.organisation_id IS NOT NULL
            AND (SELECT with_organisation FROM account_roles WHERE role = NEW.role) = 0
          THEN
            RAISE EXCEPTION 'this role acts for no organisation' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER account_events_role_organisation BEFORE INSERT ON account_events
        FOR EACH ROW WHEN (NEW.kind = 'role') EXECUTE FUNCTION account_events_role_organisation();
        CREATE TABLE "sessions" (
          "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "token_hash" text COLLATE "C" NOT NULL UNIQUE
            CHECK (length("token_hash") = 64 AND "token_hash" ~ '^[0-9a-f]*$'),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "started_at" text COLLATE "C" NOT NULL
            CHECK ("started_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "seen_at" text COLLATE "C" NOT NULL
            CHECK ("seen_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "ended_at" text COLLATE "C" CHECK ("ended_at" IS NULL OR
            "ended_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "address" text COLLATE "C" NOT NULL,
          CHECK ("seen_at" >= "started_at"),
          CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at"));
        CREATE INDEX "sessions_on_account" ON "sessions"("account_id") WHERE "ended_at" IS NULL;
        CREATE TRIGGER sessions_keep_whose BEFORE UPDATE OF id, token_hash, account_id, started_at, address ON sessions
        FOR EACH ROW EXECUTE FUNCTION grants_refuse('a session''s token, account, start and address never change');
        CREATE TRIGGER sessions_stay_ended BEFORE UPDATE ON sessions
        FOR EACH ROW WHEN (OLD.ended_at IS NOT NULL) EXECUTE FUNCTION grants_refuse('an ended session stays ended');
        CREATE TRIGGER sessions_go_forwards BEFORE UPDATE OF seen_at ON sessions
        FOR EACH ROW WHEN (NEW.seen_at < OLD.seen_at)
        EXECUTE FUNCTION grants_refuse('a session is never seen earlier than it was');
        CREATE TABLE "sign_in_outcomes" ("outcome" text COLLATE "C" PRIMARY KEY NOT NULL);
        INSERT INTO "sign_in_outcomes" ("outcome") VALUES
          ('signed-in'), ('failed'), ('throttled'), ('locked'), ('disabled'), ('signed-out'), ('unlocked');
        CREATE TABLE "sign_in_log" (
          "seq" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "at" text COLLATE "C" NOT NULL
            CHECK ("at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "email" text COLLATE "C" NOT NULL,
          "account_id" bigint REFERENCES "accounts"("id"),
          "session_id" bigint REFERENCES "sessions"("id"),
          "address" text COLLATE "C" NOT NULL,
          "outcome" text COLLATE "C" NOT NULL REFERENCES "sign_in_outcomes"("outcome"),
          CHECK ("session_id" IS NULL OR "account_id" IS NOT NULL));
        CREATE INDEX "sign_in_log_on_email" ON "sign_in_log"("email", "outcome", "at");
        CREATE INDEX "sign_in_log_on_address" ON "sign_in_log"("address", "outcome", "at");
        CREATE INDEX "sign_in_log_on_account" ON "sign_in_log"("account_id", "outcome", "seq")
          WHERE "account_id" IS NOT NULL;
        CREATE INDEX "bids_on_applicant_id" ON "bids"("applicant_id");
        CREATE INDEX "history_on_entry_id" ON "history"("entry_id", "seq");
        CREATE INDEX "awards_on_recipient_id" ON "awards"("recipient_id");
        CREATE TRIGGER account_roles_never_updated BEFORE UPDATE ON account_roles
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('roles are never edited');
        CREATE TRIGGER account_roles_never_deleted BEFORE DELETE ON account_roles
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('roles are never deleted');
        CREATE TRIGGER account_event_kinds_never_updated BEFORE UPDATE ON account_event_kinds
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('account event kinds are never edited');
        CREATE TRIGGER account_event_kinds_never_deleted BEFORE DELETE ON account_event_kinds
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('account event kinds are never deleted');
        CREATE TRIGGER accounts_never_updated BEFORE UPDATE ON accounts
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('accounts are never edited: record an account event instead');
        CREATE TRIGGER accounts_never_deleted BEFORE DELETE ON accounts
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('accounts are never deleted: disable the account instead');
        CREATE TRIGGER account_emails_never_updated BEFORE UPDATE ON account_emails
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('an email stays with the account that first had it');
        CREATE TRIGGER account_emails_never_deleted BEFORE DELETE ON account_emails
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('an email stays with the account that first had it');
        CREATE TRIGGER account_events_never_updated BEFORE UPDATE ON account_events
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('account events are never edited: record another instead');
        CREATE TRIGGER account_events_never_deleted BEFORE DELETE ON account_events
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('account events are never deleted: record another instead');
        CREATE TRIGGER sign_in_outcomes_never_updated BEFORE UPDATE ON sign_in_outcomes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('sign-in outcomes are never edited');
        CREATE TRIGGER sign_in_outcomes_never_deleted BEFORE DELETE ON sign_in_outcomes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('sign-in outcomes are never deleted');
        CREATE TRIGGER sign_in_log_never_updated BEFORE UPDATE ON sign_in_log
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('the sign-in log is never edited');
        CREATE TRIGGER sign_in_log_never_deleted BEFORE DELETE ON sign_in_log
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('the sign-in log is never deleted');
        CREATE TRIGGER sessions_never_deleted BEFORE DELETE ON sessions
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('sessions are ended, never deleted');

        -- ================================================================================================
        -- SQLite v6-submissions: invitations, and bids written and submitted in the web application.
        -- ================================================================================================

        INSERT INTO "sign_in_outcomes" ("outcome") VALUES ('registered');
        CREATE TABLE "invitations" (
          "seq" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "token_hash" text COLLATE "C" NOT NULL UNIQUE
            CHECK (length("token_hash") = 64 AND "token_hash" ~ '^[0-9a-f]*$'),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "created_at" text COLLATE "C" NOT NULL
            CHECK ("created_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "created_by" text COLLATE "C" NOT NULL CHECK (length("created_by") > 0),
          "expires_at" text COLLATE "C" NOT NULL
            CHECK ("expires_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "used_at" text COLLATE "C" CHECK ("used_at" IS NULL OR
            "used_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          CHECK ("expires_at" > "created_at"),
          CHECK ("used_at" IS NULL OR "used_at" >= "created_at"));
        CREATE INDEX "invitations_on_account" ON "invitations"("account_id", "seq");
        CREATE TRIGGER invitations_keep_whose
        BEFORE UPDATE OF seq, token_hash, account_id, created_at, created_by, expires_at ON invitations
        FOR EACH ROW EXECUTE FUNCTION grants_refuse('an invitation''s token, account and times never change');
        CREATE TRIGGER invitations_used_once BEFORE UPDATE OF used_at ON invitations
        FOR EACH ROW WHEN (OLD.used_at IS NOT NULL) EXECUTE FUNCTION grants_refuse('an invitation is used once');
        CREATE TRIGGER invitations_never_deleted BEFORE DELETE ON invitations
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('invitations are never deleted');
        CREATE TABLE "bid_drafts" (
          "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "organisation_id" text COLLATE "C" NOT NULL REFERENCES "organisations"("id"),
          "scheme" text COLLATE "C" NOT NULL
            CHECK (length("scheme") BETWEEN 1 AND 64 AND "scheme" ~ '^[a-z0-9-]*$'),
          "year_start" bigint NOT NULL CHECK ("year_start" BETWEEN 1900 AND 9998),
          "form" text COLLATE "C" NOT NULL CHECK (octet_length("form") <= 262144),
          "created_at" text COLLATE "C" NOT NULL
            CHECK ("created_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "created_by" bigint NOT NULL REFERENCES "accounts"("id"),
          "saved_at" text COLLATE "C" NOT NULL
            CHECK ("saved_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "saved_by" bigint NOT NULL REFERENCES "accounts"("id"),
          "replaces" text COLLATE "C" REFERENCES "bids"("id"),
          "bid_id" text COLLATE "C" UNIQUE REFERENCES "bids"("id"),
          CHECK ("saved_at" >= "created_at"));
        CREATE INDEX "bid_drafts_on_organisation" ON "bid_drafts"("organisation_id", "id");
        CREATE UNIQUE INDEX "bid_drafts_one_correction" ON "bid_drafts"("replaces") WHERE "replaces" IS NOT NULL;
        CREATE TRIGGER bid_drafts_keep_whose
        BEFORE UPDATE OF id, organisation_id, scheme, year_start, created_at, created_by, replaces ON bid_drafts
        FOR EACH ROW
        EXECUTE FUNCTION grants_refuse('a draft''s organisation, scheme, year and beginning never change');
        CREATE TRIGGER bid_drafts_stay_submitted BEFORE UPDATE ON bid_drafts
        FOR EACH ROW WHEN (OLD.bid_id IS NOT NULL)
        EXECUTE FUNCTION grants_refuse('a submitted bid is never edited: correct it with a new submission');
        CREATE TRIGGER bid_drafts_go_forwards BEFORE UPDATE OF saved_at ON bid_drafts
        FOR EACH ROW WHEN (NEW.saved_at < OLD.saved_at)
        EXECUTE FUNCTION grants_refuse('a draft is never saved earlier than it was');
        CREATE FUNCTION bid_drafts_replace_own() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF (SELECT applicant_id FROM bids WHERE id = NEW.replaces) IS DISTINCT FROM NEW.organisation_id THEN
            RAISE EXCEPTION 'a draft replaces a bid of its own organisation' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER bid_drafts_replace_own BEFORE INSERT ON bid_drafts
        FOR EACH ROW WHEN (NEW.replaces IS NOT NULL) EXECUTE FUNCTION bid_drafts_replace_own();
        CREATE TRIGGER bid_drafts_born_unsubmitted BEFORE INSERT ON bid_drafts
        FOR EACH ROW WHEN (NEW.bid_id IS NOT NULL) EXECUTE FUNCTION grants_refuse('a draft is begun unsubmitted');
        CREATE FUNCTION bid_drafts_submitted_with_submission() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM bid_submissions WHERE bid_id = NEW.bid_id AND draft_id = NEW.id) THEN
            RAISE EXCEPTION 'a draft becomes the bid recorded from it, with its submission'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER bid_drafts_submitted_with_submission BEFORE UPDATE OF bid_id ON bid_drafts
        FOR EACH ROW EXECUTE FUNCTION bid_drafts_submitted_with_submission();
        CREATE TRIGGER bid_drafts_never_deleted BEFORE DELETE ON bid_drafts
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('drafts are never deleted');
        CREATE TABLE "bid_submissions" (
          "bid_id" text COLLATE "C" PRIMARY KEY NOT NULL REFERENCES "bids"("id"),
          "draft_id" bigint NOT NULL UNIQUE REFERENCES "bid_drafts"("id"),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "at" text COLLATE "C" NOT NULL
            CHECK ("at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "document" text COLLATE "C" NOT NULL CHECK (grants_json_valid("document")),
          "rulebook" text COLLATE "C" NOT NULL CHECK (length("rulebook") > 0),
          "outcome" text COLLATE "C" NOT NULL CHECK ("outcome" IN ('eligible', 'ineligible', 'incomplete')),
          "report" text COLLATE "C" NOT NULL CHECK (grants_json_valid("report")));
        CREATE FUNCTION bid_submissions_own_draft() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF (SELECT applicant_id FROM bids WHERE id = NEW.bid_id)
            IS DISTINCT FROM (SELECT organisation_id FROM bid_drafts WHERE id = NEW.draft_id)
          THEN
            RAISE EXCEPTION 'a submission is of its own draft''s organisation' USING ERRCODE = 'check_violation';
          END IF;
          IF (SELECT bid_id FROM bid_drafts WHERE id = NEW.draft_id) IS NOT NULL THEN
            RAISE EXCEPTION 'a draft is submitted once' USING ERRCODE = 'check_violation';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM bid_drafts WHERE id = NEW.draft_id) THEN
            RAISE EXCEPTION 'a submission is of a draft' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER bid_submissions_own_draft BEFORE INSERT ON bid_submissions
        FOR EACH ROW EXECUTE FUNCTION bid_submissions_own_draft();
        CREATE TRIGGER bid_submissions_never_updated BEFORE UPDATE ON bid_submissions
        FOR EACH ROW
        EXECUTE FUNCTION grants_append_only('a submission is never edited: correct the bid with a new submission');
        CREATE TRIGGER bid_submissions_never_deleted BEFORE DELETE ON bid_submissions
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('submissions are never deleted');

        -- ================================================================================================
        -- SQLite v7-reports: end-of-grant reports.
        -- ================================================================================================

        CREATE TABLE "monitoring_categories" (
          "dimension" text COLLATE "C" NOT NULL CHECK ("dimension" IN ('age', 'gender', 'ethnicity', 'disability')),
          "category" text COLLATE "C" NOT NULL
            CHECK (length("category") BETWEEN 1 AND 40 AND "category" ~ '^[a-z0-9-]*$'),
          "position" bigint NOT NULL,
          "label" text COLLATE "C" NOT NULL CHECK (length("label") > 0),
          PRIMARY KEY ("dimension", "category"));
        INSERT INTO "monitoring_categories" ("dimension", "category", "position", "label") VALUES
          ('age', '0-15', 1, 'Under 16'), ('age', '16-17', 2, '16 to 17'), ('age', '18-24', 3, '18 to 24'),
          ('age', '25-34', 4, '25 to 34'), ('age', '35-44', 5, '35 to 44'), ('age', '45-54', 6, '45 to 54'),
          ('age', '55-64', 7, '55 to 64'), ('age', '65-plus', 8, '65 and over'),
          ('age', 'prefer-not-to-say', 9, 'Prefer not to say'),
          ('gender', 'woman', 1, 'Woman'), ('gender', 'man', 2, 'Man'), ('gender', 'non-binary', 3, 'Non-binary'),
          ('gender', 'another-way', 4, 'In another way'), ('gender', 'prefer-not-to-say', 5, 'Prefer not to say'),
          ('ethnicity', 'asian', 1, 'Asian or Asian British'),
          ('ethnicity', 'black', 2, 'Black, Black British, Caribbean or African'),
          ('ethnicity', 'mixed', 3, 'Mixed or multiple ethnic groups'), ('ethnicity', 'white', 4, 'White'),
          ('ethnicity', 'other', 5, 'Another ethnic group'),
          ('ethnicity', 'prefer-not-to-say', 6, 'Prefer not to say'),
          ('disability', 'yes', 1, 'Disabled'), ('disability', 'no', 2, 'Not disabled'),
          ('disability', 'prefer-not-to-say', 3, 'Prefer not to say');
        CREATE TABLE "grant_reports" (
          "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "award_id" text COLLATE "C" NOT NULL REFERENCES "awards"("id"),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "at" text COLLATE "C" NOT NULL
            CHECK ("at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "spent" bigint NOT NULL CHECK ("spent" >= 0),
          "people" bigint NOT NULL CHECK ("people" BETWEEN 0 AND 100000000),
          "summary" text COLLATE "C" NOT NULL CHECK (length("summary") BETWEEN 1 AND 4000));
        CREATE INDEX "grant_reports_on_award" ON "grant_reports"("award_id", "id");
        CREATE FUNCTION grant_reports_within_award() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF NEW.spent > (SELECT amount FROM awards WHERE id = NEW.award_id) THEN
            RAISE EXCEPTION 'a report cannot say more was spent than was awarded' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER grant_reports_within_award BEFORE INSERT ON grant_reports
        FOR EACH ROW EXECUTE FUNCTION grant_reports_within_award();
        CREATE TABLE "grant_report_outcomes" (
          "report_id" bigint NOT NULL REFERENCES "grant_reports"("id"),
          "priority" text COLLATE "C" NOT NULL
            CHECK (length("priority") BETWEEN 1 AND 64 AND "priority" ~ '^[a-z0-9-]*$'),
          "people" bigint NOT NULL CHECK ("people" >= 0),
          "outcome" text COLLATE "C" NOT NULL CHECK (length("outcome") BETWEEN 1 AND 2000),
          PRIMARY KEY ("report_id", "priority"));
        CREATE FUNCTION grant_report_outcomes_within_people() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF NEW.people > (SELECT people FROM grant_reports WHERE id = NEW.report_id) THEN
            RAISE EXCEPTION 'a priority cannot have reached more people than the project did'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER grant_report_outcomes_within_people BEFORE INSERT ON grant_report_outcomes
        FOR EACH ROW EXECUTE FUNCTION grant_report_outcomes_within_people();
        CREATE TABLE "grant_report_monitoring" (
          "report_id" bigint NOT NULL REFERENCES "grant_reports"("id"),
          "dimension" text COLLATE "C" NOT NULL,
          "category" text COLLATE "C" NOT NULL,
          "people" bigint NOT NULL CHECK ("people" > 0),
          PRIMARY KEY ("report_id", "dimension", "category"),
          FOREIGN KEY ("dimension", "category") REFERENCES "monitoring_categories"("dimension", "category"));
        CREATE FUNCTION grant_report_monitoring_within_people() RETURNS trigger
        LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
        BEGIN
          IF NEW.people + coalesce((SELECT sum(people) FROM grant_report_monitoring
                                    WHERE report_id = NEW.report_id AND dimension = NEW.dimension), 0)
             > (SELECT people FROM grant_reports WHERE id = NEW.report_id)
          THEN
            RAISE EXCEPTION 'a dimension''s counts cannot add up to more people than the project reached'
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER grant_report_monitoring_within_people BEFORE INSERT ON grant_report_monitoring
        FOR EACH ROW EXECUTE FUNCTION grant_report_monitoring_within_people();
        CREATE TRIGGER monitoring_categories_never_updated BEFORE UPDATE ON monitoring_categories
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('monitoring categories are never edited');
        CREATE TRIGGER monitoring_categories_never_deleted BEFORE DELETE ON monitoring_categories
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('monitoring categories are never deleted');
        CREATE TRIGGER grant_reports_never_updated BEFORE UPDATE ON grant_reports
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('a report is never edited: send a corrected one');
        CREATE TRIGGER grant_reports_never_deleted BEFORE DELETE ON grant_reports
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('reports are never deleted');
        CREATE TRIGGER grant_report_outcomes_never_updated BEFORE UPDATE ON grant_report_outcomes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('a report is never edited: send a corrected one');
        CREATE TRIGGER grant_report_outcomes_never_deleted BEFORE DELETE ON grant_report_outcomes
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('reports are never deleted');
        CREATE TRIGGER grant_report_monitoring_never_updated BEFORE UPDATE ON grant_report_monitoring
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('a report is never edited: send a corrected one');
        CREATE TRIGGER grant_report_monitoring_never_deleted BEFORE DELETE ON grant_report_monitoring
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('reports are never deleted');

        -- ================================================================================================
        -- SQLite v8-api-tokens: tokens for scripts.
        -- ================================================================================================

        CREATE TABLE "api_tokens" (
          "id" bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          "token_hash" text COLLATE "C" NOT NULL UNIQUE
            CHECK (length("token_hash") = 64 AND "token_hash" ~ '^[0-9a-f]*$'),
          "account_id" bigint NOT NULL REFERENCES "accounts"("id"),
          "name" text COLLATE "C" NOT NULL CHECK (length("name") BETWEEN 1 AND 100),
          "created_at" text COLLATE "C" NOT NULL
            CHECK ("created_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "created_by" text COLLATE "C" NOT NULL CHECK (length("created_by") > 0),
          "expires_at" text COLLATE "C" NOT NULL
            CHECK ("expires_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          "revoked_at" text COLLATE "C" CHECK ("revoked_at" IS NULL OR
            "revoked_at" ~ '^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$'),
          CHECK ("expires_at" > "created_at"),
          CHECK ("revoked_at" IS NULL OR "revoked_at" >= "created_at"));
        CREATE INDEX "api_tokens_on_account" ON "api_tokens"("account_id");
        CREATE TRIGGER api_tokens_keep_whose
        BEFORE UPDATE OF id, token_hash, account_id, name, created_at, created_by, expires_at ON api_tokens
        FOR EACH ROW EXECUTE FUNCTION grants_refuse('a token''s secret, account, name and times never change');
        CREATE TRIGGER api_tokens_revoked_once BEFORE UPDATE OF revoked_at ON api_tokens
        FOR EACH ROW WHEN (OLD.revoked_at IS NOT NULL) EXECUTE FUNCTION grants_refuse('a token is revoked once');
        CREATE TRIGGER api_tokens_never_deleted BEFORE DELETE ON api_tokens
        FOR EACH ROW EXECUTE FUNCTION grants_append_only('tokens are revoked, never deleted');

        -- ================================================================================================
        -- Privileges (PostgreSQL only; SQLite has none): defence in depth beside the triggers.
        -- The schema's owner (a superuser or the database's owner) runs the migrations. The web server and the CLI
        -- should connect as a login role that is a member of grants_app (CREATE ROLE … LOGIN IN ROLE grants_app):
        -- it may read everything and append entries, update only the columns the application updates, and never
        -- delete or truncate. The running balances are written only by the SECURITY DEFINER triggers above, and the
        -- reference rows (roles, event kinds, outcomes, categories) only by migrations.
        -- ================================================================================================

        -- Roles belong to the server, not the database: two databases migrated at once may both find none and
        -- both create it; the second's failure means it exists, which is all that is needed.
        DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'grants_app') THEN
            CREATE ROLE grants_app NOLOGIN;
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$;
        GRANT USAGE ON SCHEMA public TO grants_app;
        GRANT SELECT ON
          organisations, csp_members, funds, allocations, bids, awards, payments, underspend_returns, contributions,
          contribution_years, contribution_withdrawals, history, allocation_changes, claims, award_closures,
          award_withdrawals, year_closures, contribution_receipts,
          organisation_publication, award_register,
          allocation_days, fund_days, award_balances,
          account_roles, account_event_kinds, accounts, account_emails, account_events, sessions, sign_in_outcomes,
          sign_in_log,
          invitations, bid_drafts, bid_submissions,
          monitoring_categories, grant_reports, grant_report_outcomes, grant_report_monitoring,
          api_tokens,
          allocation_totals, award_commitments, award_outturns, award_states,
          allocation_days_from_entries, fund_days_from_entries, award_balances_from_entries
        TO grants_app;
        GRANT INSERT ON
          organisations, csp_members, funds, allocations, bids, awards, payments, underspend_returns, contributions,
          contribution_years, contribution_withdrawals, history, allocation_changes, claims, award_closures,
          award_withdrawals, year_closures, contribution_receipts,
          organisation_publication, award_register,
          accounts, account_emails, account_events, sessions, sign_in_log,
          invitations, bid_drafts, bid_submissions,
          grant_reports, grant_report_outcomes, grant_report_monitoring,
          api_tokens
        TO grants_app;
        GRANT USAGE ON SEQUENCE
          history_seq_seq, accounts_id_seq, account_events_seq_seq, sessions_id_seq, sign_in_log_seq_seq,
          invitations_seq_seq, bid_drafts_id_seq, grant_reports_id_seq, api_tokens_id_seq
        TO grants_app;
        GRANT UPDATE (seen_at, ended_at) ON sessions TO grants_app;
        GRANT UPDATE (used_at) ON invitations TO grants_app;
        GRANT UPDATE (form, saved_at, saved_by, bid_id) ON bid_drafts TO grants_app;
        GRANT UPDATE (revoked_at) ON api_tokens TO grants_app;
        -- The balance functions run as the schema's owner: no one else may attach them to a table of their own.
        -- (A trigger fires whoever writes; EXECUTE is checked only when the trigger is made.)
        REVOKE EXECUTE ON FUNCTION
          allocations_balance(), allocation_changes_balance(), awards_balance(), award_releases_balance(),
          claims_balance(), payments_balance(), underspend_returns_balance()
        FROM PUBLIC;
        -- The migration runner's own table, where it exists (it records the migrations run): the application reads it
        -- when it opens the ledger.
        DO $$ BEGIN
          IF to_regclass('grants_schema_migrations') IS NOT NULL THEN
            GRANT SELECT ON grants_schema_migrations TO grants_app;
          END IF;
        END $$;
        """#
}
