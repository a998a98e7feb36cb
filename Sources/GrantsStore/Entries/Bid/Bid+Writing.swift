import GrantsCore

extension Bid {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("title", .text(title)), ("requested", .amount(requested)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(requested, field: "requested", of: id, origin: origin)
        let fund = try writer.requireFund(self.fund, of: id, origin: origin)
        try writer.requireDate(
            submitted, field: "submitted", notBefore: .yearBefore(fund.year, "fund \(fund.id)"),
            notAfter: .lastDay(of: fund.year, "fund \(fund.id)"), of: id, origin: origin)
        _ = try writer.requireOrganisation(applicant, field: "applicant", of: id, origin: origin)
        if let csp = self.csp {
            try writer.requireCSP(csp, of: id, origin: origin)
        }
        try writer.db.execute(
            cachedSQL: """
                INSERT INTO bids (id, fund_id, applicant_id, title, requested, submitted, csp_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, fund.id, applicant.rawValue, title, requested.pence,
                        submitted.description, self.csp?.rawValue])
    }
}
