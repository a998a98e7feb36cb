import GRDB

/// The ledger's migrations. They use SQL and GRDB's schema API only, never the application's types, so an old
/// migration keeps meaning what it meant when it shipped.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger") { db in
            try createTables(db)
            try createLifecycleTables(db)
            try createInvariantTriggers(db)
            try createAppendOnlyTriggers(db, tables: ledgerKeys)
            try createAppendOnlyTriggers(db, tables: lifecycleKeys)
        }
        return migrator
    }


    private static func createTables(_ db: Database) throws {
        try db.create(table: "organisations", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("charity_number", .text)
            t.column("company_number", .text)
            t.column("location_code", .text)
            t.column("example", .integer).notNull().check { [0, 1].contains($0) }
        }
        try db.create(table: "csp_members", options: .strict) { t in
            t.column("csp_id", .text).notNull().references("organisations")
            t.column("member_id", .text).notNull().references("organisations")
            t.column("position", .integer).notNull()
            t.primaryKey(["csp_id", "member_id"])
        }
        try db.create(table: "funds", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("name", .text).notNull()
            t.column("scheme", .text).notNull()
            t.column("year_start", .integer).notNull()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("funder_id", .text).notNull().references("organisations")
        }
        try db.create(table: "allocations", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("fund_id", .text).notNull().references("funds").indexed()
            t.column("csp_id", .text).notNull().references("organisations")
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("decision", .text).notNull()
            t.column("date", .text).notNull()
        }
        try db.create(table: "bids", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("fund_id", .text).notNull().references("funds")
            t.column("applicant_id", .text).notNull().references("organisations")
            t.column("title", .text).notNull()
            t.column("requested", .integer).notNull().check { $0 > 0 }
            t.column("submitted", .text).notNull()
            t.column("csp_id", .text).references("organisations")
        }
        try db.create(table: "awards", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("bid_id", .text).references("bids")
            t.column("fund_id", .text).notNull().references("funds").indexed()
            t.column("allocation_id", .text).references("allocations").indexed()
            t.column("recipient_id", .text).notNull().references("organisations")
            t.column("title", .text).notNull()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("decision", .text).notNull()
            t.column("award_date", .text).notNull()
            t.column("planned_start", .text).notNull()
            t.column("planned_end", .text).notNull()
            t.column("priorities", .text).notNull()
            t.check(sql: "planned_start <= planned_end")
        }
        try db.create(table: "payments", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("award_id", .text).notNull().references("awards").indexed()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("date", .text).notNull()
            t.column("reference", .text)
        }
        try db.create(table: "underspend_returns", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("award_id", .text).notNull().references("awards").indexed()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("date", .text).notNull()
            t.column("reason", .text)
        }
        try db.create(table: "contributions", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("contributor_id", .text).notNull().references("organisations")
            t.column("recipient_id", .text).notNull().references("organisations")
            t.column("service", .text).notNull()
            t.column("committed", .text).notNull()
            t.column("reason", .text).notNull()
        }
        try db.create(table: "contribution_years", options: .strict) { t in
            t.column("contribution_id", .text).notNull().references("contributions")
            t.column("year_start", .integer).notNull()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.primaryKey(["contribution_id", "year_start"])
        }
        try db.create(table: "contribution_withdrawals", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("contribution_id", .text).notNull().unique().references("contributions")
            t.column("effective", .text).notNull()
            t.column("reason", .text).notNull()
        }
        try db.create(table: "history", options: .strict) { t in
            t.autoIncrementedPrimaryKey("seq")
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("entry_id", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("source", .text)
            t.column("detail", .text).notNull()
        }
    }

    /// The key columns of each table: a row may never be inserted over an existing one, since
    /// `INSERT OR REPLACE` deletes the old row without firing a DELETE trigger.
    static let ledgerKeys: [String: [[String]]] = [
        "organisations": [["id"]], "csp_members": [["csp_id", "member_id"]], "funds": [["id"]],
        "allocations": [["id"]], "bids": [["id"]], "awards": [["id"]], "payments": [["id"]],
        "underspend_returns": [["id"]], "contributions": [["id"]],
        "contribution_years": [["contribution_id", "year_start"]],
        "contribution_withdrawals": [["id"], ["contribution_id"]], "history": [["seq"]],
    ]

    /// The award lifecycle's tables and their keys.
    static let lifecycleKeys: [String: [[String]]] = [
        "claims": [["id"]], "award_closures": [["id"], ["award_id"]], "award_withdrawals": [["id"], ["award_id"]],
        "year_closures": [["year_start"]], "contribution_receipts": [["id"]], "allocation_changes": [["id"]],
    ]

    /// Every table that holds entries: none is ever updated, deleted from or replaced into.
    static var entryTables: [String] { (Array(ledgerKeys.keys) + Array(lifecycleKeys.keys)).sorted() }

    private static func createAppendOnlyTriggers(_ db: Database, tables keys: [String: [[String]]]) throws {
        for (table, keySets) in keys.sorted(by: { $0.key < $1.key }) {
            for (index, columns) in keySets.enumerated() {
                let match = columns.map { "\($0) = NEW.\($0)" }.joined(separator: " AND ")
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_never_replaced_\(index) BEFORE INSERT ON \(table)
                    WHEN EXISTS (SELECT 1 FROM \(table) WHERE \(match))
                    BEGIN SELECT RAISE(ABORT, 'ledger entries are never replaced: record a correction instead'); END;
                    """)
            }
        }
        for table in keys.keys.sorted() {
            try db.execute(sql: """
                CREATE TRIGGER \(table)_never_updated BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
                CREATE TRIGGER \(table)_never_deleted BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
                """)
        }
    }

    private static func createLifecycleTables(_ db: Database) throws {
        try db.create(table: "allocation_changes", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("allocation_id", .text).notNull().references("allocations").indexed()
            t.column("delta", .integer).notNull().check { $0 != 0 }
            t.column("decision", .text).notNull()
            t.column("date", .text).notNull()
            t.column("reason", .text).notNull()
        }
        // Each allocation as it stands after every change decided since.
        try db.execute(sql: """
            CREATE VIEW allocation_totals AS
            SELECT al.id AS allocation_id, al.fund_id, al.csp_id,
              al.amount + COALESCE((SELECT SUM(delta) FROM allocation_changes c WHERE c.allocation_id = al.id), 0) AS amount
            FROM allocations al
            """)
        try db.create(table: "claims", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("award_id", .text).notNull().references("awards").indexed()
            t.column("period_start", .text).notNull()
            t.column("period_end", .text).notNull()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("date", .text).notNull()
            t.check(sql: "period_start <= period_end")
        }
        try db.alter(table: "payments") { t in
            t.add(column: "claim_id", .text).references("claims")
        }
        try db.execute(sql: "CREATE UNIQUE INDEX payments_one_per_claim ON payments(claim_id) WHERE claim_id IS NOT NULL")
        try db.create(table: "award_closures", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("award_id", .text).notNull().unique().references("awards")
            t.column("spent", .integer).notNull().check { $0 >= 0 }
            // Worked out when the return is recorded, and kept, so that triggers can read them.
            t.column("released", .integer).notNull().check { $0 >= 0 }
            t.column("owed", .integer).notNull().check { $0 >= 0 }
            t.column("date", .text).notNull()
        }
        try db.create(table: "award_withdrawals", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("award_id", .text).notNull().unique().references("awards")
            t.column("released", .integer).notNull().check { $0 >= 0 }
            t.column("date", .text).notNull()
            t.column("reason", .text).notNull()
        }
        try db.create(table: "year_closures", options: .strict) { t in
            t.primaryKey("year_start", .integer)
            t.column("date", .text).notNull()
        }
        try db.create(table: "contribution_receipts", options: .strict) { t in
            t.primaryKey("id", .text)
            t.column("contribution_id", .text).notNull().references("contributions").indexed()
            t.column("year_start", .integer).notNull()
            t.column("amount", .integer).notNull().check { $0 > 0 }
            t.column("date", .text).notNull()
        }
        // What each award still commits: its amount less what a closure or a withdrawal released.
        try db.execute(sql: """
            CREATE VIEW award_commitments AS
            SELECT a.id AS award_id, a.fund_id, a.allocation_id,
              a.amount - COALESCE((SELECT released FROM award_closures c WHERE c.award_id = a.id), 0)
                       - COALESCE((SELECT released FROM award_withdrawals w WHERE w.award_id = a.id), 0) AS committed
            FROM awards a
            """)
        // What each award is expected to cost in the end: what was spent (at most what was paid) once closed,
        // nothing once withdrawn, all of it while open.
        try db.execute(sql: """
            CREATE VIEW award_outturns AS
            SELECT a.id AS award_id, a.fund_id, a.allocation_id,
              CASE
                WHEN EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = a.id) THEN 0
                WHEN EXISTS (SELECT 1 FROM award_closures c WHERE c.award_id = a.id) THEN
                  MIN((SELECT spent FROM award_closures c WHERE c.award_id = a.id),
                      (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.award_id = a.id))
                ELSE a.amount
              END AS forecast
            FROM awards a
            """)
    }

    /// The same limits the Swift code checks, kept by SQLite too, so that no writer, however it reaches the file,
    /// can over-commit money. They count what awards still commit (after closures and withdrawals) and what
    /// allocations amount to (after changes).
    private static func createInvariantTriggers(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TRIGGER allocations_within_fund BEFORE INSERT ON allocations
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM allocation_totals WHERE fund_id = NEW.fund_id)
               + (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE fund_id = NEW.fund_id AND allocation_id IS NULL)
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
               + (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE fund_id = NEW.fund_id AND allocation_id IS NULL)
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
            WHEN EXISTS (SELECT 1 FROM year_closures y JOIN funds f ON f.year_start = y.year_start WHERE f.id = NEW.fund_id)
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
              OR (NEW.claim_id IS NOT NULL AND (SELECT award_id FROM claims WHERE id = NEW.claim_id) IS NOT NEW.award_id)
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
                    WHERE w.allocation_id IS NULL AND w.fund_id = (SELECT fund_id FROM allocations WHERE id = NEW.allocation_id))
                 + NEW.delta > (SELECT f.amount FROM funds f JOIN allocations a ON a.fund_id = f.id WHERE a.id = NEW.allocation_id)
            BEGIN SELECT RAISE(ABORT, 'allocation change takes away committed money or exceeds the fund'); END;

            CREATE TRIGGER receipts_within_instalment BEFORE INSERT ON contribution_receipts
            WHEN (SELECT COALESCE(SUM(amount), 0) FROM contribution_receipts
                  WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start) + NEW.amount
               > COALESCE((SELECT amount FROM contribution_years
                  WHERE contribution_id = NEW.contribution_id AND year_start = NEW.year_start), 0)
            BEGIN SELECT RAISE(ABORT, 'receipt exceeds the year''s contribution'); END;
            """)
    }
}
