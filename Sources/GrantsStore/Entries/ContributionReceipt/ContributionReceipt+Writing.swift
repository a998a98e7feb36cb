import GrantsCore

extension ContributionReceipt {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("amount", .amount(amount)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        let schedule = try writer.require(
            ContributionSchedule.self, contribution, field: "contribution", of: id, origin: origin)
        if let withdrawal = try ContributionWithdrawal.read(where: "contribution_id", is: schedule.id, writer.db) {
            if withdrawal.cancels(year) {
                throw LedgerError(
                    .invalidEntry,
                    "contribution \(schedule.id) was withdrawn from \(withdrawal.effective): nothing is due for \(year)",
                    origin: origin, field: "financial_year", entryID: id)
            }
        }
        guard let instalment = schedule.instalments.first(where: { $0.year == year }) else {
            throw LedgerError(
                .invalidEntry, "contribution \(schedule.id) has no instalment for \(year)", origin: origin,
                field: "financial_year", entryID: id)
        }
        try writer.requireDate(
            date, field: "date",
            notBefore: .init(day: schedule.committed, what: "the day contribution \(schedule.id) was committed"),
            notAfter: .settlement(year, "its instalment"), of: id, origin: origin)
        let received = try writer.db.sum("contribution_receipts WHERE contribution_id = ? AND year_start = ?",
                                  [schedule.id, year.startYear])
        try writer.requireWithin(
            instalment.amount, used: received, adding: amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "receiving \(amount.formatted) would take \(year) receipts on \(schedule.id) to "
                + "\(after.formatted), over the \(instalment.amount.formatted) due"
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO contribution_receipts (id, contribution_id, year_start, amount, date) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, schedule.id, year.startYear, amount.pence, date.description])
    }
}
