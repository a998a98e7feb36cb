import GrantsCore

extension AwardWithdrawal: StoredEntry {
    static let table = "award_withdrawals"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), award: try row.text("award_id"), date: try row.day("date"),
            reason: try row.text("reason"))
    }
}
