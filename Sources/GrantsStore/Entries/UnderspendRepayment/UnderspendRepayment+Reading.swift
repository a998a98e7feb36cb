import GrantsCore

extension UnderspendRepayment: StoredEntry {
    static let table = "underspend_returns"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), award: try row.text("award_id"),
            amount: try row.money("amount"), date: try row.day("date"), reason: row["reason"])
    }
}
