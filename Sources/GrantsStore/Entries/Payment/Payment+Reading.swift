import GRDB
import GrantsCore

extension Payment: StoredEntry {
    static let table = "payments"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), claim: row["claim_id"],
            amount: try row.money("amount", in: t), date: try row.day("date", in: t), reference: row["reference"])
    }
}
