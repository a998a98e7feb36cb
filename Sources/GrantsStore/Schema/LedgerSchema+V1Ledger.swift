import GRDB

extension LedgerSchema {
    /// The first schema, exactly as it shipped: every table, view, index and trigger of the ledger as it stood at
    /// release 1. Written out as literal SQL, reading no other type or shared value, so that nothing changed later
    /// can change what this migration does. It creates `payments` and then adds `claim_id` to it, as it always did.
    ///
    /// Never edit this text: a ledger people already keep ran it once, and a fresh ledger must end up the same.
    /// (A line ending in a backslash continues on the next without a line break: the SQL is the same bytes.)
    static func v1Ledger(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "organisations" ("id" TEXT PRIMARY KEY NOT NULL, "name" TEXT NOT NULL, "kind" TEXT NOT \
            NULL, \
            "charity_number" TEXT, "company_number" TEXT, "location_code" TEXT, \
            "example" INTEGER NOT NULL CHECK ("example" IN (0, 1))) STRICT;
            CREATE TABLE "csp_members" ("csp_id" TEXT NOT NULL REFERENCES "organisations"("id"), \
            "member_id" TEXT NOT NULL REFERENCES "organisations"("id"), "position" INTEGER NOT NULL, \
            PRIMARY KEY ("csp_id", "member_id")) STRICT;
            CREATE TABLE "funds" ("id" TEXT PRIMARY KEY NOT NULL, "name" TEXT NOT NULL, "scheme" TEXT NOT NULL, \
            "year_start" INTEGER NOT NULL, "amount" INTEGER NOT NULL CHECK ("amount" > 0), \
            "funder_id" TEXT NOT NULL REFERENCES "organisations"("id")) STRICT;
            CREATE TABLE "allocations" ("id" TEXT PRIMARY KEY NOT NULL, \
            "fund_id" TEXT NOT NULL REFERENCES "funds"("id"), \
            "csp_id" TEXT NOT NULL REFERENCES "organisations"("id"), "amount" INTEGER NOT NULL CHECK ("amount" > 0), \
            "decision" TEXT NOT NULL, "date" TEXT NOT NULL) STRICT;
            CREATE INDEX "allocations_on_fund_id" ON "allocations"("fund_id");
            CREATE TABLE "bids" ("id" TEXT PRIMARY KEY NOT NULL, "fund_id" TEXT NOT NULL REFERENCES "funds"("id"), \
            "applicant_id" TEXT NOT NULL REFERENCES "organisations"("id"), "title" TEXT NOT NULL, \
            "requested" INTEGER NOT NULL CHECK ("requested" > 0), "submitted" TEXT NOT NULL, \
            "csp_id" TEXT REFERENCES "organisations"("id")) STRICT;
            CREATE TABLE "awards" ("id" TEXT PRIMARY KEY NOT NULL, "bid_id" TEXT REFERENCES "bids"("id"), \
            "fund_id" TEXT NOT NULL REFERENCES "funds"("id"), "allocation_id" TEXT REFERENCES "allocations"("id"), \
            "recipient_id" TEXT NOT NULL REFERENCES "organisations"("id"), "title" TEXT NOT NULL, \
            "amount" INTEGER NOT NULL CHECK ("amount" > 0), "decision" TEXT NOT NULL, "award_date" TEXT NOT NULL, \
            "planned_start" TEXT NOT NULL, "planned_end" TEXT NOT NULL, "priorities" TEXT NOT NULL, \
            CHECK (planned_start <= planned_end)) STRICT;
            CREATE INDEX "awards_on_fund_id" ON "awards"("fund_id");
            CREATE INDEX "awards_on_allocation_id" ON "awards"("allocation_id");
            CREATE TABLE "payments" ("id" TEXT PRIMARY KEY NOT NULL, \
            "award_id" TEXT NOT NULL REFERENCES "awards"("id"), "amount" INTEGER NOT NULL CHECK ("amount" > 0), \
            "date" TEXT NOT NULL, "reference" TEXT) STRICT;
            CREATE INDEX "payments_on_award_id" ON "payments"("award_id");
            CREATE TABLE "underspend_returns" ("id" TEXT PRIMARY KEY NOT NULL, \
            "award_id" TEXT NOT NULL REFERENCES "awards"("id"), "amount" INTEGER NOT NULL CHECK ("amount" > 0), \
            "date" TEXT NOT NULL, "reason" TEXT) STRICT;
            CREATE INDEX "underspend_returns_on_award_id" ON "underspend_returns"("award_id");
            CREATE TABLE "contributions" ("id" TEXT PRIMARY KEY NOT NULL, \
            "contributor_id" TEXT NOT NULL REFERENCES "organisations"("id"), \
            "recipient_id" TEXT NOT NULL REFERENCES "organisations"("id"), "service" TEXT NOT NULL, \
            "committed" TEXT NOT NULL, "reason" TEXT NOT NULL) STRICT;
            CREATE TABLE "contribution_years" ("contribution_id" TEXT NOT NULL REFERENCES "contributions"("id"), \
            "year_start" INTEGER NOT NULL, "amount" INTEGER NOT NULL CHECK ("amount" > 0), \
            PRIMARY KEY ("contribution_id", "year_start")) STRICT;
            CREATE TABLE "contribution_withdrawals" ("id" TEXT PRIMARY KEY NOT NULL, \
            "contribution_id" TEXT NOT NULL UNIQUE REFERENCES "contributions"("id"), "effective" TEXT NOT NULL, \
            "reason" TEXT NOT NULL) STRICT;
            CREATE TABLE "history" ("seq" INTEGER PRIMARY KEY AUTOINCREMENT, "at" TEXT NOT NULL, \
            "actor" TEXT NOT NULL, "action" TEXT NOT NULL, "kind" TEXT NOT NULL, "entry_id" TEXT NOT NULL, \
            "reason" TEXT NOT NULL, "source" TEXT, "detail" TEXT NOT NULL) STRICT;
            CREATE TABLE "allocation_changes" ("id" TEXT PRIMARY KEY NOT NULL, \
            "allocation_id" TEXT NOT NULL REFERENCES "allocations"("id"), \
            "delta" INTEGER NOT NULL CHECK ("delta" <> 0), "decision" TEXT NOT NULL, "date" TEXT NOT NULL, \
            "reason" TEXT NOT NULL) STRICT;
            CREATE INDEX "allocation_changes_on_allocation_id" ON "allocation_changes"("allocation_id");
            CREATE VIEW allocation_totals AS
            SELECT al.id AS allocation_id, al.fund_id, al.csp_id,
              al.amount + COALESCE((SELECT SUM(delta) FROM allocation_changes c WHERE c.allocation_id = al.id), \
            0) AS amount
            FROM allocations al;
            CREATE TABLE "claims" ("id" TEXT PRIMARY KEY NOT NULL, \
            "award_id" TEXT NOT NULL REFERENCES "awards"("id"), "period_start" TEXT NOT NULL, \
            "period_end" TEXT NOT NULL, "amount" INTEGER NOT NULL CHECK ("amount" > 0), "date" TEXT NOT NULL, \
            CHECK (period_start <= period_end)) STRICT;
            CREATE INDEX "claims_on_award_id" ON "claims"("award_id");
            ALTER TABLE "payments" ADD COLUMN "claim_id" TEXT REFERENCES "claims"("id");
            CREATE UNIQUE INDEX payments_one_per_claim ON payments(claim_id) WHERE claim_id IS NOT NULL;
            CREATE TABLE "award_closures" ("id" TEXT PRIMARY KEY NOT NULL, \
            "award_id" TEXT NOT NULL UNIQUE REFERENCES "awards"("id"), "spent" INTEGER NOT NULL CHECK ("spent" >= \
            0), \
            "released" INTEGER NOT NULL CHECK ("released" >= 0), "owed" INTEGER NOT NULL CHECK ("owed" >= 0), \
            "date" TEXT NOT NULL) STRICT;
            CREATE TABLE "award_withdrawals" ("id" TEXT PRIMARY KEY NOT NULL, \
            "award_id" TEXT NOT NULL UNIQUE REFERENCES "awards"("id"), \
            "released" INTEGER NOT NULL CHECK ("released" >= 0), "date" TEXT NOT NULL, \
            "reason" TEXT NOT NULL) STRICT;
            CREATE TABLE "year_closures" ("year_start" INTEGER PRIMARY KEY, "date" TEXT NOT NULL) STRICT;
            CREATE TABLE "contribution_receipts" ("id" TEXT PRIMARY KEY NOT NULL, \
            "contribution_id" TEXT NOT NULL REFERENCES "contributions"("id"), "year_start" INTEGER NOT NULL, \
            "amount" INTEGER NOT NULL CHECK ("amount" > 0), "date" TEXT NOT NULL) STRICT;
            CREATE INDEX "contribution_receipts_on_contribution_id" ON "contribution_receipts"("contribution_id");
            CREATE VIEW award_commitments AS
            SELECT a.id AS award_id, a.fund_id, a.allocation_id,
              a.amount - COALESCE((SELECT released FROM award_closures c WHERE c.award_id = a.id), 0)
                       - COALESCE((SELECT released FROM award_withdrawals w WHERE w.award_id = a.id), 0) AS committed
            FROM awards a;
            CREATE VIEW award_outturns AS
            SELECT a.id AS award_id, a.fund_id, a.allocation_id,
              CASE
                WHEN EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = a.id) THEN 0
                WHEN EXISTS (SELECT 1 FROM award_closures c WHERE c.award_id = a.id) THEN
                  MIN((SELECT spent FROM award_closures c WHERE c.award_id = a.id),
                      (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.award_id = a.id))
                ELSE a.amount
              END AS forecast
            FROM awards a;
            CREATE TRIGGER allocations_within_fund BEFORE INSERT ON allocations
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM allocation_totals WHERE fund_id = NEW.fund_id)
               + (SELECT COALESCE(SUM(committed), \
            0) FROM award_commitments WHERE fund_id = NEW.fund_id AND allocation_id IS NULL)
               + NEW.amount > (SELECT amount FROM funds WHERE id = NEW.fund_id)
            BEGIN SELECT RAISE(ABORT, 'allocation exceeds its fund'); END;
            CREATE TRIGGER awards_within_allocation BEFORE INSERT ON awards
            WHEN NEW.allocation_id IS NOT NULL AND (
                 (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE allocation_id = NEW.allocation_id)
                   + NEW.amount > (SELECT amount FROM allocation_totals WHERE allocation_id = NEW.allocation_id)
              OR (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id) IS NOT NEW.fund_id)
            BEGIN SELECT RAISE(ABORT, 'award exceeds its allocation'); END;
            CREATE TRIGGER awards_within_fund BEFORE INSERT ON awards
            WHEN NEW.allocation_id IS NULL
             AND (SELECT COALESCE(SUM(amount), 0) FROM allocation_totals WHERE fund_id = NEW.fund_id)
               + (SELECT COALESCE(SUM(committed), \
            0) FROM award_commitments WHERE fund_id = NEW.fund_id AND allocation_id IS NULL)
               + NEW.amount > (SELECT amount FROM funds WHERE id = NEW.fund_id)
            BEGIN SELECT RAISE(ABORT, 'award exceeds its fund'); END;
            CREATE TRIGGER payments_within_award BEFORE INSERT ON payments
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE award_id = NEW.award_id) + NEW.amount
               > (SELECT amount FROM awards WHERE id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'payment exceeds its award'); END;
            CREATE TRIGGER returns_within_paid BEFORE INSERT ON underspend_returns
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns WHERE award_id = NEW.award_id) + NEW.amount
               > (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'underspend returned exceeds what was paid'); END;
            CREATE TRIGGER awards_not_in_closed_year BEFORE INSERT ON awards
            WHEN EXISTS (SELECT 1 FROM year_closures y JOIN funds f ON f.year_start = y.year_start WHERE f.id = \
            NEW.fund_id)
            BEGIN SELECT RAISE(ABORT, 'the financial year is closed'); END;
            CREATE TRIGGER claims_within_award BEFORE INSERT ON claims
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM claims WHERE award_id = NEW.award_id) + NEW.amount
               > (SELECT amount FROM awards WHERE id = NEW.award_id)
              OR EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
              OR EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'claim exceeds its award, or the award is closed or withdrawn'); END;
            CREATE TRIGGER payments_of_open_awards BEFORE INSERT ON payments
            WHEN EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
              OR EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
              OR (NEW.claim_id IS NOT NULL AND (SELECT amount FROM claims WHERE id = NEW.claim_id) IS NOT NEW.amount)
              OR (NEW.claim_id IS NOT NULL AND (SELECT award_id FROM claims WHERE id = NEW.claim_id) IS NOT \
            NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'payment of a closed or withdrawn award, or not what its claim asked'); END;
            CREATE TRIGGER withdrawals_before_payment BEFORE INSERT ON award_withdrawals
            WHEN EXISTS (SELECT 1 FROM payments WHERE award_id = NEW.award_id)
              OR EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'an award with payments or a closure cannot be withdrawn'); END;
            CREATE TRIGGER allocation_changes_within_limits BEFORE INSERT ON allocation_changes
            WHEN (SELECT amount FROM allocation_totals WHERE allocation_id = NEW.allocation_id) + NEW.delta
                 < (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE allocation_id = NEW.allocation_id)
              OR (SELECT COALESCE(SUM(t.amount), 0) FROM allocation_totals t
                  WHERE t.fund_id = (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id))
                 + (SELECT COALESCE(SUM(committed), 0) FROM award_commitments w
                    WHERE w.allocation_id IS NULL AND w.fund_id = (SELECT fund_id FROM allocations WHERE id = \
            NEW.allocation_id))
                 + NEW.delta > (SELECT f.amount FROM funds f JOIN allocations a ON a.fund_id = f.id WHERE a.id = \
            NEW.allocation_id)
            BEGIN SELECT RAISE(ABORT, 'allocation change takes away committed money or exceeds the fund'); END;
            CREATE TRIGGER receipts_within_instalment BEFORE INSERT ON contribution_receipts
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM contribution_receipts
                  WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start) + NEW.amount
               > COALESCE((SELECT amount FROM contribution_years
                  WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start), 0)
            BEGIN SELECT RAISE(ABORT, 'receipt exceeds the year''s contribution'); END;
            CREATE TRIGGER allocations_never_replaced_0 BEFORE INSERT ON allocations
            WHEN EXISTS (SELECT 1 FROM allocations WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER awards_never_replaced_0 BEFORE INSERT ON awards
            WHEN EXISTS (SELECT 1 FROM awards WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER bids_never_replaced_0 BEFORE INSERT ON bids
            WHEN EXISTS (SELECT 1 FROM bids WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER contribution_withdrawals_never_replaced_0 BEFORE INSERT ON contribution_withdrawals
            WHEN EXISTS (SELECT 1 FROM contribution_withdrawals WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER contribution_withdrawals_never_replaced_1 BEFORE INSERT ON contribution_withdrawals
            WHEN EXISTS (SELECT 1 FROM contribution_withdrawals WHERE contribution_id = NEW.contribution_id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER contribution_years_never_replaced_0 BEFORE INSERT ON contribution_years
            WHEN EXISTS (SELECT 1 FROM contribution_years WHERE contribution_id = NEW.contribution_id AND \
            year_start = NEW.year_start)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER contributions_never_replaced_0 BEFORE INSERT ON contributions
            WHEN EXISTS (SELECT 1 FROM contributions WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER csp_members_never_replaced_0 BEFORE INSERT ON csp_members
            WHEN EXISTS (SELECT 1 FROM csp_members WHERE csp_id = NEW.csp_id AND member_id = NEW.member_id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER funds_never_replaced_0 BEFORE INSERT ON funds
            WHEN EXISTS (SELECT 1 FROM funds WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER history_never_replaced_0 BEFORE INSERT ON history
            WHEN EXISTS (SELECT 1 FROM history WHERE seq = NEW.seq)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER organisations_never_replaced_0 BEFORE INSERT ON organisations
            WHEN EXISTS (SELECT 1 FROM organisations WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER payments_never_replaced_0 BEFORE INSERT ON payments
            WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER underspend_returns_never_replaced_0 BEFORE INSERT ON underspend_returns
            WHEN EXISTS (SELECT 1 FROM underspend_returns WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER allocations_never_updated BEFORE UPDATE ON allocations
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER allocations_never_deleted BEFORE DELETE ON allocations
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER awards_never_updated BEFORE UPDATE ON awards
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER awards_never_deleted BEFORE DELETE ON awards
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER bids_never_updated BEFORE UPDATE ON bids
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER bids_never_deleted BEFORE DELETE ON bids
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER contribution_withdrawals_never_updated BEFORE UPDATE ON contribution_withdrawals
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER contribution_withdrawals_never_deleted BEFORE DELETE ON contribution_withdrawals
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER contribution_years_never_updated BEFORE UPDATE ON contribution_years
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER contribution_years_never_deleted BEFORE DELETE ON contribution_years
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER contributions_never_updated BEFORE UPDATE ON contributions
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER contributions_never_deleted BEFORE DELETE ON contributions
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER csp_members_never_updated BEFORE UPDATE ON csp_members
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER csp_members_never_deleted BEFORE DELETE ON csp_members
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER funds_never_updated BEFORE UPDATE ON funds
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER funds_never_deleted BEFORE DELETE ON funds
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER history_never_updated BEFORE UPDATE ON history
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER history_never_deleted BEFORE DELETE ON history
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER organisations_never_updated BEFORE UPDATE ON organisations
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER organisations_never_deleted BEFORE DELETE ON organisations
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER payments_never_updated BEFORE UPDATE ON payments
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER payments_never_deleted BEFORE DELETE ON payments
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER underspend_returns_never_updated BEFORE UPDATE ON underspend_returns
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER underspend_returns_never_deleted BEFORE DELETE ON underspend_returns
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER allocation_changes_never_replaced_0 BEFORE INSERT ON allocation_changes
            WHEN EXISTS (SELECT 1 FROM allocation_changes WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER award_closures_never_replaced_0 BEFORE INSERT ON award_closures
            WHEN EXISTS (SELECT 1 FROM award_closures WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER award_closures_never_replaced_1 BEFORE INSERT ON award_closures
            WHEN EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER award_withdrawals_never_replaced_0 BEFORE INSERT ON award_withdrawals
            WHEN EXISTS (SELECT 1 FROM award_withdrawals WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER award_withdrawals_never_replaced_1 BEFORE INSERT ON award_withdrawals
            WHEN EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER claims_never_replaced_0 BEFORE INSERT ON claims
            WHEN EXISTS (SELECT 1 FROM claims WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER contribution_receipts_never_replaced_0 BEFORE INSERT ON contribution_receipts
            WHEN EXISTS (SELECT 1 FROM contribution_receipts WHERE id = NEW.id)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER year_closures_never_replaced_0 BEFORE INSERT ON year_closures
            WHEN EXISTS (SELECT 1 FROM year_closures WHERE year_start = NEW.year_start)
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
            CREATE TRIGGER allocation_changes_never_updated BEFORE UPDATE ON allocation_changes
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER allocation_changes_never_deleted BEFORE DELETE ON allocation_changes
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER award_closures_never_updated BEFORE UPDATE ON award_closures
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER award_closures_never_deleted BEFORE DELETE ON award_closures
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER award_withdrawals_never_updated BEFORE UPDATE ON award_withdrawals
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER award_withdrawals_never_deleted BEFORE DELETE ON award_withdrawals
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER claims_never_updated BEFORE UPDATE ON claims
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER claims_never_deleted BEFORE DELETE ON claims
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER contribution_receipts_never_updated BEFORE UPDATE ON contribution_receipts
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER contribution_receipts_never_deleted BEFORE DELETE ON contribution_receipts
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER year_closures_never_updated BEFORE UPDATE ON year_closures
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER year_closures_never_deleted BEFORE DELETE ON year_closures
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            """)
    }
}
