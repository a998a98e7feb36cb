import GrantsCore

/// A spend return as one CSV table (RFC 4180, UTF-8, CRLF). The first column says what each row is: the
/// `return` row (period, as-of day, funder, fingerprint), one `award` row per award, `csp-total` and `fund-total`
/// rows, and `contribution` rows. Money is `10000.00`; text a spreadsheet would run as a formula is made inert.
public enum ReturnCSV {
    /// The fixed columns, in order.
    public static let columns = ReturnColumn.allCases.map(\.rawValue)

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
        func row(_ values: [ReturnColumn: CSVWriter.Cell]) {
            var writer = CSVWriter()
            writer.row(ReturnColumn.allCases.map { values[$0] ?? .value("") })
            emit(writer.output)
        }
        var first = CSVWriter()
        first.row(values: columns)
        emit(first.output)
        row([
            .record: .value("return"), .period: .value(header.period.label), .asOf: .value(header.asOf.description),
            .funderID: .value(header.funderID), .funderName: .text(header.funderName),
            .fingerprint: .value(header.fingerprint), .fundID: .value(header.fund ?? ""),
            .cspID: .value(header.csp ?? ""),
        ])
        for line in lines {
            row([
                .record: .value("award"), .awardID: .text(line.awardID), .decision: .text(line.decision),
                .title: .text(line.title), .recipientID: .text(line.recipientID),
                .recipientName: .text(line.recipientName), .cspID: .text(line.cspID ?? ""),
                .cspName: .text(line.cspName ?? ""), .fundID: .text(line.fundID), .fundName: .text(line.fundName),
                .scheme: .value(line.scheme.rawValue), .priorities: .text(line.priorities.joined(separator: ";")),
                .awardDate: .value(line.awardDate.description), .plannedStart: .value(line.plannedStart.description),
                .plannedEnd: .value(line.plannedEnd.description), .state: .value(line.state.rawValue),
                .awarded: .value(line.awarded.plain), .released: .value(line.released.plain),
                .committed: .value(line.committed.plain), .paidInPeriod: .value(line.paidInPeriod.plain),
                .paidToDate: .value(line.paidToDate.plain), .outstanding: .value(line.outstanding.plain),
                .returned: .value(line.returned.plain),
            ])
        }
        for total in totals {
            row([
                .record: .value("\(total.level.rawValue)-total"),
                total.level == .csp ? .cspID : .fundID: .text(total.key),
                total.level == .csp ? .cspName : .fundName: .text(total.name),
                .awards: .value(String(total.awards)),
                .awarded: .value(total.awarded.plain), .released: .value(total.released.plain),
                .committed: .value(total.committed.plain), .paidInPeriod: .value(total.paidInPeriod.plain),
                .paidToDate: .value(total.paidToDate.plain), .outstanding: .value(total.outstanding.plain),
                .returned: .value(total.returned.plain),
            ].merging(total.level == .csp ? [.fundID: .text(total.fundID)] : [:]) { first, _ in first })
        }
        for line in contributions {
            row([
                .record: .value("contribution"), .contributorID: .text(line.contributorID),
                .contributorName: .text(line.contributorName), .service: .text(line.service),
                .financialYear: .value(line.year.label), .expected: .value(line.expected.plain),
                .received: .value(line.received.plain), .contributionOutstanding: .value(line.outstanding.plain),
            ])
        }
    }
}
