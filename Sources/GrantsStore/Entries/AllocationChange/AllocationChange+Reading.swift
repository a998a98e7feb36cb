import GRDB
import GrantsCore

extension AllocationChange: StoredEntry {
    static let table = "allocation_changes"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), allocation: try row.text("allocation_id", in: t),
            delta: try row.money("delta", in: t), decision: try row.text("decision", in: t),
            date: try row.day("date", in: t), reason: try row.text("reason", in: t))
    }
}
