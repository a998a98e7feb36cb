import GrantsCore

extension ContributionSchedule {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape(
            [("id", .identifier(id)), ("service", .text(service)), ("reason", .text(reason))]
                + instalments.map { ("years", .amount($0.amount)) })
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        _ = try writer.requireOrganisation(contributor, field: "contributor", of: id, origin: origin)
        _ = try writer.requireOrganisation(recipient, field: "recipient", of: id, origin: origin)
        guard let last = instalments.map(\.year).max() else {
            throw LedgerError(
                .invalidEntry, "a contribution needs at least one year's amount", origin: origin, field: "years",
                entryID: id)
        }
        try writer.requireDate(
            committed, field: "committed", notAfter: .lastDay(of: last, "its last instalment"), of: id, origin: origin)
        try writer.db.execute(
            cachedSQL: """
                INSERT INTO contributions (id, contributor_id, recipient_id, service, committed, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, contributor.rawValue, recipient.rawValue, service,
                        committed.description, reason])
        // Every instalment together is a total the status adds up and nothing else bounds: it must stay exact.
        var total = try writer.db.sum("contribution_years", [])
        var years = Set<FinancialYear>()
        for instalment in instalments {
            total = try writer.requireTotal(
                total, adding: instalment.amount, of: "every contribution's instalments", field: "years", id: id,
                origin: origin)
            try writer.requirePositive(instalment.amount, field: "years", of: id, origin: origin)
            guard years.insert(instalment.year).inserted else {
                throw LedgerError(
                    .invalidEntry, "the year \(instalment.year) is given twice", origin: origin, field: "years",
                    entryID: id)
            }
            try writer.db.execute(
                cachedSQL: "INSERT INTO contribution_years (contribution_id, year_start, amount) VALUES (?, ?, ?)",
                arguments: [id, instalment.year.startYear, instalment.amount.pence])
        }
    }
}
