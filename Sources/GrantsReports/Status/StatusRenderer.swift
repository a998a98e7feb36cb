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

    // MARK: - Text

    public static func text(_ report: StatusReport) throws(MoneyError) -> String {
        var out = "Grants ledger status: \(describe(report.scope))\n"
        if report.funds.isEmpty && report.csps.isEmpty && report.contributions.isEmpty {
            return out + "\nNothing recorded in this scope.\n"
        }
        if !report.funds.isEmpty {
            var table = TextTable([
                ("Fund", .left), ("Year", .left), ("Scheme", .left), ("Budget", .right), ("Allocated", .right),
                ("Committed", .right), ("Paid", .right), ("Returned", .right), ("Remaining", .right),
            ])
            for line in report.funds {
                table.add([line.fundID, line.year.label, line.scheme.rawValue] + (try figures(line)))
            }
            if report.funds.count > 1 {
                table.addFooter(["Total", "", ""] + (try totals(report.funds)))
            }
            out += "\nFunds\n" + table.rendered()
        }
        if !report.csps.isEmpty {
            var table = TextTable([
                ("Community safety partnership", .left), ("Fund", .left), ("Allocation", .right),
                ("Committed", .right), ("Paid", .right), ("Returned", .right), ("Remaining", .right),
            ])
            for line in report.csps {
                let all = try figures(line)
                table.add([line.cspName ?? "", line.fundID, all[0]] + all[2...])
            }
            if report.csps.count > 1 {
                let all = try totals(report.csps)
                table.addFooter(["Total", "", all[0]] + all[2...])
            }
            out += "\nCommunity safety partnerships\n" + table.rendered()
        }
        if !report.contributions.isEmpty {
            var table = TextTable([
                ("Contributor", .left), ("Service", .left), ("Year", .left), ("Committed", .right),
                ("Expected", .right), ("Status", .left),
            ])
            for line in report.contributions {
                let status = line.withdrawn.map { "withdrawn from \($0.effective)" } ?? "committed"
                table.add([
                    line.contributorName, line.service, line.year.label, line.amount.formatted,
                    line.expected.formatted, status,
                ])
            }
            table.addFooter([
                "Total", "", "", try Money.sum(report.contributions.map(\.amount)).formatted,
                try Money.sum(report.contributions.map(\.expected)).formatted, "",
            ])
            out += "\nContributions\n" + table.rendered()
            var noted = Set<String>()
            for withdrawal in report.contributions.compactMap(\.withdrawn) where noted.insert(withdrawal.id).inserted {
                out += "Withdrawn: \(withdrawal.schedule) from \(withdrawal.effective) (\(withdrawal.id)): \(withdrawal.reason)\n"
            }
        }
        return out
    }

    /// "all years", "2017/18, fund CSP-2017-18", …
    public static func describe(_ scope: StatusReport.Scope) -> String {
        var parts = [scope.year.map { "financial year \($0.label)" } ?? "all years"]
        if let fund = scope.fund { parts.append("fund \(fund)") }
        if let csp = scope.csp { parts.append("CSP \(csp)") }
        return parts.joined(separator: ", ")
    }

    /// Budget, allocated, committed, paid, returned, remaining as people read them.
    private static func figures(_ line: StatusReport.Line) throws(MoneyError) -> [String] {
        [line.budget, line.allocated, line.committed, line.paid, line.returned, try line.remaining()].map(\.formatted)
    }

    private static func totals(_ lines: [StatusReport.Line]) throws(MoneyError) -> [String] {
        let remaining = try lines.map { line throws(MoneyError) in try line.remaining() }
        return [
            try Money.sum(lines.map(\.budget)), try Money.sum(lines.map(\.allocated)),
            try Money.sum(lines.map(\.committed)), try Money.sum(lines.map(\.paid)),
            try Money.sum(lines.map(\.returned)), try Money.sum(remaining),
        ].map(\.formatted)
    }

    // MARK: - JSON

    public static func json(_ report: StatusReport) throws(MoneyError) -> JSONValue {
        func lineValue(_ line: StatusReport.Line) throws(MoneyError) -> JSONValue {
            var members: [(String, JSONValue)] = [
                ("fund", .string(line.fundID)), ("fund_name", .string(line.fundName)),
                ("scheme", .string(line.scheme.rawValue)), ("financial_year", .string(line.year.label)),
            ]
            if let csp = line.csp {
                members.append(("csp", .string(csp.rawValue)))
                members.append(("csp_name", .string(line.cspName ?? "")))
            }
            members += [
                ("budget", .string(line.budget.plain)), ("allocated", .string(line.allocated.plain)),
                ("committed", .string(line.committed.plain)), ("paid", .string(line.paid.plain)),
                ("returned", .string(line.returned.plain)), ("remaining", .string(try line.remaining().plain)),
            ]
            return .object(members)
        }
        let scope = report.scope
        return .object([
            ("format", .string("grants-status/1")),
            ("scope", .object([
                ("financial_year", scope.year.map { .string($0.label) } ?? .null),
                ("fund", scope.fund.map { .string($0) } ?? .null),
                ("csp", scope.csp.map { .string($0.rawValue) } ?? .null),
            ])),
            ("funds", .array(try report.funds.map { line throws(MoneyError) in try lineValue(line) })),
            ("csps", .array(try report.csps.map { line throws(MoneyError) in try lineValue(line) })),
            ("contributions", .array(report.contributions.map { line in
                .object([
                    ("contribution", .string(line.scheduleID)), ("contributor", .string(line.contributor.rawValue)),
                    ("contributor_name", .string(line.contributorName)), ("service", .string(line.service)),
                    ("financial_year", .string(line.year.label)), ("committed", .string(line.amount.plain)),
                    ("expected", .string(line.expected.plain)),
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
    public static let csvColumns = [
        "level", "fund", "fund_name", "scheme", "financial_year", "csp", "csp_name", "budget", "allocated",
        "committed", "paid", "returned", "remaining",
    ]

    public static func csv(_ report: StatusReport) throws(MoneyError) -> String {
        var writer = CSVWriter()
        writer.row(values: csvColumns)
        for line in report.funds + report.csps {
            writer.row([
                .value(line.csp == nil ? "fund" : "csp"), .value(line.fundID), .text(line.fundName),
                .value(line.scheme.rawValue), .value(line.year.label), .value(line.csp?.rawValue ?? ""),
                .text(line.cspName ?? ""), .value(line.budget.plain), .value(line.allocated.plain),
                .value(line.committed.plain), .value(line.paid.plain), .value(line.returned.plain),
                .value(try line.remaining().plain),
            ])
        }
        return writer.output
    }
}
