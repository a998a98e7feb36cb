import GrantsCore

extension Claim: LedgerFileEntry {
    /// `claims:` lists recipients' claims for work done on an award, paid in arrears.
    static var section: String { "claims" }

    /// Reads one: id, award, the period claimed for, amount and date.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Claim {
        Claim(
            id: try r.identifier("id"), award: try r.identifier("award"), periodStart: try r.day("period_start"),
            periodEnd: try r.day("period_end"), amount: try r.money("amount"), date: try r.day("date"))
    }
}
