import GRDB
import GrantsCore

extension Claim {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ claim: Claim, origin: Origin?) throws {
        let id = claim.id
        try requirePositive(claim.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(claim.award, of: id, origin: origin)
        try requireOpen(award, doing: "claimed on", of: id, origin: origin)
        guard claim.date >= award.awardDate else {
            throw LedgerError(
                .invalidEntry, "the claim is dated \(claim.date), before award \(award.id) was made on \(award.awardDate)",
                origin: origin, field: "date", entryID: id)
        }
        guard claim.periodStart <= claim.periodEnd else {
            throw LedgerError(
                .invalidEntry, "the period starts \(claim.periodStart), after it ends \(claim.periodEnd)", origin: origin,
                field: "period_start", entryID: id)
        }
        // Claims and payments made without a claim together never pass the award, so every claim can be paid.
        let claimed = try db.sum("claims WHERE award_id = ?", [award.id])
        let paidWithoutClaim = try db.sum("payments WHERE award_id = ? AND claim_id IS NULL", [award.id])
        let drawn = try add(claimed, paidWithoutClaim, origin: origin, field: "amount", id: id)
        try requireWithin(
            award.amount, used: drawn, adding: claim.amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "claiming \(claim.amount.formatted) would take the claims on award \(award.id) to \(after.formatted), over "
                + "the \(award.amount.formatted) awarded; \(try left(award.amount, drawn).formatted) is left to claim"
        }
        try db.execute(
            sql: "INSERT INTO claims (id, award_id, period_start, period_end, amount, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, claim.periodStart.description, claim.periodEnd.description, claim.amount.pence,
                        claim.date.description])
    }
}
