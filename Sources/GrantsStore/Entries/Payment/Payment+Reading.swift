import GrantsCore

extension Payment: StoredEntry {
    static let table = "payments"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), award: try row.text("award_id"), claim: row["claim_id"],
            amount: try row.money("amount"), date: try row.day("date"), reference: row["reference"])
    }
}
