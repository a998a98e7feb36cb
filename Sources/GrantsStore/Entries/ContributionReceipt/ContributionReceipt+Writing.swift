import GRDB
import GrantsCore

extension ContributionReceipt {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ receipt: ContributionReceipt, origin: Origin?) throws {
        let id = receipt.id
        try requirePositive(receipt.amount, field: "amount", of: id, origin: origin)
        guard let schedule = try ContributionSchedule.read(receipt.contribution, db) else {
            throw unknown("contribution", receipt.contribution, field: "contribution", of: id, origin: origin)
        }
        if let withdrawal = try ContributionWithdrawal.read(contribution: schedule.id, db) {
            if withdrawal.cancels(receipt.year) {
                throw LedgerError(
                    .invalidEntry,
                    "contribution \(schedule.id) was withdrawn from \(withdrawal.effective): nothing is due for \(receipt.year)",
                    origin: origin, field: "financial_year", entryID: id)
            }
        }
        guard let instalment = schedule.instalments.first(where: { $0.year == receipt.year }) else {
            throw LedgerError(
                .invalidEntry, "contribution \(schedule.id) has no instalment for \(receipt.year)", origin: origin,
                field: "financial_year", entryID: id)
        }
        let received = try db.sum("contribution_receipts WHERE contribution_id = ? AND year_start = ?",
                                  [schedule.id, receipt.year.startYear])
        try requireWithin(
            instalment.amount, used: received, adding: receipt.amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "receiving \(receipt.amount.formatted) would take \(receipt.year) receipts on \(schedule.id) to "
                + "\(after.formatted), over the \(instalment.amount.formatted) due"
        }
        try db.execute(
            sql: "INSERT INTO contribution_receipts (id, contribution_id, year_start, amount, date) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, schedule.id, receipt.year.startYear, receipt.amount.pence, receipt.date.description])
    }
}
