import GrantsCore

extension Ledger: GrantReportStore {
    public func monitoringCategories() throws(LedgerError) -> [MonitoringCategory] {
        let order = MonitoringCategory.dimensions.map(\.name)
        let rows = try read { db in
            try SQLRow.fetchAll(db, sql: "SELECT dimension, category, label FROM monitoring_categories ORDER BY position")
        }
        var categories: [MonitoringCategory] = []
        for row in rows {
            let table = "monitoring_categories"
            categories.append(MonitoringCategory(
                dimension: try row.text("dimension", in: table), category: try row.text("category", in: table),
                label: try row.text("label", in: table)))
        }
        return categories.enumerated().sorted {
            ((order.firstIndex(of: $0.element.dimension) ?? order.count), $0.offset)
                < ((order.firstIndex(of: $1.element.dimension) ?? order.count), $1.offset)
        }.map(\.element)
    }

    public func submitReport(_ report: GrantReport) throws(LedgerError) -> Int64 {
        try writeBeside { db in
            let id = try db.insert(
                sql: """
                    INSERT INTO grant_reports (award_id, account_id, at, spent, people, summary)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [report.award, report.account, report.at.text, report.spent.pence, report.people,
                            report.summary])
            for outcome in report.outcomes {
                try db.execute(
                    sql: "INSERT INTO grant_report_outcomes (report_id, priority, people, outcome) VALUES (?, ?, ?, ?)",
                    arguments: [id, outcome.priority, outcome.people, outcome.outcome])
            }
            for count in report.monitoring {
                try db.execute(
                    sql: "INSERT INTO grant_report_monitoring (report_id, dimension, category, people) VALUES (?, ?, ?, ?)",
                    arguments: [id, count.dimension, count.category, count.people])
            }
            return id
        }
    }

    public func reports(award: String) throws(LedgerError) -> [GrantReport] {
        try reports(where: "award_id = ?", [award])
    }

    public func latestReports() throws(LedgerError) -> [GrantReport] {
        try reports(where: "id IN (SELECT max(id) FROM grant_reports GROUP BY award_id)", [])
    }

    /// The reports `condition` picks, newest first, each with its outcomes and counts (three statements in all).
    private func reports(where condition: String, _ arguments: [any SQLValueConvertible]) throws(LedgerError)
        -> [GrantReport]
    {
        let (reports, outcomes, counts) = try read { db in
            let reports = try SQLRow.fetchAll(
                db, sql: "SELECT * FROM grant_reports WHERE \(condition) ORDER BY id DESC",
                arguments: SQLArguments(arguments))
            let outcomes = try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT * FROM grant_report_outcomes WHERE report_id IN (SELECT id FROM grant_reports WHERE \(condition))
                    ORDER BY report_id, priority
                    """,
                arguments: SQLArguments(arguments))
            let counts = try SQLRow.fetchAll(
                db,
                sql: """
                    SELECT m.* FROM grant_report_monitoring m
                    JOIN monitoring_categories c ON c.dimension = m.dimension AND c.category = m.category
                    WHERE m.report_id IN (SELECT id FROM grant_reports WHERE \(condition))
                    ORDER BY m.report_id, m.dimension, c.position
                    """,
                arguments: SQLArguments(arguments))
            return (reports, outcomes, counts)
        }
        var outcomesOf: [Int64: [GrantReport.Outcome]] = [:]
        for row in outcomes {
            let table = "grant_report_outcomes"
            outcomesOf[try row.required("report_id"), default: []].append(GrantReport.Outcome(
                priority: try row.text("priority", in: table), people: try row.required("people"),
                outcome: try row.text("outcome", in: table)))
        }
        var countsOf: [Int64: [GrantReport.Count]] = [:]
        for row in counts {
            let table = "grant_report_monitoring"
            countsOf[try row.required("report_id"), default: []].append(GrantReport.Count(
                dimension: try row.text("dimension", in: table), category: try row.text("category", in: table),
                people: try row.required("people")))
        }
        var found: [GrantReport] = []
        for row in reports {
            let table = "grant_reports"
            let id: Int64 = try row.required("id")
            found.append(GrantReport(
                id: id, award: try row.text("award_id", in: table), account: try row.required("account_id"),
                at: try row.timestamp("at", in: table),
                spent: try row.money("spent", in: table), people: try row.required("people"),
                summary: try row.text("summary", in: table), outcomes: outcomesOf[id] ?? [],
                monitoring: countsOf[id] ?? []))
        }
        return found
    }
}
