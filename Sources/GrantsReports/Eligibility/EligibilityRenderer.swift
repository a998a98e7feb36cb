import GrantsCore
import GrantsRules

/// Writes eligibility verdicts for people (text) and programs (JSON, `format: grants-eligibility-report/1`);
/// both carry the same content: every rule, its status, what was found, the limit, the parameter values applied
/// with the day they apply from, and their references.
public enum EligibilityRenderer {
    /// `verdicts` is one line of JSON per bid: its id, outcome and failed rules only, for screening a large round.
    public enum Format: String, CaseIterable, Sendable {
        case text, json, verdicts
    }

    public static func render(_ verdicts: [Eligibility], as format: Format) -> String {
        switch format {
        case .text: text(verdicts)
        case .json: json(verdicts).rendered() + "\n"
        case .verdicts: verdictLines(verdicts)
        }
    }

    /// The JSON report as UTF-8 bytes, as `render(_:as: .json)` gives it, without making a String of it (the web
    /// API sends the bytes).
    public static func jsonBytes(_ verdicts: [Eligibility]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        json(verdicts).write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    // MARK: - Text

    /// With many bids, a summary table first, then each bid in detail.
    public static func text(_ verdicts: [Eligibility]) -> String {
        var out = ""
        if verdicts.count > 1 {
            out += summary(verdicts) + "\n"
        }
        out += verdicts.map(detail).joined(separator: "\n")
        return out
    }

    public static func summary(_ verdicts: [Eligibility]) -> String {
        var table = TextTable(summaryColumns)
        for verdict in verdicts { table.add(summaryCells(verdict)) }
        return table.rendered() + summaryLine(counts(verdicts.map(\.outcome)))
    }

    /// The summary table's columns.
    public static let summaryColumns: [(String, TextTable.Alignment)] = [
        ("Bid", .left), ("Applicant", .left), ("Requested", .right), ("Outcome", .left),
        ("Failed (? unknown, ! warning)", .left),
    ]

    /// A bid's row in the summary table, as written (before `TextTable` shows control characters inert).
    public static func summaryCells(_ verdict: Eligibility) -> [String] {
        var failed: [String] = []
        for result in verdict.results {
            switch (result.status, result.severity) {
            case (.fail, .blocking): failed.append(result.ruleID)
            case (.fail, .warning): failed.append(result.ruleID + "!")
            case (.unknown, .blocking): failed.append(result.ruleID + "?")
            default: break
            }
        }
        return [
            verdict.bidID, verdict.applicantName, verdict.requested.formatted, verdict.outcome.rawValue,
            failed.joined(separator: ", "),
        ]
    }

    /// How many bids came out each way, in `Eligibility.Outcome.allCases` order.
    public static func counts(_ outcomes: [Eligibility.Outcome]) -> [Eligibility.Outcome: Int] {
        var counts: [Eligibility.Outcome: Int] = [:]
        for outcome in outcomes { counts[outcome, default: 0] += 1 }
        return counts
    }

    /// The line under the summary table: `N bids: a eligible, b ineligible, c incomplete`.
    public static func summaryLine(_ counts: [Eligibility.Outcome: Int]) -> String {
        let total = counts.values.reduce(0, +)
        let parts = Eligibility.Outcome.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }
        return "\(total) bids: \(parts.joined(separator: ", "))\n"
    }

    public static func detail(_ verdict: Eligibility) -> String {
        // What the bid says is shown inert (see `TerminalText`): an applicant's name cannot forge a line.
        let safe = TerminalText.inert
        var out = "\(safe(verdict.bidID)): \(safe(verdict.applicantName)), \(verdict.requested.formatted) requested: "
            + "\(verdict.outcome.rawValue.uppercased())\n"
        out += "  \(verdict.scheme.rawValue) \(verdict.year.label), rules of \(safe(verdict.rulebook)), values as of \(verdict.asOf)\n"
        for result in verdict.results {
            let warning = result.severity == .warning ? " (warning)" : ""
            out += "  \(symbol(result.status)) \(safe(result.ruleID))\(warning) \(safe(result.message))\n"
            for applied in result.applied {
                out += "      \(safe(applied.name)) = \(safe(applied.value.display)) from \(applied.from): "
                    + "\(safe(applied.reference))\n"
            }
        }
        return out
    }

    /// ✓ pass, ✗ fail, ? unknown, – not applicable.
    public static func symbol(_ status: RuleStatus) -> String {
        switch status {
        case .pass: "✓"
        case .fail: "✗"
        case .unknown: "?"
        case .notApplicable: "–"
        }
    }

    // MARK: - JSON

    /// The report: its format, every bid, then the summary (last, so that the report can be written a bid at a time
    /// with `jsonOpening`, `jsonBid` and `jsonClosing`, which give the same bytes).
    public static func json(_ verdicts: [Eligibility]) -> JSONValue {
        .object([
            ("format", .string("grants-eligibility-report/1")),
            ("bids", .array(verdicts.map(bidValue))),
            ("summary", summaryValue(counts(verdicts.map(\.outcome)))),
        ])
    }

    static func summaryValue(_ counts: [Eligibility.Outcome: Int]) -> JSONValue {
        .object([("bids", .int(Int64(counts.values.reduce(0, +))))]
            + Eligibility.Outcome.allCases.map { ($0.rawValue, JSONValue.int(Int64(counts[$0] ?? 0))) })
    }

    /// The report's text up to its first bid.
    public static let jsonOpening = Array(
        "{\n  \"format\": \"grants-eligibility-report/1\",\n  \"bids\": [\n".utf8)

    /// One bid of the report, as `json` writes it in the list (without the separator between bids).
    public static func jsonBid(_ verdict: Eligibility, into out: inout [UInt8]) {
        JSONValue.pad(2, into: &out)
        bidValue(verdict).write(into: &out, indent: 2)
    }

    /// The report's text after its last bid, with the summary, and the final line break.
    public static func jsonClosing(_ counts: [Eligibility.Outcome: Int]) -> [UInt8] {
        var out = Array("\n  ],\n  \"summary\": ".utf8)
        summaryValue(counts).write(into: &out, indent: 1)
        out.append(contentsOf: "\n}\n".utf8)
        return out
    }

    static func bidValue(_ verdict: Eligibility) -> JSONValue {
        .object([
            ("id", .string(verdict.bidID)), ("applicant", .string(verdict.applicantName)),
            ("requested", .string(verdict.requested.plain)), ("scheme", .string(verdict.scheme.rawValue)),
            ("financial_year", .string(verdict.year.label)), ("as_of", .string(verdict.asOf.description)),
            ("rulebook", .string(verdict.rulebook)), ("outcome", .string(verdict.outcome.rawValue)),
            ("failed_rules", .array(verdict.failedRules.map { .string($0) })),
            ("unknown_rules", .array(verdict.unknownRules.map { .string($0) })),
            ("results", .array(verdict.results.map { result in
                .object([
                    ("rule", .string(result.ruleID)), ("check", .string(result.check.rawValue)),
                    ("severity", .string(result.severity.rawValue)), ("status", .string(result.status.rawValue)),
                    ("found", .string(result.found)), ("limit", .string(result.limit)),
                    ("message", .string(result.message)),
                    ("parameters", .array(result.applied.map { applied in
                        .object([
                            ("name", .string(applied.name)), ("value", value(applied.value)),
                            ("from", .string(applied.from.description)), ("reference", .string(applied.reference)),
                        ])
                    })),
                ])
            })),
        ])
    }

    public static func value(_ value: ParameterValue) -> JSONValue {
        switch value {
        case .money(let money): .string(money.plain)
        case .count(let count): .int(Int64(count))
        case .list(let items): .array(items.map { .string($0) })
        case .text(let text): .string(text)
        }
    }

    // MARK: - What-if

    /// The bids whose outcome a changed parameter would change.
    public static func whatIf(_ setting: String, before: [Eligibility], after: [Eligibility]) -> String {
        var table = TextTable([
            ("Bid", .left), ("Applicant", .left), ("Requested", .right), ("Now", .left), ("With the change", .left),
        ])
        var changed = 0
        for (old, new) in zip(before, after) where old.outcome != new.outcome {
            changed += 1
            table.add([old.bidID, old.applicantName, old.requested.formatted, old.outcome.rawValue, new.outcome.rawValue])
        }
        var out = "What if \(setting):\n"
        if changed == 0 {
            out += "no bid's outcome changes (\(before.count) checked).\n"
        } else {
            out += table.rendered() + "\(changed) of \(before.count) bids change outcome.\n"
        }
        return out
    }
}
