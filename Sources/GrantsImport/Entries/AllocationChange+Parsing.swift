import GrantsCore

extension AllocationChange: LedgerFileEntry {
    /// `allocation_changes:` lists later decisions that cut or increase an allocation (a negative delta cuts).
    static var section: String { "allocation_changes" }

    /// Reads one: id, allocation, delta, decision, date and reason.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> AllocationChange {
        AllocationChange(
            id: try r.identifier("id"), allocation: try r.identifier("allocation"), delta: try r.money("delta"),
            decision: try r.text("decision", expected: "a decision reference such as 2017/81"), date: try r.day("date"),
            reason: try r.text("reason"))
    }
}
