import GrantsCore

extension ContributionWithdrawal: StoredEntry {
    static let table = "contribution_withdrawals"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), schedule: try row.text("contribution_id"),
            effective: try row.day("effective"), reason: try row.text("reason"))
    }
}
