import GrantsCore

/// A spend return as one CSV table (RFC 4180, UTF-8, CRLF). The first column says what each row is: the
/// `return` row (period, as-of day, funder, fingerprint), one `award` row per award, `csp-total` and `fund-total`
/// rows, and `contribution` rows. Money is `10000.00`; text a spreadsheet would run as a formula is made inert.
public enum ReturnCSV {
    /// The fixed columns, in order.
    public static let columns = [
        "record", "period", "as_of", "funder_id", "funder_name", "fingerprint",
        "award_id", "decision", "title", "recipient_id", "recipient_name", "csp_id", "csp_name", "fund_id", "fund_name",
        "scheme", "priorities", "award_date", "planned_start", "planned_end", "state", "awards",
        "awarded", "released", "committed", "paid_in_period", "paid_to_date", "outstanding", "returned",
        "contributor_id", "contributor_name", "service", "financial_year", "expected", "received",
        "contribution_outstanding",
    ]

    /// The byte-order mark Excel needs to read UTF-8 (and show £) without asking.
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ r: SpendReturn, excel: Bool = false) throws(MoneyError) -> String {
        var out = excel ? byteOrderMark : ""
        try write(header: r.header, lines: r.lines, totals: try r.totals(), contributions: r.contributions) { out += $0 }
        return out
    }

    /// Streams the return, a row at a time, to `emit`: memory stays flat however many award lines there are.
    public static func write(
        header: SpendReturn.Header, lines: some Sequence<SpendReturn.AwardLine>, totals: [SpendReturn.Total],
        contributions: [SpendReturn.ContributionLine], emit: (String) -> Void
    ) throws(MoneyError) {
        func row(_ values: [String: CSVWriter.Cell]) {
            var writer = CSVWriter()
            writer.row(columns.map { values[$0] ?? .value("") })
            emit(writer.output)
        }
        var first = CSVWriter()
        first.row(values: columns)
        emit(first.output)
        row([
            "record": .value("return"), "period": .value(header.period.label), "as_of": .value(header.asOf.description),
            "funder_id": .value(header.funderID), "funder_name": .text(header.funderName),
            "fingerprint": .value(header.fingerprint), "fund_id": .value(header.fund ?? ""),
            "csp_id": .value(header.csp ?? ""),
        ])
        for line in lines {
            row([
                "record": .value("award"), "award_id": .text(line.awardID), "decision": .text(line.decision),
                "title": .text(line.title), "recipient_id": .text(line.recipientID),
                "recipient_name": .text(line.recipientName), "csp_id": .text(line.cspID ?? ""),
                "csp_name": .text(line.cspName ?? ""), "fund_id": .text(line.fundID), "fund_name": .text(line.fundName),
                "scheme": .value(line.scheme.rawValue), "priorities": .text(line.priorities.joined(separator: ";")),
                "award_date": .value(line.awardDate.description), "planned_start": .value(line.plannedStart.description),
                "planned_end": .value(line.plannedEnd.description), "state": .value(line.state.rawValue),
                "awarded": .value(line.awarded.plain), "released": .value(line.released.plain),
                "committed": .value(line.committed.plain), "paid_in_period": .value(line.paidInPeriod.plain),
                "paid_to_date": .value(line.paidToDate.plain), "outstanding": .value(line.outstanding.plain),
                "returned": .value(line.returned.plain),
            ])
        }
        for total in totals {
            row([
                "record": .value("\(total.level.rawValue)-total"),
                total.level == .csp ? "csp_id" : "fund_id": .text(total.key),
                total.level == .csp ? "csp_name" : "fund_name": .text(total.name),
                "awards": .value(String(total.awards)),
                "awarded": .value(total.awarded.plain), "released": .value(total.released.plain),
                "committed": .value(total.committed.plain), "paid_in_period": .value(total.paidInPeriod.plain),
                "paid_to_date": .value(total.paidToDate.plain), "outstanding": .value(total.outstanding.plain),
                "returned": .value(total.returned.plain),
            ].merging(total.level == .csp ? ["fund_id": .text(total.fundID)] : [:]) { first, _ in first })
        }
        for line in contributions {
            row([
                "record": .value("contribution"), "contributor_id": .text(line.contributorID),
                "contributor_name": .text(line.contributorName), "service": .text(line.service),
                "financial_year": .value(line.year.label), "expected": .value(line.expected.plain),
                "received": .value(line.received.plain), "contribution_outstanding": .value(line.outstanding.plain),
            ])
        }
    }
}
