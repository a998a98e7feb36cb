import GrantsCore

/// A spend return as one CSV table (RFC 4180, UTF-8, CRLF). The first column says what each row is: the `return`
/// row (period, as-of day, funder, fingerprint, scope), one `award` row per award, `csp-total` and `fund-total` rows
/// (sums of the award rows), `fund-budget` and `csp-budget` rows (each fund's budget and every partnership's
/// allocation, as `grants status` gives them), `payment` and `claim` rows for the period, and `contribution` rows.
///
/// The columns are every field of `ReturnFields`, each once, in order: the XML and the workbook carry the same
/// fields under the same names. Money is `10000.00`; text a spreadsheet would run as a formula is made inert.
public enum ReturnCSV {
    /// The header row's own fields, after `record`.
    static let headerKeys = ["period", "as_of", "funder_id", "funder_name", "fingerprint"]

    /// The columns, in order: `record`, the header's fields, then every table's fields, each key once.
    public static let columns: [String] = {
        var keys = ["record"] + headerKeys
        let tables = [
            ReturnFields.award.map(\.key), ReturnFields.total.map(\.key), ReturnFields.budget.map(\.key),
            ReturnFields.payment.map(\.key), ReturnFields.claim.map(\.key), ReturnFields.contribution.map(\.key),
        ]
        for key in tables.joined() where !keys.contains(key) { keys.append(key) }
        return keys
    }()

    private static let position: [String: Int] = Dictionary(
        uniqueKeysWithValues: columns.enumerated().map { ($0.element, $0.offset) })

    /// The byte-order mark Excel needs to read UTF-8 (and show £) without asking.
    public static let byteOrderMark = "\u{FEFF}"

    public static func render(_ r: some SpendReturnContent, excel: Bool = false) throws(MoneyError) -> String {
        var out = excel ? byteOrderMark : ""
        try write(r) { out += $0 }
        return out
    }

    /// Streams the return, a row at a time, to `emit`, walking its award lines once and adding up the totals as
    /// they go by: memory stays flat however many award lines there are.
    public static func write(_ r: some SpendReturnContent, emit: (String) -> Void) throws(MoneyError) {
        var totals = SpendReturn.Totals(funds: r.funds)
        try write(
            header: r.header, lines: r.lines, each: { line throws(MoneyError) in try totals.add(line) },
            totals: { () throws(MoneyError) in try totals.result() }, budgets: r.fundBudgets + r.partnershipBudgets,
            payments: r.payments, claims: r.claims, contributions: r.contributions, emit: emit)
    }

    /// Streams a return whose parts are given one by one, a row at a time, to `emit`; `totals` are written as given.
    public static func write(
        header: SpendReturn.Header, lines: some Sequence<SpendReturn.AwardLine>, totals: [SpendReturn.Total],
        budgets: [StatusReport.Line] = [], payments: [SpendReturn.PaymentLine] = [],
        claims: [SpendReturn.ClaimLine] = [], contributions: [SpendReturn.ContributionLine],
        emit: (String) -> Void
    ) throws(MoneyError) {
        try write(
            header: header, lines: lines, each: { _ in }, totals: { totals },
            budgets: budgets, payments: payments, claims: claims, contributions: contributions, emit: emit)
    }

    private static func write(
        header: SpendReturn.Header, lines: some Sequence<SpendReturn.AwardLine>,
        each: (SpendReturn.AwardLine) throws(MoneyError) -> Void,
        totals: () throws(MoneyError) -> [SpendReturn.Total], budgets: [StatusReport.Line],
        payments: some Sequence<SpendReturn.PaymentLine>, claims: some Sequence<SpendReturn.ClaimLine>,
        contributions: [SpendReturn.ContributionLine], emit: (String) -> Void
    ) throws(MoneyError) {
        var first = CSVWriter()
        first.row(values: columns)
        emit(first.output)
        emit(row("return", [
            ("period", .text(header.period.label)), ("as_of", .day(header.asOf)), ("funder_id", .text(header.funderID)),
            ("funder_name", .text(header.funderName)), ("fingerprint", .text(header.fingerprint)),
            ("fund_id", .text(header.fund)), ("csp_id", .text(header.csp)),
        ]))
        for line in lines {
            try each(line)
            emit(try row("award", ReturnFields.award, line))
        }
        for total in try totals() { emit(try row("\(total.level.rawValue)-total", ReturnFields.total, total)) }
        for budget in budgets { emit(try row(budget.csp == nil ? "fund-budget" : "csp-budget", ReturnFields.budget, budget)) }
        for payment in payments { emit(try row("payment", ReturnFields.payment, payment)) }
        for claim in claims { emit(try row("claim", ReturnFields.claim, claim)) }
        for line in contributions { emit(try row("contribution", ReturnFields.contribution, line)) }
    }

    private static func row<Line>(_ record: String, _ fields: [ReturnField<Line>], _ line: Line) throws(MoneyError)
        -> String
    {
        var values: [(String, ReturnValue)] = []
        for field in fields { values.append((field.key, try field.value(line))) }
        return row(record, values)
    }

    private static func row(_ record: String, _ values: [(String, ReturnValue)]) -> String {
        var cells = [CSVWriter.Cell](repeating: .value(""), count: columns.count)
        cells[0] = .value(record)
        for (key, value) in values {
            guard let index = position[key] else { continue }
            cells[index] = cell(value)
        }
        var writer = CSVWriter()
        writer.row(cells)
        return writer.output
    }

    static func cell(_ value: ReturnValue) -> CSVWriter.Cell {
        switch value {
        case .text(let text): .text(text ?? "")
        case .money(let money): .value(money.plain)
        case .day(let day): .value(day?.description ?? "")
        case .count(let count): .value(String(count))
        }
    }
}
