import GrantsCore

/// Why a spend return could not be written as a workbook.
public enum SpreadsheetError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxlsxwriter could not start a workbook, sheet or format (it returned NULL): out of memory, or a name it
    /// refused.
    case cannotCreate(what: String)
    /// libxlsxwriter refused a cell, column or property; `reason` is its own message (`lxw_strerror`).
    case cannotWrite(what: String, reason: String)
    /// The finished workbook could not be saved at `path`.
    case cannotSave(path: String, reason: String)
    /// An amount too large to hold exactly in a spreadsheet cell (15 significant digits).
    case amountTooLarge(Money)
    /// A total did not fit in 64-bit pence.
    case money(MoneyError)

    public var description: String {
        switch self {
        case .cannotCreate(let what):
            return "cannot create the workbook's \(what): libxlsxwriter returned nothing (out of memory?)"
        case .cannotWrite(let what, let reason):
            return "cannot write \(what) to the workbook: \(reason)"
        case .cannotSave(let path, let reason):
            return "cannot save the workbook at \(path): \(reason)"
        case .amountTooLarge(let amount):
            return "\(amount.formatted) is too large to hold exactly in a spreadsheet cell (at most 15 digits)"
        case .money(let error):
            return error.description
        }
    }
}
