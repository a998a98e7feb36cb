import GrantsCore

extension UnderspendRepayment {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("reason", .text(reason)), ("amount", .amount(amount)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        let award = try writer.requireAward(self.award, of: id, origin: origin)
        try writer.requireNotBefore(date, award, of: id, origin: origin)
        try writer.requireSettled(date, on: award, of: id, origin: origin)
        let paid = try writer.db.sum("payments WHERE award_id = ?", [award.id])
        let returned = try writer.db.sum("underspend_returns WHERE award_id = ?", [award.id])
        let after = try writer.add(returned, amount, origin: origin, field: "amount", id: id)
        if let owed = try Int64.fetchOne(writer.db, cachedSQL: "SELECT owed FROM award_closures WHERE award_id = ?", arguments: [award.id]),
           after.pence > owed {
            throw LedgerError(
                .exceedsPaid,
                "returning \(amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(Money(pence: owed).formatted) owed back at its close",
                origin: origin, field: "amount", entryID: id)
        }
        if after > paid {
            throw LedgerError(
                .exceedsPaid,
                "returning \(amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(paid.formatted) paid on it",
                origin: origin, field: "amount", entryID: id)
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO underspend_returns (id, award_id, amount, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, amount.pence, date.description, reason])
        try writer.requireReturnsCovered(award, from: date, of: id, origin: origin)
    }
}
