import GrantsCore
import GrantsFiles

/// Writes a `SpendReturn` as an XLSX workbook (through libxlsxwriter) for finance officers: a Summary sheet (the
/// return's header, then totals per CSP and per fund and for the whole return), then one sheet per table of the
/// return with the fields the CSV and the XML carry (`ReturnFields`): Awards, Contributions, Budgets (each fund's
/// budget and every partnership's allocation), Payments and Claims of the period.
///
/// Amounts are number cells in the `£#,##0.00` format, so they add up in a spreadsheet; totals are summed in
/// integer pence before any cell is written. Text is always a string cell, never a formula. Each sheet's header
/// row is bold, and frozen with the column that names each row. Each sheet prints on A4 landscape, one page wide,
/// its header row repeated on every page, under a header and over a footer that give the title, period, as-of day,
/// the ledger's fingerprint and the page (``HeaderFooter``). The workbook's creation time is fixed to the return's
/// as-of day, so the same return gives a byte-identical file.
public enum ReturnWorkbook {
    /// The first sheet's name. Sheet names are fixed, and valid: short, none of `[]:*?/\`.
    public static let summarySheet = "Summary"
    /// The second sheet's name: one row per award line.
    public static let awardsSheet = "Awards"
    /// The third sheet's name: one row per contribution line.
    public static let contributionsSheet = "Contributions"
    /// The fourth sheet's name: each fund's budget and every partnership's allocation, as status gives them.
    public static let budgetsSheet = "Budgets"
    /// The fifth sheet's name: the payments of the period.
    public static let paymentsSheet = "Payments"
    /// The sixth sheet's name: the claims of the period.
    public static let claimsSheet = "Claims"
    /// Every sheet's name, in order.
    public static let sheets = [summarySheet, awardsSheet, contributionsSheet, budgetsSheet, paymentsSheet, claimsSheet]

    /// The Awards sheet's column titles, in order.
    public static let awardColumns = ReturnFields.award.map(\.title)

    /// The totals table's column titles on the Summary sheet, in order.
    public static let totalColumns = [
        "Level", "ID", "Name", "Fund ID", "Awards", "Awarded", "Released", "Committed", "Paid in period",
        "Paid to date", "Outstanding", "Returned",
    ]

    /// The Contributions sheet's column titles, in order.
    public static let contributionColumns = ReturnFields.contribution.map(\.title)

    /// Writes `r` to `path`, replacing any file there only once the new workbook is complete. Only for a return held
    /// in memory: a streamed one is written `into` an `OutputFile` that its caller commits once the ledger's read has
    /// ended well.
    public static func write(_ r: SpendReturn, to path: String) throws(SpreadsheetError) {
        let output: OutputFile
        do {
            output = try OutputFile(path: path)
        } catch {
            throw .cannotSave(path: path, reason: error.message)
        }
        try write(r, into: output)
        do {
            try output.commit()
        } catch {
            throw .cannotSave(path: path, reason: error.message)
        }
    }

    /// Writes `r` into `output`'s new file and checks it, without putting it in place: the caller commits or
    /// abandons `output`.
    public static func write(_ r: some SpendReturnContent, into output: OutputFile) throws(SpreadsheetError) {
        try write(r, into: Workbook(output: output))
    }

    /// Walks the award lines once: the Awards sheet is written first, its totals added up as its rows go by, then
    /// the Summary sheet (the first in the workbook) from them. Each sheet's rows are written top to bottom, as the
    /// workbook's constant memory needs.
    private static func write(_ r: some SpendReturnContent, into workbook: Workbook) throws(SpreadsheetError) {
        try workbook.setProperties(
            title: "Spend return \(r.header.period.label)",
            subject: "Grants \(scope(r.header)), figures as of \(r.header.asOf)",
            company: r.header.funderName,
            comments: "From the grants ledger \(r.header.fingerprint)",
            createdSeconds: createdSeconds(r.header.asOf))
        let formats = try CellFormats(workbook)
        let page = HeaderFooter(r.header, title: title(r.header))
        let summary = try workbook.addSheet(summarySheet)
        let awards = try workbook.addSheet(awardsSheet)
        let contributions = try workbook.addSheet(contributionsSheet)
        let budgets = try workbook.addSheet(budgetsSheet)
        let payments = try workbook.addSheet(paymentsSheet)
        let claims = try workbook.addSheet(claimsSheet)
        var sums = SpendReturn.Totals(funds: r.funds)
        try writeTable(ReturnFields.award, r.lines, to: awards, formats, page) { line throws(SpreadsheetError) in
            do throws(MoneyError) {
                try sums.add(line)
            } catch {
                throw .money(error)
            }
        }
        let totals: [SpendReturn.Total]
        do {
            totals = try sums.result()
        } catch {
            throw .money(error)
        }
        try writeSummary(
            r, lines: sums.all.awards, totals: totals, grandTotal: grandTotalCells(sums.all), to: summary, formats, page)
        try writeTable(ReturnFields.contribution, r.contributions, to: contributions, formats, page)
        try writeTable(ReturnFields.budget, r.fundBudgets + r.partnershipBudgets, to: budgets, formats, page)
        try writeTable(ReturnFields.payment, r.payments, to: payments, formats, page)
        try writeTable(ReturnFields.claim, r.claims, to: claims, formats, page)
        try workbook.save()
    }

    /// Midnight (UTC) at the start of the as-of day, in seconds since 1970. libxlsxwriter reads 0 as "now", so
    /// 1970-01-01 itself becomes one second past midnight.
    static func createdSeconds(_ day: Day) -> Int {
        let seconds = day.ordinal * 86_400
        return seconds == 0 ? 1 : seconds
    }

    /// "every fund and every CSP", "fund CSP-2017-18", "fund CSP-2017-18, CSP 360G-…".
    static func scope(_ header: SpendReturn.Header) -> String {
        switch (header.fund, header.csp) {
        case (nil, nil): "every fund and every CSP"
        case (let fund?, nil): "fund \(fund)"
        case (nil, let csp?): "CSP \(csp)"
        case (let fund?, let csp?): "fund \(fund), CSP \(csp)"
        }
    }

    /// "Spend return: grants, every fund and every CSP", printed at the top of every page.
    static func title(_ header: SpendReturn.Header) -> String {
        "Spend return: grants, \(scope(header))"
    }

    /// The header block: one label and value a row, with the totals table below it.
    static func headerBlock(_ r: some SpendReturnContent, lines: Int) -> [(String, Cell)] {
        let header = r.header
        return [
            ("Spend return", .text("Grants, \(scope(header))")),
            ("Funder", .text(header.funderName)),
            ("Funder ID", .text(header.funderID)),
            ("Period", .text(header.period.label)),
            ("First day", .day(header.period.days.lowerBound)),
            ("As of", .day(header.asOf)),
            ("Fund", .text(header.fund ?? "All funds")),
            ("CSP", .text(header.csp ?? "All CSPs")),
            ("Award lines", .count(lines)),
            ("Contribution lines", .count(r.contributions.count)),
            ("Ledger fingerprint", .text(header.fingerprint)),
        ]
    }

    private static func writeSummary(
        _ r: some SpendReturnContent, lines: Int, totals: [SpendReturn.Total], grandTotal: [Cell], to sheet: Sheet,
        _ formats: CellFormats, _ page: HeaderFooter
    ) throws(SpreadsheetError) {
        let block = headerBlock(r, lines: lines)
        for (row, (label, value)) in block.enumerated() {
            try sheet.write(.text(label), row: row, column: 0, formats: formats, bold: true)
            try sheet.write(value, row: row, column: 1, formats: formats)
        }
        let headerRow = block.count + 1
        try sheet.writeRow(headerRow, totalColumns.map { .text($0) }, formats: formats, bold: true)
        for (offset, line) in totals.enumerated() {
            try sheet.writeRow(headerRow + 1 + offset, totalCells(line), formats: formats)
        }
        try sheet.writeRow(headerRow + 1 + totals.count, grandTotal, formats: formats, bold: true)
        // The header block and the totals' header row stay in view, with the level and the ID; only the totals'
        // header row is printed again on each page (the header block is in the page header, in short).
        try sheet.freeze(rowsAbove: headerRow + 1, columnsLeftOf: 2)
        try sheet.setUpPrinting(repeating: headerRow...headerRow, page)
        try sheet.fitColumns()
    }

    static func totalCells(_ total: SpendReturn.Total) -> [Cell] {
        let level = switch total.level {
        case .csp: "CSP"
        case .fund: "Fund"
        }
        return [
            .text(level), .text(total.key), .text(total.name), .text(total.fundID),
            .count(total.awards), .money(total.awarded), .money(total.released), .money(total.committed),
            .money(total.paidInPeriod), .money(total.paidToDate), .money(total.outstanding), .money(total.returned),
        ]
    }

    /// The row for every award line together, summed in pence before any cell is written.
    static func grandTotalCells(_ all: SpendReturn.Totals.Sums) -> [Cell] {
        [
            .text("All"), .empty, .text("Every award line"), .empty, .count(all.awards), .money(all.awarded),
            .money(all.released), .money(all.committed), .money(all.paidInPeriod), .money(all.paidToDate),
            .money(all.outstanding), .money(all.returned),
        ]
    }

    /// One table on its own sheet: the fields' titles in bold, a row per line, the header row and the first column
    /// kept in view and the header row printed on every page.
    private static func writeTable<Line>(
        _ fields: [ReturnField<Line>], _ lines: some Sequence<Line>, to sheet: Sheet, _ formats: CellFormats,
        _ page: HeaderFooter, each: (Line) throws(SpreadsheetError) -> Void = { _ in }
    ) throws(SpreadsheetError) {
        try sheet.writeRow(0, fields.map { .text($0.title) }, formats: formats, bold: true)
        for (offset, line) in lines.enumerated() {
            try each(line)
            try sheet.writeRow(1 + offset, try cells(fields, line), formats: formats)
        }
        try sheet.freeze(rowsAbove: 1, columnsLeftOf: 1)
        try sheet.setUpPrinting(repeating: 0...0, page)
        try sheet.fitColumns()
    }

    /// A line's cells, in the fields' order.
    static func cells<Line>(_ fields: [ReturnField<Line>], _ line: Line) throws(SpreadsheetError) -> [Cell] {
        var cells: [Cell] = []
        for field in fields {
            let value: ReturnValue
            do {
                value = try field.value(line)
            } catch {
                throw .money(error)
            }
            switch value {
            case .text(let text): cells.append(.text(text))
            case .money(let money): cells.append(.money(money))
            case .day(let day): cells.append(day.map { .day($0) } ?? .empty)
            case .count(let count): cells.append(.count(count))
            }
        }
        return cells
    }
}
