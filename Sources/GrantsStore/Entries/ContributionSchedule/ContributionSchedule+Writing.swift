import GRDB
import GrantsCore

extension ContributionSchedule {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ schedule: ContributionSchedule, origin: Origin?) throws {
        let id = schedule.id
        _ = try requireOrganisation(schedule.contributor, field: "contributor", of: id, origin: origin)
        _ = try requireOrganisation(schedule.recipient, field: "recipient", of: id, origin: origin)
        guard !schedule.instalments.isEmpty else {
            throw LedgerError(
                .invalidEntry, "a contribution needs at least one year's amount", origin: origin, field: "years",
                entryID: id)
        }
        try db.execute(
            sql: """
                INSERT INTO contributions (id, contributor_id, recipient_id, service, committed, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, schedule.contributor.rawValue, schedule.recipient.rawValue, schedule.service,
                        schedule.committed.description, schedule.reason])
        var years = Set<FinancialYear>()
        for instalment in schedule.instalments {
            try requirePositive(instalment.amount, field: "years", of: id, origin: origin)
            guard years.insert(instalment.year).inserted else {
                throw LedgerError(
                    .invalidEntry, "the year \(instalment.year) is given twice", origin: origin, field: "years",
                    entryID: id)
            }
            try db.execute(
                sql: "INSERT INTO contribution_years (contribution_id, year_start, amount) VALUES (?, ?, ?)",
                arguments: [id, instalment.year.startYear, instalment.amount.pence])
        }
    }
}
