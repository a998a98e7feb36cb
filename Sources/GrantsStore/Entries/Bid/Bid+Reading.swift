import GRDB
import GrantsCore

extension Bid: StoredEntry {
    static let table = "bids"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), fund: try row.text("fund_id", in: t),
            applicant: try row.organisationID("applicant_id", in: t), title: try row.text("title", in: t),
            requested: try row.money("requested", in: t), submitted: try row.day("submitted", in: t),
            csp: try (row["csp_id"] as String?).map(OrganisationID.init(stored:)))
    }
}
