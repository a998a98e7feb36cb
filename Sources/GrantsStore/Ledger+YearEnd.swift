import GrantsCore

enum YearEnd {
    static func report(year: FinancialYear, _ db: SQLConnection) throws -> YearEndReport {
        let openAwards = try SQLRow.fetchAll(db, sql: """
            SELECT a.id, a.fund_id, o.name, a.amount, s.state,
              (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.award_id = a.id) AS paid
            FROM awards a JOIN award_states s ON s.award_id = a.id
            JOIN funds f ON f.id = a.fund_id JOIN organisations o ON o.id = a.recipient_id
            WHERE f.year_start = ? AND s.state IN ('awarded', 'claiming')
            ORDER BY a.id
            """, arguments: [year.startYear]).map { row throws(LedgerError) in
            YearEndReport.OpenAward(
                award: try row.text("id", in: "awards"), fund: try row.text("fund_id", in: "awards"),
                recipient: try row.text("name", in: "organisations"),
                state: try row.choice("state", in: "award_states"),
                amount: try row.money("amount", in: "awards"), paid: try row.money("paid", in: "payments"))
        }
        let unpaidClaims = try SQLRow.fetchAll(db, sql: """
            SELECT c.id, c.award_id, c.amount, c.date FROM claims c
            JOIN awards a ON a.id = c.award_id JOIN funds f ON f.id = a.fund_id
            WHERE f.year_start = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = c.award_id)
            ORDER BY c.id
            """, arguments: [year.startYear]).map { row throws(LedgerError) in
            YearEndReport.UnpaidClaim(
                claim: try row.text("id", in: "claims"), award: try row.text("award_id", in: "claims"),
                amount: try row.money("amount", in: "claims"), date: try row.day("date", in: "claims"))
        }
        let owed = try SQLRow.fetchAll(db, sql: """
            SELECT c.award_id, o.name, c.owed,
              (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns r WHERE r.award_id = c.award_id) AS returned
            FROM award_closures c JOIN awards a ON a.id = c.award_id JOIN funds f ON f.id = a.fund_id
            JOIN organisations o ON o.id = a.recipient_id
            WHERE f.year_start = ? AND c.owed > (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns r WHERE r.award_id = c.award_id)
            ORDER BY c.award_id
            """, arguments: [year.startYear]).map { row throws(LedgerError) in
            YearEndReport.Owed(
                award: try row.text("award_id", in: "award_closures"), recipient: try row.text("name", in: "organisations"),
                owed: try row.money("owed", in: "award_closures"), returned: try row.money("returned", in: "underspend_returns"))
        }
        let uncommitted = try SQLRow.fetchAll(db, sql: """
            SELECT fund_id, name, allocated, committed FROM (
              SELECT al.fund_id, al.csp_id, o.name, SUM(al.amount) AS allocated,
                (SELECT COALESCE(SUM(committed), 0) FROM award_commitments ac JOIN allocations x ON x.id = ac.allocation_id
                  WHERE x.fund_id = al.fund_id AND x.csp_id = al.csp_id) AS committed
              FROM allocation_totals al JOIN funds f ON f.id = al.fund_id JOIN organisations o ON o.id = al.csp_id
              WHERE f.year_start = ?
              GROUP BY al.fund_id, al.csp_id, o.name) AS csps
            WHERE allocated > committed
            ORDER BY fund_id, name, csp_id
            """, arguments: [year.startYear]).map { row throws(LedgerError) in
            YearEndReport.Uncommitted(
                fund: try row.text("fund_id", in: "allocations"), csp: try row.text("name", in: "organisations"),
                allocated: try row.money("allocated", in: "allocations"), committed: try row.money("committed", in: "awards"))
        }
        return YearEndReport(
            year: year, closedOn: try YearClosure.read(year.label, db)?.date, openAwards: openAwards,
            unpaidClaims: unpaidClaims, underspendOwed: owed, uncommitted: uncommitted)
    }
}

extension Ledger {
    /// Awards still open, claims unpaid, underspend owed and allocations not committed in a financial year.
    public func yearEnd(_ year: FinancialYear) throws(LedgerError) -> YearEndReport {
        try read { db in try YearEnd.report(year: year, db) }
    }

    /// Where an award stands, or `nil` when there is no such award.
    public func state(ofAward id: String) throws(LedgerError) -> AwardState? {
        try read { db in
            try SQLRow.fetchOne(db, sql: "SELECT state FROM award_states WHERE award_id = ?", arguments: [id])
                .map { row throws(LedgerError) in try row.choice("state", in: "award_states") }
        }
    }
}
