import GRDB
import GrantsCore

extension AwardClosure {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ closure: AwardClosure, origin: Origin?) throws {
        let id = closure.id
        let award = try requireAward(closure.award, of: id, origin: origin)
        try requireOpen(award, doing: "closed again", of: id, origin: origin)
        guard !closure.spent.isNegative else {
            throw LedgerError(.invalidEntry, "spent is negative", origin: origin, field: "spent", entryID: id)
        }
        try requireNotBefore(closure.date, award, of: id, origin: origin)
        if let unpaid = try String.fetchOne(
            db, sql: "SELECT c.id FROM claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id) ORDER BY c.id",
            arguments: [award.id]) {
            throw LedgerError(
                .invalidEntry, "claim \(unpaid) on award \(award.id) is not paid yet; pay it before closing",
                origin: origin, field: "award", entryID: id)
        }
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let released = try left(award.amount, paid)
        let owed = closure.spent >= paid ? Money.zero : try left(paid, closure.spent)
        // Underspend handed back before the return must fit in what the return says is owed.
        let returned = try db.sum("underspend_returns WHERE award_id = ?", [award.id])
        if returned > owed {
            throw LedgerError(
                .invalidEntry,
                "\(returned.formatted) of the \(paid.formatted) paid was already returned, so at most "
                    + "\(try left(paid, returned).formatted) can have been spent, not \(closure.spent.formatted)",
                origin: origin, field: "spent", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO award_closures (id, award_id, spent, released, owed, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, closure.spent.pence, released.pence, owed.pence, closure.date.description])
    }
}
