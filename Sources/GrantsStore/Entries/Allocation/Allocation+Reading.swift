import GrantsCore

extension Allocation: StoredEntry {
    static let table = "allocations"

    /// As first made: the changes decided since are in the `allocation_totals` view.
    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), fund: try row.text("fund_id"),
            csp: try row.organisationID("csp_id"), amount: try row.money("amount"),
            decision: try row.text("decision"), date: try row.day("date"))
    }
}
