import GrantsCore

extension Ledger {
    /// Budget, allocated, committed, paid and returned per fund and per CSP, and contributions by year.
    ///
    /// With a CSP in scope, only that partnership's lines; with a fund in scope, that fund and its CSPs.
    public func status(_ scope: StatusReport.Scope = .init()) throws(LedgerError) -> StatusReport {
        try read { db in try Self.status(db, scope) }
    }

    /// The status within a read already open.
    static func status(_ db: SQLConnection, _ scope: StatusReport.Scope) throws -> StatusReport {
        let arguments: SQLArguments = [
            "year": scope.year?.startYear, "fund": scope.fund, "csp": scope.csp?.rawValue,
            "from": scope.period?.lowerBound.description, "to": scope.period?.upperBound.description,
            "asOf": AsOf.argument(scope.asOfDay),
        ]
        var funds: [StatusReport.Line] = []
        if scope.csp == nil {
            let rows = try SQLRow.fetchAll(db, sql: AsOf.prelude + Self.fundSQL, arguments: arguments)
            funds = try rows.map { row throws(LedgerError) in
                try Self.line(row, csp: nil, cspName: nil, period: scope.period != nil)
            }
        }
        let cspRows = try SQLRow.fetchAll(db, sql: AsOf.prelude + Self.cspSQL, arguments: arguments)
        let csps = try cspRows.map { row throws(LedgerError) in
            try Self.line(
                row, csp: try row.organisationID("csp_id", in: "allocations"),
                cspName: try row.text("csp_name", in: "organisations"), period: scope.period != nil)
        }
        var contributions: [StatusReport.ContributionLine] = []
        if scope.fund == nil && scope.csp == nil {
            let rows = try SQLRow.fetchAll(db, sql: AsOf.prelude + Self.contributionSQL, arguments: arguments)
            contributions = try rows.map { row in try Self.contributionLine(row, db) }
        }
        return StatusReport(scope: scope, funds: funds, csps: csps, contributions: contributions)
    }

    private static func line(_ row: SQLRow, csp: OrganisationID?, cspName: String?, period: Bool) throws(LedgerError)
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

    private static func contributionLine(_ row: SQLRow, _ db: SQLConnection) throws -> StatusReport.ContributionLine {
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

    /// Each award's figures as of the day, worked out once in one pass over the awards and their payments, returns,
    /// closures and withdrawals, for the fund and CSP lines to add up (rather than a scan of every payment for each
    /// line, which grew with lines × entries).
    private static let awardFigures = """
        , payments_by_award AS (
          SELECT award_id, SUM(amount) AS paid,
            SUM(CASE WHEN date BETWEEN :from AND :to THEN amount ELSE 0 END) AS paid_in_period
          FROM payments_d GROUP BY award_id),
        returns_by_award AS (SELECT award_id, SUM(amount) AS returned FROM underspend_d GROUP BY award_id),
        award_figures AS (
          SELECT a.id, a.fund_id, a.allocation_id,
            a.amount - COALESCE(c.released, 0) - COALESCE(w.released, 0) AS committed,
            CASE WHEN w.award_id IS NOT NULL THEN 0
                 WHEN c.award_id IS NOT NULL THEN \(SQLDialect.least("c.spent", "COALESCE(p.paid, 0)"))
                 ELSE a.amount END AS forecast,
            COALESCE(p.paid, 0) AS paid, COALESCE(p.paid_in_period, 0) AS paid_in_period,
            COALESCE(r.returned, 0) AS returned
          FROM awards_d a
          LEFT JOIN closures_d c ON c.award_id = a.id
          LEFT JOIN withdrawals_d w ON w.award_id = a.id
          LEFT JOIN payments_by_award p ON p.award_id = a.id
          LEFT JOIN returns_by_award r ON r.award_id = a.id)
        """

    private static let fundSQL = awardFigures + """
        , fund_awards AS (
          SELECT fund_id, SUM(committed) AS committed, SUM(paid) AS paid, SUM(returned) AS returned,
            SUM(forecast) AS forecast, SUM(paid_in_period) AS paid_in_period
          FROM award_figures GROUP BY fund_id),
        fund_allocated AS (SELECT fund_id, SUM(amount) AS allocated FROM allocation_totals_d GROUP BY fund_id)
        SELECT f.id AS fund_id, f.name AS fund_name, f.scheme, f.year_start, f.amount AS budget,
          COALESCE(al.allocated, 0) AS allocated, COALESCE(fa.committed, 0) AS committed,
          COALESCE(fa.paid, 0) AS paid, COALESCE(fa.returned, 0) AS returned, COALESCE(fa.forecast, 0) AS forecast,
          COALESCE(fa.paid_in_period, 0) AS paid_in_period
        FROM funds f
        LEFT JOIN fund_allocated al ON al.fund_id = f.id
        LEFT JOIN fund_awards fa ON fa.fund_id = f.id
        WHERE (:year IS NULL OR f.year_start = :year) AND (:fund IS NULL OR f.id = :fund)
        ORDER BY f.year_start, f.id
        """

    private static let cspSQL = awardFigures + """
        , csp_awards AS (
          SELECT x.fund_id, x.csp_id, SUM(w.committed) AS committed, SUM(w.paid) AS paid,
            SUM(w.returned) AS returned, SUM(w.forecast) AS forecast, SUM(w.paid_in_period) AS paid_in_period
          FROM award_figures w JOIN allocations x ON x.id = w.allocation_id
          GROUP BY x.fund_id, x.csp_id),
        csp_budgets AS (
          SELECT fund_id, csp_id, SUM(amount) AS budget FROM allocation_totals_d GROUP BY fund_id, csp_id)
        SELECT b.fund_id, f.name AS fund_name, f.scheme, f.year_start, b.csp_id, o.name AS csp_name,
          b.budget, b.budget AS allocated, COALESCE(ca.committed, 0) AS committed, COALESCE(ca.paid, 0) AS paid,
          COALESCE(ca.returned, 0) AS returned, COALESCE(ca.forecast, 0) AS forecast,
          COALESCE(ca.paid_in_period, 0) AS paid_in_period
        FROM csp_budgets b
        JOIN funds f ON f.id = b.fund_id
        JOIN organisations o ON o.id = b.csp_id
        LEFT JOIN csp_awards ca ON ca.fund_id = b.fund_id AND ca.csp_id = b.csp_id
        WHERE (:year IS NULL OR f.year_start = :year) AND (:fund IS NULL OR f.id = :fund)
          AND (:csp IS NULL OR b.csp_id = :csp)
        ORDER BY f.year_start, b.fund_id, o.name, b.csp_id
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
