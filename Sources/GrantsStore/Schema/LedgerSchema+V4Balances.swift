import GRDB

extension LedgerSchema {
    /// Running balances, kept by the ledger itself in the transaction of every entry, so that no write has to add up
    /// what came before it (v1's triggers summed every award on an allocation or fund at each insert, which made an
    /// import quadratic).
    ///
    /// - `allocation_days`: for each allocation and each day on which something happened to it, what it held and what
    ///   its awards committed at the end of that day (running totals). `CHECK (committed <= held)` holds the
    ///   every-day rule: no day on which an allocation commits more than it holds.
    /// - `fund_days`: the same for a fund: what its allocations and direct awards drew at the end of each such day,
    ///   against its budget.
    /// - `award_balances`: per award, what it released (at close or withdrawal), and what was claimed, paid and
    ///   returned on it, each guarded by a `CHECK`.
    ///
    /// A ledger kept by a release before the every-day rule may already commit more than an allocation held on some
    /// day (an award dated before its allocation), or draw more than a fund on some day. It must stay usable: each
    /// such day's excess is kept as `overdrawn` when the tables are filled, a day row added later carries the excess
    /// of the day before it, and the CHECKs allow that much and no more, so no new entry can add to it.
    ///
    /// An entry dated on the last day with events updates one row of each table it touches (a B-tree lookup); one
    /// dated earlier updates the rows of the days after it too, which a calendar bounds (a fund's days span two
    /// years at most), whatever the number of entries. A refused write fails its statement, which undoes the entry
    /// and every balance it moved. v1's summing triggers are dropped; its checks that were not sums (an award's
    /// allocation is on the award's fund; no claim on a closed or withdrawn award) are kept as triggers of their own.
    ///
    /// Three indexes serve the returns at scale: a recipient's local authority by location code (looked up per award
    /// line), and payments and claims by date (a period's lines).
    ///
    /// `allocation_days_from_entries`, `fund_days_from_entries` and `award_balances_from_entries` recompute each table
    /// from the entries alone: the migration fills the tables from them, and `reconcile` compares the two.
    ///
    /// Shipped with release 4; never edit it. Written out in full, reading no other type or shared value.
    static func v4Balances(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER allocations_within_fund;
            DROP TRIGGER awards_within_allocation;
            DROP TRIGGER awards_within_fund;
            DROP TRIGGER allocation_changes_within_limits;
            DROP TRIGGER payments_within_award;
            DROP TRIGGER returns_within_paid;
            DROP TRIGGER claims_within_award;

            CREATE TABLE allocation_days (
              allocation_id TEXT NOT NULL REFERENCES allocations(id), day TEXT NOT NULL,
              held INTEGER NOT NULL, committed INTEGER NOT NULL, overdrawn INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (allocation_id, day),
              CONSTRAINT allocation_commits_no_more_than_it_holds CHECK (committed <= held + overdrawn))
              STRICT, WITHOUT ROWID;
            CREATE TABLE fund_days (
              fund_id TEXT NOT NULL REFERENCES funds(id), day TEXT NOT NULL,
              budget INTEGER NOT NULL, drawn INTEGER NOT NULL, overdrawn INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (fund_id, day),
              CONSTRAINT fund_draws_no_more_than_its_budget CHECK (drawn <= budget + overdrawn)) STRICT, WITHOUT ROWID;
            CREATE TABLE award_balances (
              award_id TEXT PRIMARY KEY NOT NULL REFERENCES awards(id), amount INTEGER NOT NULL,
              released INTEGER NOT NULL, claimed INTEGER NOT NULL, paid INTEGER NOT NULL, returned INTEGER NOT NULL,
              CONSTRAINT award_claims_no_more_than_it_grants CHECK (claimed <= amount),
              CONSTRAINT award_pays_no_more_than_it_grants CHECK (paid <= amount),
              CONSTRAINT award_returns_no_more_than_was_paid CHECK (returned <= paid),
              CONSTRAINT award_releases_no_more_than_is_unpaid CHECK (released >= 0 AND paid + released <= amount))
              STRICT, WITHOUT ROWID;

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
              SUM(held) OVER running AS held, SUM(committed) OVER running AS committed
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
            SELECT d.fund_id, d.day, f.amount AS budget, SUM(d.drawn) OVER running AS drawn
            FROM days d JOIN funds f ON f.id = d.fund_id WINDOW running AS (PARTITION BY d.fund_id ORDER BY d.day);

            CREATE VIEW award_balances_from_entries AS
            SELECT a.id AS award_id, a.amount,
              COALESCE((SELECT released FROM award_closures WHERE award_id = a.id),
                       (SELECT released FROM award_withdrawals WHERE award_id = a.id), 0) AS released,
              (SELECT COALESCE(SUM(amount), 0) FROM claims WHERE award_id = a.id) AS claimed,
              (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE award_id = a.id) AS paid,
              (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns WHERE award_id = a.id) AS returned
            FROM awards a;

            INSERT INTO allocation_days (allocation_id, day, held, committed, overdrawn)
              SELECT allocation_id, day, held, committed, MAX(0, committed - held) FROM allocation_days_from_entries;
            INSERT INTO fund_days (fund_id, day, budget, drawn, overdrawn)
              SELECT fund_id, day, budget, drawn, MAX(0, drawn - budget) FROM fund_days_from_entries;
            INSERT INTO award_balances (award_id, amount, released, claimed, paid, returned)
              SELECT award_id, amount, released, claimed, paid, returned FROM award_balances_from_entries;

            CREATE TRIGGER awards_on_their_allocations_fund BEFORE INSERT ON awards
            WHEN NEW.allocation_id IS NOT NULL
             AND (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id) IS NOT NEW.fund_id
            BEGIN SELECT RAISE(ABORT, 'award exceeds its allocation'); END;

            CREATE TRIGGER claims_of_open_awards BEFORE INSERT ON claims
            WHEN EXISTS (SELECT 1 FROM award_closures WHERE award_id = NEW.award_id)
              OR EXISTS (SELECT 1 FROM award_withdrawals WHERE award_id = NEW.award_id)
            BEGIN SELECT RAISE(ABORT, 'claim on a closed or withdrawn award'); END;

            CREATE TRIGGER allocations_balance AFTER INSERT ON allocations
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
            END;

            CREATE TRIGGER allocation_changes_balance AFTER INSERT ON allocation_changes
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
            END;

            CREATE TRIGGER awards_balance AFTER INSERT ON awards
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
            END;

            CREATE TRIGGER award_closures_balance AFTER INSERT ON award_closures
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
            END;

            CREATE TRIGGER award_withdrawals_balance AFTER INSERT ON award_withdrawals
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
            END;

            CREATE TRIGGER claims_balance AFTER INSERT ON claims
            BEGIN UPDATE award_balances SET claimed = claimed + NEW.amount WHERE award_id = NEW.award_id; END;
            CREATE TRIGGER payments_balance AFTER INSERT ON payments
            BEGIN UPDATE award_balances SET paid = paid + NEW.amount WHERE award_id = NEW.award_id; END;
            CREATE TRIGGER underspend_returns_balance AFTER INSERT ON underspend_returns
            BEGIN UPDATE award_balances SET returned = returned + NEW.amount WHERE award_id = NEW.award_id; END;

            CREATE INDEX organisations_on_kind_and_location ON organisations(kind, location_code, id);
            CREATE INDEX payments_on_date ON payments(date);
            CREATE INDEX claims_on_date ON claims(date);

            CREATE TRIGGER allocation_days_never_deleted BEFORE DELETE ON allocation_days
            BEGIN SELECT RAISE(ABORT, 'running balances are never deleted'); END;
            CREATE TRIGGER fund_days_never_deleted BEFORE DELETE ON fund_days
            BEGIN SELECT RAISE(ABORT, 'running balances are never deleted'); END;
            CREATE TRIGGER award_balances_never_deleted BEFORE DELETE ON award_balances
            BEGIN SELECT RAISE(ABORT, 'running balances are never deleted'); END;
            """)
    }
}
