import CXlsxWriter

/// The few cell formats a return workbook uses, created once per workbook.
struct CellFormats {
    /// The pounds-and-pence number format: `£10,000.00`.
    static let moneyFormat = "£#,##0.00"
    static let dayFormat = "yyyy-mm-dd"

    let bold: UnsafeMutablePointer<lxw_format>
    let money: UnsafeMutablePointer<lxw_format>
    let boldMoney: UnsafeMutablePointer<lxw_format>
    let day: UnsafeMutablePointer<lxw_format>

    init(_ workbook: Workbook) throws(SpreadsheetError) {
        bold = try workbook.addFormat(bold: true)
        money = try workbook.addFormat(numberFormat: Self.moneyFormat)
        boldMoney = try workbook.addFormat(bold: true, numberFormat: Self.moneyFormat)
        day = try workbook.addFormat(numberFormat: Self.dayFormat)
    }
}
