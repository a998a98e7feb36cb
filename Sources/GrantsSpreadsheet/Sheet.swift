import CXlsxWriter
import GrantsCore

/// One worksheet of a return workbook: writes cells by kind, remembers how wide each column needs to be, and
/// turns every libxlsxwriter status into a `SpreadsheetError`.
final class Sheet {
    /// Columns are sized to their widest cell, within these bounds (in characters).
    static let minimumWidth = 8
    static let maximumWidth = 60
    /// The largest amount in pence whose pounds and pence a spreadsheet cell holds exactly: libxlsxwriter writes
    /// numbers with 16 significant digits, and any decimal of at most 15 digits survives the round trip.
    static let largestExactPence: Int64 = 999_999_999_999_999

    let pointer: UnsafeMutablePointer<lxw_worksheet>
    let name: String
    private var widths: [Int] = []

    init(pointer: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.pointer = pointer
        self.name = name
    }

    /// Writes one row of cells from column A; `bold` for a header or total row.
    func writeRow(_ row: Int, _ cells: [Cell], formats: CellFormats, bold: Bool = false) throws(SpreadsheetError) {
        for (column, cell) in cells.enumerated() {
            try write(cell, row: row, column: column, formats: formats, bold: bold)
        }
    }

    func write(_ cell: Cell, row: Int, column: Int, formats: CellFormats, bold: Bool = false)
        throws(SpreadsheetError)
    {
        guard let rowIndex = lxw_row_t(exactly: row), let columnIndex = lxw_col_t(exactly: column) else {
            throw .cannotWrite(what: "row \(row + 1), column \(column + 1) of '\(name)'", reason: "out of range")
        }
        let textFormat: UnsafeMutablePointer<lxw_format>? = bold ? formats.bold : nil
        let status: lxw_error
        switch cell {
        case .text(let text):
            // A string cell, always: "=HYPERLINK(…)" stays text and never runs.
            status = worksheet_write_string(pointer, rowIndex, columnIndex, text, textFormat)
        case .money(let amount):
            status = worksheet_write_number(
                pointer, rowIndex, columnIndex, try Self.number(amount), bold ? formats.boldMoney : formats.money)
        case .day(let day):
            if day.year >= 1900 {
                var date = lxw_datetime(year: Int32(day.year), month: Int32(day.month), day: Int32(day.day),
                                        hour: 0, min: 0, sec: 0)
                status = worksheet_write_datetime(pointer, rowIndex, columnIndex, &date, formats.day)
            } else {
                // Excel has no dates before 1900: show the day as text.
                status = worksheet_write_string(pointer, rowIndex, columnIndex, day.description, textFormat)
            }
        case .count(let value):
            // A count (such as the number of awards), not money: spreadsheet numbers are doubles.
            status = worksheet_write_number(pointer, rowIndex, columnIndex, Double(value), textFormat)
        case .empty:
            return
        }
        guard status == LXW_NO_ERROR else {
            throw .cannotWrite(what: "row \(row + 1), column \(column + 1) of '\(name)'", reason: Workbook.message(status))
        }
        while widths.count <= column { widths.append(0) }
        widths[column] = max(widths[column], cell.displayWidth)
    }

    /// The amount as the spreadsheet's number, read from the exact decimal text (`2500.05`): the nearest double to
    /// the decimal, which libxlsxwriter writes back as the same decimal. Totals are summed in pence before this.
    static func number(_ amount: Money) throws(SpreadsheetError) -> Double {
        guard amount.pence.magnitude <= UInt64(largestExactPence), let value = Double(amount.plain) else {
            throw .amountTooLarge(amount)
        }
        return value
    }

    /// Keeps the rows above `row` and the columns left of `column` (both zero-based) in view while scrolling: the
    /// header rows, and the column that names each row.
    func freeze(rowsAbove row: Int, columnsLeftOf column: Int) throws(SpreadsheetError) {
        guard let rowIndex = lxw_row_t(exactly: row), let columnIndex = lxw_col_t(exactly: column) else {
            throw .cannotWrite(what: "the frozen panes of '\(name)'", reason: "out of range")
        }
        worksheet_freeze_panes(pointer, rowIndex, columnIndex)
    }

    /// Sizes each column to its widest cell, within `minimumWidth` and `maximumWidth`.
    func fitColumns() throws(SpreadsheetError) {
        for (column, width) in widths.enumerated() {
            guard let columnIndex = lxw_col_t(exactly: column) else { continue }
            let fitted = Double(min(max(width, Self.minimumWidth), Self.maximumWidth) + 2)
            let status = worksheet_set_column(pointer, columnIndex, columnIndex, fitted, nil)
            guard status == LXW_NO_ERROR else {
                throw .cannotWrite(what: "column widths of '\(name)'", reason: Workbook.message(status))
            }
        }
    }
}
