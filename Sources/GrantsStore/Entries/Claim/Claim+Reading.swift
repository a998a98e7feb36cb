import GRDB
import GrantsCore

extension Claim: StoredEntry {
    static let table = "claims"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t),
            periodStart: try row.day("period_start", in: t), periodEnd: try row.day("period_end", in: t),
            amount: try row.money("amount", in: t), date: try row.day("date", in: t))
    }
}
