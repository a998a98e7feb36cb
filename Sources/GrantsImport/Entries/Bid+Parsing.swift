import GrantsCore

extension Bid: LedgerFileEntry {
    /// `bids:` lists applications for money from a fund.
    static var section: String { "bids" }

    /// Reads one: id, fund, applicant, title, amount requested, day submitted and, for a CSP bid, the CSP.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Bid {
        Bid(
            id: try r.identifier("id"), fund: try r.identifier("fund"), applicant: try r.organisationID("applicant"),
            title: try r.text("title"), requested: try r.money("requested"), submitted: try r.day("submitted"),
            csp: try r.optionalOrganisationID("csp"))
    }
}
