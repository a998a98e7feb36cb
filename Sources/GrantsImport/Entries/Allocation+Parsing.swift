import GrantsCore

extension Allocation: LedgerFileEntry {
    /// `allocations:` lists the parts of CSP funds set aside for each community safety partnership.
    static var section: String { "allocations" }

    /// Reads one: id, fund, CSP, amount, decision and date.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Allocation {
        Allocation(
            id: try r.identifier("id"), fund: try r.identifier("fund"), csp: try r.organisationID("csp"),
            amount: try r.money("amount"),
            decision: try r.text("decision", expected: "a decision reference such as 2017/81"),
            date: try r.day("date"))
    }
}
