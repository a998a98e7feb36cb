import GRDB
import GrantsCore

extension AwardClosure: StoredEntry {
    static let table = "award_closures"

    /// What was spent; what the closure released and what is owed back are worked out when it is recorded, and kept
    /// in the row for the triggers and reports.
    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), spent: try row.money("spent", in: t),
            date: try row.day("date", in: t))
    }

    /// The closure of an award, if it is closed.
    static func read(award: String, _ db: Database) throws -> AwardClosure? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_closures WHERE award_id = ?", arguments: [award])
            .map { try AwardClosure(row: $0, db) }
    }
}
