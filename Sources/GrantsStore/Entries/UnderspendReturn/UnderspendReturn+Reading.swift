import GRDB
import GrantsCore

extension UnderspendReturn: StoredEntry {
    static let table = "underspend_returns"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t),
            amount: try row.money("amount", in: t), date: try row.day("date", in: t), reason: row["reason"])
    }
}
