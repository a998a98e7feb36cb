import GRDB
import GrantsCore

extension Payment {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ payment: Payment, origin: Origin?) throws {
        let id = payment.id
        try requirePositive(payment.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(payment.award, of: id, origin: origin)
        try requireNotBefore(payment.date, award, of: id, origin: origin)
        try requireOpen(award, doing: "paid", of: id, origin: origin)
        if let claimID = payment.claim {
            guard let claim = try Claim.read(claimID, db) else {
                throw unknown("claim", claimID, field: "claim", of: id, origin: origin)
            }
            guard claim.award == award.id else {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) is on award \(claim.award), not \(award.id)", origin: origin,
                    field: "claim", entryID: id)
            }
            if let paidBy = try String.fetchOne(db, sql: "SELECT id FROM payments WHERE claim_id = ?", arguments: [claimID]) {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) was already paid by \(paidBy)", origin: origin, field: "claim",
                    entryID: id)
            }
            guard claim.amount == payment.amount else {
                throw LedgerError(
                    .invalidEntry, "pays \(payment.amount.formatted), but claim \(claimID) is for \(claim.amount.formatted)",
                    origin: origin, field: "amount", entryID: id)
            }
            guard payment.date >= claim.date else {
                throw LedgerError(
                    .invalidEntry, "\(payment.date) is before claim \(claimID) was made on \(claim.date)", origin: origin,
                    field: "date", entryID: id)
            }
        }
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let after = try requireWithin(
            award.amount, used: paid, adding: payment.amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "paying \(payment.amount.formatted) would take award \(award.id) to \(after.formatted) paid, over the "
                + "\(award.amount.formatted) awarded; \(try left(award.amount, paid).formatted) is left to pay"
        }
        if payment.claim == nil {
            // A payment outside the claims must leave room to pay every claim still waiting.
            let waiting = try db.sum(
                "claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id)", [award.id])
            try requireWithin(
                award.amount, used: after, adding: waiting, code: .exceedsAward, of: id, origin: origin
            ) { promised in
                "paying \(payment.amount.formatted) outside a claim would leave the \(waiting.formatted) of claims "
                    + "waiting on award \(award.id) unpayable: \(promised.formatted) against \(award.amount.formatted) "
                    + "awarded; pay the claims instead"
            }
        }
        try db.execute(
            sql: "INSERT INTO payments (id, award_id, claim_id, amount, date, reference) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, payment.claim, payment.amount.pence, payment.date.description, payment.reference])
    }
}
