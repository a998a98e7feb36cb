import GRDB
import GrantsCore

extension Organisation: StoredEntry {
    static let table = "organisations"

    /// With its members (for a partnership) from `csp_members`, in the order they were given.
    init(row: Row, _ db: Database) throws {
        let t = Self.table
        let members = try String.fetchAll(
            db, sql: "SELECT member_id FROM csp_members WHERE csp_id = ? ORDER BY position",
            arguments: [row["id"] as String?])
        let kindText = try row.text("kind", in: t)
        guard let kind = OrganisationKind(rawValue: kindText) else {
            throw LedgerError(.database, "the ledger is damaged: organisations.kind holds '\(kindText)'")
        }
        self.init(
            id: try row.organisationID("id", in: t),
            name: try row.text("name", in: t),
            kind: kind,
            members: try members.map(OrganisationID.init(stored:)),
            charityNumber: row["charity_number"],
            companyNumber: row["company_number"],
            locationCode: row["location_code"],
            isExample: (row["example"] as Int?) == 1
        )
    }
}
