import GrantsCore

extension Ledger {
    /// Recomputes every fund, allocation and award and says whether each balances.
    public func reconcile() throws(LedgerError) -> Reconciliation {
        try read { db in try Self.reconcile(db) }
    }

    /// The reconciliation of the ledger `db` reads.
    static func reconcile(_ db: SQLConnection) throws -> Reconciliation {
        var checks: [Reconciliation.Check] = []
        // Money a decision moved into or out of each fund from another (see `AllocationMoves`).
        var crossings: [String: [(decision: String, id: String, other: String, otherFund: String)]] = [:]
        for row in try SQLRow.fetchAll(db, sql: AllocationMoves.crossingSQL) {
            let fund = row["fund_id"] as String? ?? "?"
            crossings[fund, default: []].append((
                row["decision"] as String? ?? "?", row["id"] as String? ?? "?", row["other_id"] as String? ?? "?",
                row["other_fund"] as String? ?? "?"))
        }
        // Funds: pot = allocated + committed directly + unallocated, with unallocated never negative; and every
        // decision that moves money between allocations keeps it inside the fund.
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT f.id, f.amount,
              (SELECT COALESCE(SUM(amount), 0) FROM allocation_totals WHERE fund_id = f.id) AS allocated,
              (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE fund_id = f.id AND allocation_id IS NULL) AS direct,
              (SELECT \(db.dialect.spaceSeparated("id")) FROM allocations WHERE fund_id = f.id) AS entries
            FROM funds f ORDER BY f.id
            """) {
            let pot: Int64 = try row.required("amount"), allocated: Int64 = try row.required("allocated"), direct: Int64 = try row.required("direct")
            let unallocated = pot - allocated - direct
            let fund = row["id"] as String? ?? "?"
            let crossed = crossings[fund] ?? []
            let moves = crossed.map { crossing in
                "; decision \(crossing.decision) moves money between fund \(fund) (\(crossing.id)) and fund "
                    + "\(crossing.otherFund) (\(crossing.other)), but a move stays inside one fund"
            }
            checks.append(.init(
                subject: "fund \(fund)",
                equation: "pot \(Money(pence: pot).formatted) = allocated \(Money(pence: allocated).formatted) + "
                    + "committed directly \(Money(pence: direct).formatted) + unallocated \(Money(pence: unallocated).formatted)"
                    + moves.joined(),
                balances: unallocated >= 0 && crossed.isEmpty,
                entries: Self.words(row["entries"]) + crossed.flatMap { [$0.id, $0.other] }))
        }
        // Allocations: allocation = committed + uncommitted, uncommitted never negative.
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT al.allocation_id AS id, al.amount,
              (SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE allocation_id = al.allocation_id) AS committed,
              (SELECT \(db.dialect.spaceSeparated("id")) FROM (SELECT id FROM awards WHERE allocation_id = al.allocation_id
                 UNION ALL SELECT id FROM allocation_changes WHERE allocation_id = al.allocation_id) AS e) AS entries
            FROM allocation_totals al ORDER BY al.allocation_id
            """) {
            let amount: Int64 = try row.required("amount"), committed: Int64 = try row.required("committed")
            checks.append(.init(
                subject: "allocation \(row["id"] as String? ?? "?")",
                equation: "allocation \(Money(pence: amount).formatted) = committed \(Money(pence: committed).formatted) + "
                    + "uncommitted \(Money(pence: amount - committed).formatted)",
                balances: committed <= amount, entries: Self.words(row["entries"])))
        }
        // Awards: award = paid + outstanding + released; paid = spent + owed back; returns within owed.
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT a.id, a.amount,
              (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE award_id = a.id) AS paid,
              (SELECT COALESCE(SUM(amount), 0) FROM claims WHERE award_id = a.id) AS claimed,
              (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns WHERE award_id = a.id) AS returned,
              COALESCE((SELECT released FROM award_closures WHERE award_id = a.id),
                       (SELECT released FROM award_withdrawals WHERE award_id = a.id), 0) AS released,
              (SELECT spent FROM award_closures WHERE award_id = a.id) AS spent,
              (SELECT owed FROM award_closures WHERE award_id = a.id) AS owed,
              (SELECT \(db.dialect.spaceSeparated("id")) FROM (SELECT id FROM claims WHERE award_id = a.id
                 UNION ALL SELECT id FROM payments WHERE award_id = a.id
                 UNION ALL SELECT id FROM award_closures WHERE award_id = a.id
                 UNION ALL SELECT id FROM award_withdrawals WHERE award_id = a.id
                 UNION ALL SELECT id FROM underspend_returns WHERE award_id = a.id) AS e) AS entries
            FROM awards a ORDER BY a.id
            """) {
            let id = row["id"] as String? ?? "?"
            let amount: Int64 = try row.required("amount"), paid: Int64 = try row.required("paid"), released: Int64 = try row.required("released")
            let claimed: Int64 = try row.required("claimed"), returned: Int64 = try row.required("returned")
            let closed = (row["spent"] as Int64?) != nil
            let outstanding = amount - paid - released
            let entries = Self.words(row["entries"])
            checks.append(.init(
                subject: "award \(id)",
                equation: "award \(Money(pence: amount).formatted) = paid \(Money(pence: paid).formatted) + "
                    + "outstanding \(Money(pence: outstanding).formatted) + released \(Money(pence: released).formatted)",
                balances: outstanding >= 0 && (!closed || outstanding == 0) && claimed <= amount,
                entries: entries))
            if let spent = row["spent"] as Int64?, let owed = row["owed"] as Int64? {
                let expectedOwed = max(0, paid - spent)
                checks.append(.init(
                    subject: "award \(id) at its close",
                    equation: "paid \(Money(pence: paid).formatted) = spent \(Money(pence: min(spent, paid)).formatted) + "
                        + "owed back \(Money(pence: owed).formatted), of which \(Money(pence: returned).formatted) returned",
                    balances: owed == expectedOwed && returned <= owed, entries: entries))
            } else {
                checks.append(.init(
                    subject: "award \(id) returns",
                    equation: "returned \(Money(pence: returned).formatted) ≤ paid \(Money(pence: paid).formatted)",
                    balances: returned <= paid, entries: entries))
            }
        }
        // Contributions: received never more than due.
        for row in try SQLRow.fetchAll(db, sql: """
            SELECT y.contribution_id, y.year_start, y.amount,
              (SELECT COALESCE(SUM(amount), 0) FROM contribution_receipts r
                WHERE r.contribution_id = y.contribution_id AND r.year_start = y.year_start) AS received,
              (SELECT \(db.dialect.spaceSeparated("id")) FROM contribution_receipts r
                WHERE r.contribution_id = y.contribution_id AND r.year_start = y.year_start) AS entries
            FROM contribution_years y ORDER BY y.contribution_id, y.year_start
            """) {
            let due: Int64 = try row.required("amount"), received: Int64 = try row.required("received")
            let year = FinancialYear(startYear: row["year_start"] as Int? ?? 0)?.label ?? "?"
            checks.append(.init(
                subject: "contribution \(row["contribution_id"] as String? ?? "?") \(year)",
                equation: "due \(Money(pence: due).formatted) = received \(Money(pence: received).formatted) + "
                    + "outstanding \(Money(pence: due - received).formatted)",
                balances: received <= due, entries: Self.words(row["entries"])))
        }
        checks += try Self.keptBalances(db)
        return Reconciliation(checks: checks)
    }

    /// The running balances the ledger keeps as it records (`LedgerSchema.v4Balances`), each table compared row by
    /// row with the same figures worked out again from the entries alone: one check per table, naming what differs.
    private static func keptBalances(_ db: SQLConnection) throws -> [Reconciliation.Check] {
        let tables: [(subject: String, table: String, key: String, columns: [String])] = [
            ("running balances of allocations", "allocation_days", "allocation_id", ["day", "held", "committed"]),
            ("running balances of funds", "fund_days", "fund_id", ["day", "budget", "drawn"]),
            ("running balances of awards", "award_balances", "award_id",
             ["amount", "released", "claimed", "paid", "returned"]),
        ]
        return try tables.map { item in
            let columns = ([item.key] + item.columns).joined(separator: ", ")
            let recomputed = "\(item.table)_from_entries"
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(item.table)") ?? 0
            let differing = try String.fetchAll(db, sql: """
                SELECT \(item.key) FROM (SELECT \(columns) FROM \(item.table) EXCEPT SELECT \(columns) FROM \(recomputed)) AS extra
                UNION
                SELECT \(item.key) FROM (SELECT \(columns) FROM \(recomputed) EXCEPT SELECT \(columns) FROM \(item.table)) AS missing
                ORDER BY 1
                """)
            let equation = differing.isEmpty
                ? "the \(rows) \(rows == 1 ? "row" : "rows") kept as entries were recorded = the same worked out again "
                    + "from the entries"
                : "the rows kept as entries were recorded differ from those worked out again from the entries for "
                    + "\(differing.count) of them: \(differing.prefix(5).joined(separator: ", "))"
                    + (differing.count > 5 ? ", …" : "")
            return .init(subject: item.subject, equation: equation, balances: differing.isEmpty, entries: differing)
        }
    }

    private static func words(_ text: String?) -> [String] {
        (text ?? "").split(separator: " ").map(String.init)
    }
}
