import GRDB
import GrantsCore

extension ContributionReceipt: StoredEntry {
    static let table = "contribution_receipts"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), contribution: try row.text("contribution_id", in: t),
            year: try row.year("year_start", in: t), amount: try row.money("amount", in: t),
            date: try row.day("date", in: t))
    }
}
