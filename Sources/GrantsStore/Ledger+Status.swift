import GRDB
import GrantsCore

extension Ledger {
    /// Budget, allocated, committed, paid and returned per fund and per CSP, and contributions by year.
    ///
    /// With a CSP in scope, only that partnership's lines; with a fund in scope, that fund and its CSPs.
    public func status(_ scope: StatusReport.Scope = .init()) throws(LedgerError) -> StatusReport {
        try read { db in
            let arguments: StatementArguments = [
                "year": scope.year?.startYear, "fund": scope.fund, "csp": scope.csp?.rawValue,
                "from": scope.period?.lowerBound.description, "to": scope.period?.upperBound.description,
                "asOf": AsOf.argument(scope.asOfDay),
            ]
            var funds: [StatusReport.Line] = []
            if scope.csp == nil {
                let rows = try Row.fetchAll(db, sql: AsOf.prelude + Self.fundSQL, arguments: arguments)
                funds = try rows.map { row throws(LedgerError) in
                    try Self.line(row, csp: nil, cspName: nil, period: scope.period != nil)
                }
            }
            let cspRows = try Row.fetchAll(db, sql: AsOf.prelude + Self.cspSQL, arguments: arguments)
            let csps = try cspRows.map { row throws(LedgerError) in
                try Self.line(
                    row, csp: try row.organisationID("csp_id", in: "allocations"),
                    cspName: try row.text("csp_name", in: "organisations"), period: scope.period != nil)
            }
            var contributions: [StatusReport.ContributionLine] = []
            if scope.fund == nil && scope.csp == nil {
                let rows = try Row.fetchAll(db, sql: AsOf.prelude + Self.contributionSQL, arguments: arguments)
                contributions = try rows.map { row in try Self.contributionLine(row, db) }
            }
            return StatusReport(scope: scope, funds: funds, csps: csps, contributions: contributions)
        }
    }

    private static func line(_ row: Row, csp: OrganisationID?, cspName: String?, period: Bool) throws(LedgerError)
        -> StatusReport.Line
    {
        StatusReport.Line(
            fundID: try row.text("fund_id", in: "funds"), fundName: try row.text("fund_name", in: "funds"),
            scheme: try row.choice("scheme", in: "funds"), year: try row.year("year_start", in: "funds"), csp: csp,
            cspName: cspName,
            budget: try row.money("budget", in: "funds"), allocated: try row.money("allocated", in: "allocations"),
            committed: try row.money("committed", in: "awards"), paid: try row.money("paid", in: "payments"),
            returned: try row.money("returned", in: "underspend_returns"),
            forecast: try row.money("forecast", in: "awards"),
            paidInPeriod: period ? try row.money("paid_in_period", in: "payments") : nil)
    }

    private static func contributionLine(_ row: Row, _ db: Database) throws -> StatusReport.ContributionLine {
        let withdrawal: ContributionWithdrawal? =
            (row["withdrawal_id"] as String?) == nil
            ? nil : try ContributionWithdrawal(row: StoredRow(row: row, table: ContributionWithdrawal.table), db)
        let year = try row.year("year_start", in: "contribution_years")
        return StatusReport.ContributionLine(
            scheduleID: try row.text("contribution_id", in: "contributions"),
            contributor: try row.organisationID("contributor_id", in: "contributions"),
            contributorName: try row.text("contributor_name", in: "organisations"),
            service: try row.text("service", in: "contributions"), year: year,
            amount: try row.money("amount", in: "contribution_years"),
            withdrawn: withdrawal.flatMap { $0.cancels(year) ? $0 : nil },
            received: try row.money("received", in: "contribution_receipts"))
    }

    private static let fundSQL = """
        SELECT f.id AS fund_id, f.name AS fund_name, f.scheme, f.year_start, f.amount AS budget,
          (SELECT COALESCE(SUM(amount), 0) FROM allocation_totals_d WHERE fund_id = f.id) AS allocated,
          (SELECT COALESCE(SUM(committed), 0) FROM award_commitments_d WHERE fund_id = f.id) AS committed,
          (SELECT COALESCE(SUM(p.amount), 0) FROM payments_d p JOIN awards_d w ON w.id = p.award_id
            WHERE w.fund_id = f.id) AS paid,
          (SELECT COALESCE(SUM(r.amount), 0) FROM underspend_d r JOIN awards_d w ON w.id = r.award_id
            WHERE w.fund_id = f.id) AS returned,
          (SELECT COALESCE(SUM(forecast), 0) FROM award_outturns_d WHERE fund_id = f.id) AS forecast,
          (SELECT COALESCE(SUM(p.amount), 0) FROM payments_d p JOIN awards_d w ON w.id = p.award_id
            WHERE w.fund_id = f.id AND p.date BETWEEN :from AND :to) AS paid_in_period
        FROM funds f
        WHERE (:year IS NULL OR f.year_start = :year) AND (:fund IS NULL OR f.id = :fund)
        ORDER BY f.year_start, f.id
        """

    private static let cspSQL = """
        SELECT a.fund_id, f.name AS fund_name, f.scheme, f.year_start, a.csp_id, o.name AS csp_name,
          SUM(a.amount) AS budget, SUM(a.amount) AS allocated,
          (SELECT COALESCE(SUM(w.committed), 0) FROM award_commitments_d w JOIN allocations x ON x.id = w.allocation_id
            WHERE x.fund_id = a.fund_id AND x.csp_id = a.csp_id) AS committed,
          (SELECT COALESCE(SUM(p.amount), 0) FROM payments_d p JOIN awards_d w ON w.id = p.award_id
            JOIN allocations x ON x.id = w.allocation_id
            WHERE x.fund_id = a.fund_id AND x.csp_id = a.csp_id) AS paid,
          (SELECT COALESCE(SUM(r.amount), 0) FROM underspend_d r JOIN awards_d w ON w.id = r.award_id
            JOIN allocations x ON x.id = w.allocation_id
            WHERE x.fund_id = a.fund_id AND x.csp_id = a.csp_id) AS returned,
          (SELECT COALESCE(SUM(o.forecast), 0) FROM award_outturns_d o JOIN allocations x ON x.id = o.allocation_id
            WHERE x.fund_id = a.fund_id AND x.csp_id = a.csp_id) AS forecast,
          (SELECT COALESCE(SUM(p.amount), 0) FROM payments_d p JOIN awards_d w ON w.id = p.award_id
            JOIN allocations x ON x.id = w.allocation_id
            WHERE x.fund_id = a.fund_id AND x.csp_id = a.csp_id AND p.date BETWEEN :from AND :to) AS paid_in_period
        FROM allocation_totals_d a
        JOIN funds f ON f.id = a.fund_id
        JOIN organisations o ON o.id = a.csp_id
        WHERE (:year IS NULL OR f.year_start = :year) AND (:fund IS NULL OR f.id = :fund)
          AND (:csp IS NULL OR a.csp_id = :csp)
        GROUP BY a.fund_id, a.csp_id
        ORDER BY f.year_start, a.fund_id, o.name, a.csp_id
        """

    private static let contributionSQL = """
        SELECT y.contribution_id, y.year_start, y.amount, c.contributor_id, c.service, o.name AS contributor_name,
          w.id AS withdrawal_id, w.id, w.contribution_id, w.effective, w.reason,
          (SELECT COALESCE(SUM(r.amount), 0) FROM contribution_receipts_d r
            WHERE r.contribution_id = y.contribution_id AND r.year_start = y.year_start) AS received
        FROM contribution_years y
        JOIN contributions_d c ON c.id = y.contribution_id
        JOIN organisations o ON o.id = c.contributor_id
        LEFT JOIN contribution_withdrawals_d w ON w.contribution_id = c.id
        WHERE (:year IS NULL OR y.year_start = :year)
        ORDER BY y.year_start, o.name, y.contribution_id
        """
}
