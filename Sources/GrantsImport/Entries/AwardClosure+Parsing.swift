import GrantsCore

extension AwardClosure: LedgerFileEntry {
    /// `award_closures:` lists end-of-grant reports that close an award with what was spent.
    static var section: String { "award_closures" }

    /// Reads one: id, award, amount spent and date.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> AwardClosure {
        AwardClosure(
            id: try r.identifier("id"), award: try r.identifier("award"), spent: try r.money("spent"),
            date: try r.day("date"))
    }
}
