import GrantsCore

extension ContributionWithdrawal {
    /// The ids and text checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("reason", .text(reason)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        let contribution = try writer.require(
            ContributionSchedule.self, schedule, field: "contribution", of: id, origin: origin)
        try writer.requireDate(
            effective, field: "effective",
            notBefore: .init(day: contribution.committed, what: "the day contribution \(schedule) was committed"),
            of: id, origin: origin)
        if let earlier = try ContributionWithdrawal.read(where: "contribution_id", is: schedule, writer.db) {
            throw LedgerError(
                .invalidEntry,
                "contribution \(schedule) was already withdrawn by \(earlier.id) from \(earlier.effective)",
                origin: origin, field: "contribution", entryID: id)
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO contribution_withdrawals (id, contribution_id, effective, reason) VALUES (?, ?, ?, ?)",
            arguments: [id, schedule, effective.description, reason])
    }
}
