import GrantsCore

/// Writes a `StatusReport` for people (text) or for programs (JSON, CSV). All three carry the same figures.
public enum StatusRenderer {
    /// The output formats `grants status` offers.
    public enum Format: String, CaseIterable, Sendable {
        case text, json, csv
    }

    public static func render(_ report: StatusReport, as format: Format) throws(MoneyError) -> String {
        switch format {
        case .text: try text(report)
        case .json: try json(report).rendered() + "\n"
        case .csv: try csv(report)
        }
    }

    /// One money column of a fund or CSP line: its name in files, its title for people, and its value.
    struct Column {
        let key: String
        let title: String
        let value: (StatusReport.Line) throws(MoneyError) -> Money
    }

    /// The money columns, in order; "paid in the period" only when the scope asks for a quarter.
    static func columns(_ scope: StatusReport.Scope) -> [Column] {
        var columns = [
            Column(key: "budget", title: "Budget") { $0.budget },
            Column(key: "allocated", title: "Allocated") { $0.allocated },
            Column(key: "committed", title: "Committed") { $0.committed },
            Column(key: "paid", title: "Paid") { $0.paid },
        ]
        if let quarter = scope.quarter {
            columns.append(Column(key: "paid_in_period", title: "Paid \(quarter.rawValue)") { $0.paidInPeriod ?? .zero })
        }
        columns += [
            Column(key: "returned", title: "Returned") { $0.returned },
            Column(key: "remaining", title: "Remaining") { line throws(MoneyError) in try line.remaining() },
            Column(key: "forecast", title: "Forecast") { $0.forecast },
            Column(key: "variance", title: "Variance") { line throws(MoneyError) in try line.variance() },
        ]
        return columns
    }

    /// `12.34%`, or blank with no budget.
    static func percent(_ basisPoints: Int64?) -> String {
        guard let basisPoints else { return "" }
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)%"
    }

    /// `12.34`, or blank, for files.
    static func plainPercent(_ basisPoints: Int64?) -> String {
        let text = percent(basisPoints)
        return text.isEmpty ? "" : String(text.dropLast())
    }

    // MARK: - Text

    public static func text(_ report: StatusReport) throws(MoneyError) -> String {
        var out = "Grants ledger status: \(describe(report.scope))\n"
        if report.funds.isEmpty && report.csps.isEmpty && report.contributions.isEmpty {
            return out + "\nNothing recorded in this scope.\n"
        }
        let columns = columns(report.scope)
        func table(_ lines: [StatusReport.Line], leading: [(String, TextTable.Alignment)],
                   cells: (StatusReport.Line) -> [String], skip: Set<String>) throws(MoneyError) -> String {
            let shown = columns.filter { !skip.contains($0.key) }
            var table = TextTable(leading + shown.map { ($0.title, .right) } + [("Var %", .right)])
            for line in lines {
                var row = cells(line)
                for column in shown { row.append(try column.value(line).formatted) }
                row.append(percent(try line.variancePercent()))
                table.add(row)
            }
            if lines.count > 1 {
                var row = ["Total"] + Array(repeating: "", count: leading.count - 1)
                for column in shown {
                    let values = try lines.map { line throws(MoneyError) in try column.value(line) }
                    row.append(try Money.sum(values).formatted)
                }
                let budget = try Money.sum(lines.map(\.budget))
                let forecast = try Money.sum(lines.map(\.forecast))
                let total = StatusReport.Line(
                    fundID: "", fundName: "", scheme: .cspGrant, year: lines[0].year, csp: nil, cspName: nil,
                    budget: budget, allocated: .zero, committed: .zero, paid: .zero, returned: .zero, forecast: forecast)
                row.append(percent(try total.variancePercent()))
                table.addFooter(row)
            }
            return table.rendered()
        }
        if !report.funds.isEmpty {
            out += "\nFunds\n" + (try table(
                report.funds, leading: [("Fund", .left), ("Year", .left), ("Scheme", .left)],
                cells: { [$0.fundID, $0.year.label, $0.scheme.rawValue] }, skip: []))
        }
        if !report.csps.isEmpty {
            out += "\nCommunity safety partnerships (budget: the allocation)\n" + (try table(
                report.csps, leading: [("Community safety partnership", .left), ("Fund", .left)],
                cells: { [$0.cspName ?? "", $0.fundID] }, skip: ["allocated"]))
        }
        if !report.contributions.isEmpty {
            var table = TextTable([
                ("Contributor", .left), ("Service", .left), ("Year", .left), ("Committed", .right),
                ("Expected", .right), ("Received", .right), ("Outstanding", .right), ("Status", .left),
            ])
            for line in report.contributions {
                let status = line.withdrawn.map { "withdrawn from \($0.effective)" } ?? "committed"
                table.add([
                    line.contributorName, line.service, line.year.label, line.amount.formatted,
                    line.expected.formatted, line.received.formatted, line.outstanding.formatted, status,
                ])
            }
            table.addFooter([
                "Total", "", "", try Money.sum(report.contributions.map(\.amount)).formatted,
                try Money.sum(report.contributions.map(\.expected)).formatted,
                try Money.sum(report.contributions.map(\.received)).formatted,
                try Money.sum(report.contributions.map(\.outstanding)).formatted, "",
            ])
            out += "\nContributions\n" + table.rendered()
            var noted = Set<String>()
            for withdrawal in report.contributions.compactMap(\.withdrawn) where noted.insert(withdrawal.id).inserted {
                out += "Withdrawn: \(withdrawal.schedule) from \(withdrawal.effective) (\(withdrawal.id)): \(withdrawal.reason)\n"
            }
        }
        return out
    }

    /// "all years", "financial year 2017/18, Q2, fund CSP-2017-18", …
    public static func describe(_ scope: StatusReport.Scope) -> String {
        var parts = [scope.year.map { "financial year \($0.label)" } ?? "all years"]
        if let quarter = scope.quarter, let period = scope.period {
            parts.append("\(quarter.rawValue) (\(period.lowerBound) to \(period.upperBound))")
        }
        if let fund = scope.fund { parts.append("fund \(fund)") }
        if let csp = scope.csp { parts.append("CSP \(csp)") }
        if let day = scope.asOfDay { parts.append("as of \(day)") }
        return parts.joined(separator: ", ")
    }

    // MARK: - JSON

    public static func json(_ report: StatusReport) throws(MoneyError) -> JSONValue {
        let columns = columns(report.scope)
        func lineValue(_ line: StatusReport.Line) throws(MoneyError) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("fund", .string(line.fundID)), ("fund_name", .string(line.fundName)),
                ("scheme", .string(line.scheme.rawValue)), ("financial_year", .string(line.year.label)),
            ]
            if let csp = line.csp {
                members.append(("csp", .string(csp.rawValue)))
                members.append(("csp_name", .string(line.cspName ?? "")))
            }
            for column in columns { members.append((column.key, .string(try column.value(line).plain))) }
            let percent = try line.variancePercent()
            members.append(("variance_percent", percent.map { .string(plainPercent($0)) } ?? .null))
            return .object(members)
        }
        let scope = report.scope
        return .object([
            ("format", .string("grants-status/1")),
            ("scope", .object([
                ("financial_year", scope.year.map { .string($0.label) } ?? .null),
                ("quarter", scope.quarter.map { .string($0.rawValue) } ?? .null),
                ("fund", scope.fund.map { .string($0) } ?? .null),
                ("csp", scope.csp.map { .string($0.rawValue) } ?? .null),
                ("as_of", scope.asOfDay.map { .string($0.description) } ?? .null),
            ])),
            ("funds", .array(try report.funds.map { line throws(MoneyError) in try lineValue(line) })),
            ("csps", .array(try report.csps.map { line throws(MoneyError) in try lineValue(line) })),
            ("contributions", .array(report.contributions.map { line in
                .object([
                    ("contribution", .string(line.scheduleID)), ("contributor", .string(line.contributor.rawValue)),
                    ("contributor_name", .string(line.contributorName)), ("service", .string(line.service)),
                    ("financial_year", .string(line.year.label)), ("committed", .string(line.amount.plain)),
                    ("expected", .string(line.expected.plain)), ("received", .string(line.received.plain)),
                    ("outstanding", .string(line.outstanding.plain)),
                    ("withdrawn", line.withdrawn.map { w in
                        .object([("id", .string(w.id)), ("effective", .string(w.effective.description)),
                                 ("reason", .string(w.reason))])
                    } ?? .null),
                ])
            })),
        ])
    }

    // MARK: - CSV

    /// The columns of the status CSV, one row per fund line and per CSP line.
    public static func csvColumns(_ scope: StatusReport.Scope) -> [String] {
        ["level", "fund", "fund_name", "scheme", "financial_year", "csp", "csp_name"] + columns(scope).map(\.key)
            + ["variance_percent"]
    }

    public static func csv(_ report: StatusReport) throws(MoneyError) -> String {
        var writer = CSVWriter()
        writer.row(values: csvColumns(report.scope))
        let columns = columns(report.scope)
        for line in report.funds + report.csps {
            var cells: [CSVWriter.Cell] = [
                .value(line.csp == nil ? "fund" : "csp"), .value(line.fundID), .text(line.fundName),
                .value(line.scheme.rawValue), .value(line.year.label), .value(line.csp?.rawValue ?? ""),
                .text(line.cspName ?? ""),
            ]
            for column in columns { cells.append(.value(try column.value(line).plain)) }
            cells.append(.value(plainPercent(try line.variancePercent())))
            writer.row(cells)
        }
        return writer.output
    }
}
