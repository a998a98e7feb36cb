import GrantsCore

extension Claim: StoredEntry {
    static let table = "claims"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), award: try row.text("award_id"),
            periodStart: try row.day("period_start"), periodEnd: try row.day("period_end"),
            amount: try row.money("amount"), date: try row.day("date"))
    }
}
