import CXlsxWriter

/// How a sheet of a return workbook prints, so that File, Print gives a finance officer something to file without
/// setting anything up: A4 landscape, one page wide, the header rows on every page, and a header and footer that
/// say which return, which sheet, which state of the ledger and which page it is.
extension Sheet {
    /// libxlsxwriter's (and Excel's) paper code for A4.
    static let a4Paper: UInt8 = 9
    /// Margins in inches: Excel's "Narrow" (0.25 at the sides), so the scaled-down sheet is as large as it can be; the
    /// header and footer sit in the 0.75 at the top and bottom, 0.3 from the edge.
    static let sideMargin = 0.25
    static let topAndBottomMargin = 0.75

    /// Sets the sheet up for printing: A4 landscape, narrow margins, scaled to fit one page wide (and as many pages
    /// down as the rows need), the rows `repeatedRows` (zero-based) printed at the top of every page, and `page`'s
    /// header and footer.
    func setUpPrinting(repeating repeatedRows: ClosedRange<Int>, _ page: HeaderFooter) throws(SpreadsheetError) {
        guard let first = lxw_row_t(exactly: repeatedRows.lowerBound),
              let last = lxw_row_t(exactly: repeatedRows.upperBound)
        else {
            throw .cannotWrite(what: "the rows printed on every page of '\(name)'", reason: "out of range")
        }
        worksheet_set_landscape(pointer)
        worksheet_set_paper(pointer, Self.a4Paper)
        worksheet_set_margins(pointer, Self.sideMargin, Self.sideMargin, Self.topAndBottomMargin, Self.topAndBottomMargin)
        // 0 pages tall: no limit, so a long sheet runs on to more pages rather than shrinking to nothing.
        worksheet_fit_to_pages(pointer, 1, 0)
        try check(worksheet_repeat_rows(pointer, first, last), "the rows printed on every page of '\(name)'")
        try check(worksheet_set_header(pointer, page.header), "the printed header of '\(name)'")
        try check(worksheet_set_footer(pointer, page.footer), "the printed footer of '\(name)'")
    }

    private func check(_ status: lxw_error, _ what: String) throws(SpreadsheetError) {
        guard status == LXW_NO_ERROR else { throw .cannotWrite(what: what, reason: Workbook.message(status)) }
    }
}
