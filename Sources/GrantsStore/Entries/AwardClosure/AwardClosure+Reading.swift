import GrantsCore

extension AwardClosure: StoredEntry {
    static let table = "award_closures"

    /// What was spent; what the closure released and what is owed back are worked out when it is recorded, and kept
    /// in the row for the triggers and reports.
    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), award: try row.text("award_id"), spent: try row.money("spent"),
            date: try row.day("date"))
    }
}
