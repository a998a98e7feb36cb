import GRDB
import GrantsCore

extension Bid {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ bid: Bid, origin: Origin?) throws {
        try requirePositive(bid.requested, field: "requested", of: bid.id, origin: origin)
        _ = try requireFund(bid.fund, of: bid.id, origin: origin)
        _ = try requireOrganisation(bid.applicant, field: "applicant", of: bid.id, origin: origin)
        if let csp = bid.csp {
            try requireCSP(csp, of: bid.id, origin: origin)
        }
        try db.execute(
            sql: """
                INSERT INTO bids (id, fund_id, applicant_id, title, requested, submitted, csp_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [bid.id, bid.fund, bid.applicant.rawValue, bid.title, bid.requested.pence,
                        bid.submitted.description, bid.csp?.rawValue])
    }
}
