import GrantsCore

extension ContributionSchedule: StoredEntry {
    static let table = "contributions"

    /// With its instalments from `contribution_years`, in year order.
    init(row: StoredRow, _ db: SQLConnection) throws {
        let years = try SQLRow.fetchAll(
            db, cachedSQL: "SELECT * FROM contribution_years WHERE contribution_id = ? ORDER BY year_start",
            arguments: [row["id"] as String?])
        let instalments = try years.map { year throws(LedgerError) in
            Instalment(
                year: try year.year("year_start", in: "contribution_years"),
                amount: try year.money("amount", in: "contribution_years"))
        }
        self.init(
            id: try row.text("id"), contributor: try row.organisationID("contributor_id"),
            recipient: try row.organisationID("recipient_id"), service: try row.text("service"),
            committed: try row.day("committed"), reason: try row.text("reason"),
            instalments: instalments)
    }
}
