import GrantsCore

extension ContributionReceipt: LedgerFileEntry {
    /// `contribution_receipts:` lists money received against one year of a contribution.
    static var section: String { "contribution_receipts" }

    /// Reads one: id, contribution, financial year, amount and date.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> ContributionReceipt {
        ContributionReceipt(
            id: try r.identifier("id"), contribution: try r.identifier("contribution"),
            year: try r.year("financial_year"), amount: try r.money("amount"), date: try r.day("date"))
    }
}
