import GrantsCore

extension AwardWithdrawal: LedgerFileEntry {
    /// `award_withdrawals:` lists withdrawals of awards nothing was paid on.
    static var section: String { "award_withdrawals" }

    /// Reads one: id, award, date and reason.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> AwardWithdrawal {
        AwardWithdrawal(
            id: try r.identifier("id"), award: try r.identifier("award"), date: try r.day("date"),
            reason: try r.text("reason"))
    }
}
