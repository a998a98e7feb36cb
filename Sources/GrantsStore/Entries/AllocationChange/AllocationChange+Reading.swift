import GrantsCore

extension AllocationChange: StoredEntry {
    static let table = "allocation_changes"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), allocation: try row.text("allocation_id"),
            delta: try row.money("delta"), decision: try row.text("decision"),
            date: try row.day("date"), reason: try row.text("reason"))
    }
}
