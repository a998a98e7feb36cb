import GrantsCore

extension Claim {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("amount", .amount(amount)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        let award = try writer.requireAward(self.award, of: id, origin: origin)
        try writer.requireOpen(award, doing: "claimed on", of: id, origin: origin)
        guard date >= award.awardDate else {
            throw LedgerError(
                .invalidEntry, "the claim is dated \(date), before award \(award.id) was made on \(award.awardDate)",
                origin: origin, field: "date", entryID: id)
        }
        try writer.requireSettled(date, on: award, of: id, origin: origin)
        guard periodStart <= periodEnd else {
            throw LedgerError(
                .invalidEntry, "the period starts \(periodStart), after it ends \(periodEnd)", origin: origin,
                field: "period_start", entryID: id)
        }
        // A claim is for work done under the award: its period ends on or after the day the award was made.
        try writer.requireDate(
            periodEnd, field: "period_end",
            notBefore: .init(day: award.awardDate, what: "the day award \(award.id) was made"), of: id, origin: origin)
        try writer.requireSettled(periodEnd, field: "period_end", on: award, of: id, origin: origin)
        // Claims and payments made without a claim together never pass the award, so every claim can be paid.
        let claimed = try writer.db.sum("claims WHERE award_id = ?", [award.id])
        let paidWithoutClaim = try writer.db.sum("payments WHERE award_id = ? AND claim_id IS NULL", [award.id])
        let drawn = try writer.add(claimed, paidWithoutClaim, origin: origin, field: "amount", id: id)
        try writer.requireWithin(
            award.amount, used: drawn, adding: amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "claiming \(amount.formatted) would take the claims on award \(award.id) to \(after.formatted), over "
                + "the \(award.amount.formatted) awarded; "
                + "\(try writer.left(award.amount, drawn).formatted) is left to claim"
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO claims (id, award_id, period_start, period_end, amount, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, periodStart.description, periodEnd.description, amount.pence,
                        date.description])
    }
}
