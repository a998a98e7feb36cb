import GrantsCore

extension UnderspendRepayment: LedgerFileEntry {
    /// `underspend_returns:` lists money paid on an award that the recipient handed back unspent.
    static var section: String { "underspend_returns" }

    /// Reads one: id, award, amount, date and an optional reason.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> UnderspendRepayment {
        UnderspendRepayment(
            id: try r.identifier("id"), award: try r.identifier("award"), amount: try r.money("amount"),
            date: try r.day("date"), reason: try r.optionalText("reason"))
    }
}
