import GrantsCore

extension Bid: StoredEntry {
    static let table = "bids"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), fund: try row.text("fund_id"),
            applicant: try row.organisationID("applicant_id"), title: try row.text("title"),
            requested: try row.money("requested"), submitted: try row.day("submitted"),
            csp: try (row["csp_id"] as String?).map(OrganisationID.init(stored:)))
    }
}
