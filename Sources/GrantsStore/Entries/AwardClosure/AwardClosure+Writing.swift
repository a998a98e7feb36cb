import GrantsCore

extension AwardClosure {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("spent", .amount(spent)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        let award = try writer.requireAward(self.award, of: id, origin: origin)
        try writer.requireOpen(award, doing: "closed again", of: id, origin: origin)
        guard !spent.isNegative else {
            throw LedgerError(.invalidEntry, "spent is negative", origin: origin, field: "spent", entryID: id)
        }
        try writer.requireNotBefore(date, award, of: id, origin: origin)
        try writer.requireSettled(date, on: award, of: id, origin: origin)
        try writer.requireNothingAfter(date, on: award, of: id, origin: origin)
        if let unpaid = try String.fetchOne(
            writer.db, cachedSQL: "SELECT c.id FROM claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id) ORDER BY c.id",
            arguments: [award.id]) {
            throw LedgerError(
                .invalidEntry, "claim \(unpaid) on award \(award.id) is not paid yet; pay it before closing",
                origin: origin, field: "award", entryID: id)
        }
        let paid = try writer.db.sum("payments WHERE award_id = ?", [award.id])
        let released = try writer.left(award.amount, paid)
        let owed = spent >= paid ? Money.zero : try writer.left(paid, spent)
        // Underspend handed back before the return must fit in what the return says is owed.
        let returned = try writer.db.sum("underspend_returns WHERE award_id = ?", [award.id])
        if returned > owed {
            throw LedgerError(
                .invalidEntry,
                "\(returned.formatted) of the \(paid.formatted) paid was already returned, so at most "
                    + "\(try writer.left(paid, returned).formatted) can have been spent, not \(spent.formatted)",
                origin: origin, field: "spent", entryID: id)
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO award_closures (id, award_id, spent, released, owed, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, spent.pence, released.pence, owed.pence, date.description])
    }
}
