import GRDB
import GrantsCore

extension AwardWithdrawal: StoredEntry {
    static let table = "award_withdrawals"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), date: try row.day("date", in: t),
            reason: try row.text("reason", in: t))
    }

    /// The withdrawal of an award, if it was withdrawn.
    static func read(award: String, _ db: Database) throws -> AwardWithdrawal? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_withdrawals WHERE award_id = ?", arguments: [award])
            .map { try AwardWithdrawal(row: $0, db) }
    }
}
