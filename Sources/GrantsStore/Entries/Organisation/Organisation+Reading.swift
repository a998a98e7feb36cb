import GrantsCore

extension Organisation: StoredEntry {
    static let table = "organisations"

    /// With its members (for a partnership) from `csp_members`, in the order they were given.
    init(row: StoredRow, _ db: SQLConnection) throws {
        let members = try String.fetchAll(
            db, cachedSQL: "SELECT member_id FROM csp_members WHERE csp_id = ? ORDER BY position",
            arguments: [row["id"] as String?])
        let kind: OrganisationKind = try row.choice("kind")
        let publication = try SQLRow.fetchOne(
            db, cachedSQL: "SELECT sensitive, published_as FROM organisation_publication WHERE organisation_id = ?",
            arguments: [row["id"] as String?])
        self.init(
            id: try row.organisationID("id"),
            name: try row.text("name"),
            kind: kind,
            members: try members.map(OrganisationID.init(stored:)),
            charityNumber: row["charity_number"],
            companyNumber: row["company_number"],
            locationCode: row["location_code"],
            isExample: (row["example"] as Int?) == 1,
            isSensitive: (publication?["sensitive"] as Int?) == 1,
            publishedAs: publication?["published_as"]
        )
    }
}
