import GrantsCore

extension ContributionReceipt: StoredEntry {
    static let table = "contribution_receipts"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), contribution: try row.text("contribution_id"),
            year: try row.year("year_start"), amount: try row.money("amount"),
            date: try row.day("date"))
    }
}
