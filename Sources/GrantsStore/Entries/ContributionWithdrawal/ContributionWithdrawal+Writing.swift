import GRDB
import GrantsCore

extension ContributionWithdrawal {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ withdrawal: ContributionWithdrawal, origin: Origin?) throws {
        let id = withdrawal.id
        guard try ContributionSchedule.read(withdrawal.schedule, db) != nil else {
            throw unknown("contribution", withdrawal.schedule, field: "contribution", of: id, origin: origin)
        }
        if let earlier = try ContributionWithdrawal.read(contribution: withdrawal.schedule, db) {
            throw LedgerError(
                .invalidEntry,
                "contribution \(withdrawal.schedule) was already withdrawn by \(earlier.id) from \(earlier.effective)",
                origin: origin, field: "contribution", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO contribution_withdrawals (id, contribution_id, effective, reason) VALUES (?, ?, ?, ?)",
            arguments: [id, withdrawal.schedule, withdrawal.effective.description, withdrawal.reason])
    }
}
