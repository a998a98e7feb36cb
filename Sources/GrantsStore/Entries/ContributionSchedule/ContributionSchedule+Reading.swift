import GRDB
import GrantsCore

extension ContributionSchedule: StoredEntry {
    static let table = "contributions"

    /// With its instalments from `contribution_years`, in year order.
    init(row: Row, _ db: Database) throws {
        let t = Self.table
        let years = try Row.fetchAll(
            db, sql: "SELECT * FROM contribution_years WHERE contribution_id = ? ORDER BY year_start",
            arguments: [row["id"] as String?])
        let instalments = try years.map { year throws(LedgerError) in
            Instalment(
                year: try year.year("year_start", in: "contribution_years"),
                amount: try year.money("amount", in: "contribution_years"))
        }
        self.init(
            id: try row.text("id", in: t), contributor: try row.organisationID("contributor_id", in: t),
            recipient: try row.organisationID("recipient_id", in: t), service: try row.text("service", in: t),
            committed: try row.day("committed", in: t), reason: try row.text("reason", in: t),
            instalments: instalments)
    }
}
