import GRDB
import GrantsCore

extension UnderspendReturn {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ entry: UnderspendReturn, origin: Origin?) throws {
        let id = entry.id
        try requirePositive(entry.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(entry.award, of: id, origin: origin)
        try requireNotBefore(entry.date, award, of: id, origin: origin)
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let returned = try db.sum("underspend_returns WHERE award_id = ?", [award.id])
        let after = try add(returned, entry.amount, origin: origin, field: "amount", id: id)
        if let owed = try Int64.fetchOne(db, sql: "SELECT owed FROM award_closures WHERE award_id = ?", arguments: [award.id]),
           after.pence > owed {
            throw LedgerError(
                .exceedsPaid,
                "returning \(entry.amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(Money(pence: owed).formatted) owed back at its close",
                origin: origin, field: "amount", entryID: id)
        }
        if after > paid {
            throw LedgerError(
                .exceedsPaid,
                "returning \(entry.amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(paid.formatted) paid on it",
                origin: origin, field: "amount", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO underspend_returns (id, award_id, amount, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, entry.amount.pence, entry.date.description, entry.reason])
    }
}
