import GrantsCore

extension Payment: LedgerFileEntry {
    /// `payments:` lists money paid out on an award, for a claim or outside one.
    static var section: String { "payments" }

    /// Reads one: id, award, the claim it pays if any, amount, date and finance reference.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Payment {
        Payment(
            id: try r.identifier("id"), award: try r.identifier("award"), claim: try r.optionalIdentifier("claim"),
            amount: try r.money("amount"), date: try r.day("date"), reference: try r.optionalText("reference"))
    }
}
