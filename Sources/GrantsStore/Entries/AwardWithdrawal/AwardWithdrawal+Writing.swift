import GRDB
import GrantsCore

extension AwardWithdrawal {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ withdrawal: AwardWithdrawal, origin: Origin?) throws {
        let id = withdrawal.id
        let award = try requireAward(withdrawal.award, of: id, origin: origin)
        try requireOpen(award, doing: "withdrawn", of: id, origin: origin)
        try requireNotBefore(withdrawal.date, award, of: id, origin: origin)
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        guard paid == .zero else {
            throw LedgerError(
                .invalidEntry,
                "award \(award.id) has \(paid.formatted) paid on it: close it with what was spent instead of withdrawing it",
                origin: origin, field: "award", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO award_withdrawals (id, award_id, released, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, award.amount.pence, withdrawal.date.description, withdrawal.reason])
    }
}
