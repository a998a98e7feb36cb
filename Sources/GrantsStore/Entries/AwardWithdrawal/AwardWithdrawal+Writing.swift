import GrantsCore

extension AwardWithdrawal {
    /// The ids and text checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("reason", .text(reason)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        let award = try writer.requireAward(self.award, of: id, origin: origin)
        try writer.requireOpen(award, doing: "withdrawn", of: id, origin: origin)
        try writer.requireNotBefore(date, award, of: id, origin: origin)
        try writer.requireSettled(date, on: award, of: id, origin: origin)
        try writer.requireNothingAfter(date, on: award, of: id, origin: origin)
        let paid = try writer.db.sum("payments WHERE award_id = ?", [award.id])
        guard paid == .zero else {
            throw LedgerError(
                .invalidEntry,
                "award \(award.id) has \(paid.formatted) paid on it: close it with what was spent instead of withdrawing it",
                origin: origin, field: "award", entryID: id)
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO award_withdrawals (id, award_id, released, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, award.amount.pence, date.description, reason])
    }
}
