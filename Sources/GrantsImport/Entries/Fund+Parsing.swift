import GrantsCore

extension Fund: LedgerFileEntry {
    /// `funds:` lists each scheme's budget for a financial year.
    static var section: String { "funds" }

    /// Reads one: id, name, scheme, financial year, amount and funder.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Fund {
        Fund(
            id: try r.identifier("id"), name: try r.text("name"), scheme: try r.choice("scheme", of: Scheme.self),
            year: try r.year("financial_year"), amount: try r.money("amount"), funder: try r.organisationID("funder"))
    }
}
