import GrantsCore

extension Award {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("title", .text(title)), ("decision", .identifier(decision)),
            ("amount", .amount(amount)), ("purpose", .text(purpose)), ("reasons", .text(reasons)),
            ("conditions", .text(conditions)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        guard plannedStart <= plannedEnd else {
            throw LedgerError(
                .invalidEntry,
                "the planned start \(plannedStart) is after the planned end \(plannedEnd)",
                origin: origin, field: "planned_start", entryID: id)
        }
        let fund = try writer.requireFund(self.fund, of: id, origin: origin)
        if try writer.isClosed(fund.year) {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: fund \(fund.id) takes no new awards",
                origin: origin, field: "fund", entryID: id)
        }
        let owner = "fund \(fund.id)"
        try writer.requireDate(
            awardDate, field: "award_date", notBefore: .firstDay(of: fund.year, owner),
            notAfter: .lastDay(of: fund.year, owner), of: id, origin: origin)
        try writer.requireDate(
            plannedStart, field: "planned_start", notBefore: .yearBefore(fund.year, owner), of: id, origin: origin)
        try writer.requireDate(
            plannedEnd, field: "planned_end", notAfter: .plannedEnd(fund.year, owner), of: id, origin: origin)
        _ = try writer.requireOrganisation(recipient, field: "recipient", of: id, origin: origin)
        if let bidID = self.bid {
            let bid = try writer.require(Bid.self, bidID, field: "bid", of: id, origin: origin)
            guard bid.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "bid \(bidID) was made to fund \(bid.fund), not \(fund.id)",
                    origin: origin, field: "bid", entryID: id)
            }
            try writer.requireDate(
                awardDate, field: "award_date",
                notBefore: .init(day: bid.submitted, what: "the day bid \(bidID) was submitted"), of: id, origin: origin)
        }
        switch (fund.scheme.awardsDrawOnAllocations, self.allocation) {
        case (true, nil):
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a CSP grant fund: an award must name the CSP allocation it draws on",
                origin: origin, field: "allocation", entryID: id)
        case (false, .some):
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a \(fund.scheme.rawValue) fund, which has no CSP allocations to draw on",
                origin: origin, field: "allocation", entryID: id)
        case (true, .some(let allocationID)):
            let allocation = try writer.require(
                Allocation.self, allocationID, field: "allocation", of: id, origin: origin)
            guard allocation.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "allocation \(allocationID) is from fund \(allocation.fund), not \(fund.id)",
                    origin: origin, field: "allocation", entryID: id)
            }
            let committed = try writer.committedOn(allocation: allocationID)
            let total = try writer.allocationTotal(allocationID)
            try writer.requireWithin(
                total, used: committed, adding: amount, code: .exceedsAllocation, of: id, origin: origin
            ) { after in
                "awarding \(amount.formatted) would commit \(after.formatted) of allocation \(allocationID) "
                    + "(\(allocation.csp)), over its \(total.formatted); "
                    + "\(try writer.left(total, committed).formatted) is left"
            }
            try writer.requireAllocationHeld(
                allocationID, from: awardDate, committing: amount, field: "amount", of: id, origin: origin)
        case (false, nil):
            try writer.requireRoom(in: fund, for: amount, field: "amount", of: id, origin: origin) { after, left in
                "awarding \(amount.formatted) would commit \(after.formatted) of fund \(fund.id), over its "
                    + "\(fund.amount.formatted); \(left.formatted) is left"
            }
            try writer.requireFundHeld(fund, from: awardDate, drawing: amount, field: "amount", of: id, origin: origin)
        }
        try writer.db.execute(
            cachedSQL: """
                INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision,
                                    award_date, planned_start, planned_end, priorities)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, self.bid, fund.id, self.allocation, recipient.rawValue, title, amount.pence,
                decision, awardDate.description, plannedStart.description,
                plannedEnd.description, priorities.map(\.slug).joined(separator: ","),
            ])
        if purpose != nil || reasons != nil || conditions != nil {
            try writer.db.execute(
                cachedSQL: "INSERT INTO award_register (award_id, purpose, reasons, conditions) VALUES (?, ?, ?, ?)",
                arguments: [id, purpose, reasons, conditions])
        }
    }
}
