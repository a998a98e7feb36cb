import GrantsCore

extension Payment {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("reference", .text(reference)), ("amount", .amount(amount)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        let award = try writer.requireAward(self.award, of: id, origin: origin)
        try writer.requireNotBefore(date, award, of: id, origin: origin)
        try writer.requireSettled(date, on: award, of: id, origin: origin)
        try writer.requireOpen(award, doing: "paid", of: id, origin: origin)
        if let claimID = self.claim {
            let claim = try writer.require(Claim.self, claimID, field: "claim", of: id, origin: origin)
            guard claim.award == award.id else {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) is on award \(claim.award), not \(award.id)", origin: origin,
                    field: "claim", entryID: id)
            }
            if let paidBy = try String.fetchOne(writer.db, cachedSQL: "SELECT id FROM payments WHERE claim_id = ?", arguments: [claimID]) {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) was already paid by \(paidBy)", origin: origin, field: "claim",
                    entryID: id)
            }
            guard claim.amount == amount else {
                throw LedgerError(
                    .invalidEntry, "pays \(amount.formatted), but claim \(claimID) is for \(claim.amount.formatted)",
                    origin: origin, field: "amount", entryID: id)
            }
            guard date >= claim.date else {
                throw LedgerError(
                    .invalidEntry, "\(date) is before claim \(claimID) was made on \(claim.date)", origin: origin,
                    field: "date", entryID: id)
            }
        }
        let paid = try writer.db.sum("payments WHERE award_id = ?", [award.id])
        let after = try writer.requireWithin(
            award.amount, used: paid, adding: amount, code: .exceedsAward, of: id, origin: origin
        ) { after in
            "paying \(amount.formatted) would take award \(award.id) to \(after.formatted) paid, over the "
                + "\(award.amount.formatted) awarded; \(try writer.left(award.amount, paid).formatted) is left to pay"
        }
        if self.claim == nil {
            // A payment outside the claims must leave room to pay every claim still waiting.
            let waiting = try writer.db.sum(
                "claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id)", [award.id])
            try writer.requireWithin(
                award.amount, used: after, adding: waiting, code: .exceedsAward, of: id, origin: origin
            ) { promised in
                "paying \(amount.formatted) outside a claim would leave the \(waiting.formatted) of claims "
                    + "waiting on award \(award.id) unpayable: \(promised.formatted) against \(award.amount.formatted) "
                    + "awarded; pay the claims instead"
            }
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO payments (id, award_id, claim_id, amount, date, reference) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, self.claim, amount.pence, date.description, reference])
    }
}
