import GrantsCore

extension Ledger {
    /// What the eligibility rules need to know from the ledger for one financial year, read in one go. Its statements
    /// are prepared once per connection: a server asks for them for every bid it checks.
    public func facts(year: FinancialYear) throws(LedgerError) -> LedgerFacts {
        try read { db in
            let applications = try SQLRow.fetchAll(
                db,
                cachedSQL: """
                    SELECT b.id, b.applicant_id, f.scheme, f.id AS fund_id FROM bids b JOIN funds f ON f.id = b.fund_id
                    WHERE f.year_start = ? ORDER BY b.id
                    """,
                arguments: [year.startYear]
            ).map { row throws(LedgerError) in
                LedgerFacts.Application(
                    bidID: try row.text("id", in: "bids"), applicant: try row.organisationID("applicant_id", in: "bids"),
                    scheme: try row.choice("scheme", in: "funds"), fundID: try row.text("fund_id", in: "funds"))
            }
            let fundings = try SQLRow.fetchAll(
                db,
                cachedSQL: """
                    SELECT a.id, a.bid_id, a.recipient_id, a.amount, f.scheme, f.id AS fund_id
                    FROM awards a JOIN funds f ON f.id = a.fund_id WHERE f.year_start = ? ORDER BY a.id
                    """,
                arguments: [year.startYear]
            ).map { row throws(LedgerError) in
                LedgerFacts.Funding(
                    awardID: try row.text("id", in: "awards"), bidID: row["bid_id"],
                    recipient: try row.organisationID("recipient_id", in: "awards"),
                    scheme: try row.choice("scheme", in: "funds"),
                    fundID: try row.text("fund_id", in: "funds"), amount: try row.money("amount", in: "awards"))
            }
            let partnerships = try SQLRow.fetchAll(
                db,
                cachedSQL: """
                    SELECT o.id, o.name, o.location_code,
                      (SELECT COALESCE(SUM(al.amount), 0) FROM allocation_totals al JOIN funds f ON f.id = al.fund_id
                        WHERE al.csp_id = o.id AND f.year_start = ?1 AND f.scheme = 'csp-grant') AS allocated,
                      (SELECT COALESCE(SUM(aw.committed), 0) FROM award_commitments aw JOIN allocations al ON al.id = aw.allocation_id
                        JOIN funds f ON f.id = al.fund_id
                        WHERE al.csp_id = o.id AND f.year_start = ?1 AND f.scheme = 'csp-grant') AS committed
                    FROM organisations o WHERE o.kind = 'csp' ORDER BY o.name, o.id
                    """,
                arguments: [year.startYear]
            ).map { row throws in
                let id = try row.organisationID("id", in: "organisations")
                let members = try String.fetchAll(
                    db, cachedSQL: "SELECT member_id FROM csp_members WHERE csp_id = ? ORDER BY position",
                    arguments: [id.rawValue])
                return LedgerFacts.Partnership(
                    id: id, name: try row.text("name", in: "organisations"), locationCode: row["location_code"],
                    members: try members.map(OrganisationID.init(stored:)),
                    allocated: try row.money("allocated", in: "allocations"),
                    committed: try row.money("committed", in: "awards"))
            }
            return LedgerFacts(year: year, applications: applications, fundings: fundings, partnerships: partnerships)
        }
    }
}
