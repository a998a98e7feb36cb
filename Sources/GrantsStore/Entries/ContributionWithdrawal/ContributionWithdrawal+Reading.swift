import GRDB
import GrantsCore

extension ContributionWithdrawal: StoredEntry {
    static let table = "contribution_withdrawals"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), schedule: try row.text("contribution_id", in: t),
            effective: try row.day("effective", in: t), reason: try row.text("reason", in: t))
    }

    /// The withdrawal of a contribution schedule, if it was withdrawn (it can be only once).
    static func read(contribution: String, _ db: Database) throws -> ContributionWithdrawal? {
        try Row.fetchOne(db, sql: "SELECT * FROM contribution_withdrawals WHERE contribution_id = ?", arguments: [contribution])
            .map { try ContributionWithdrawal(row: $0, db) }
    }
}
