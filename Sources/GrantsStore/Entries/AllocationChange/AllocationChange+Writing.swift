import GrantsCore

extension AllocationChange {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("decision", .identifier(decision)), ("reason", .text(reason)),
            ("delta", .amount(delta)),
        ])
    }

    /// Increases, after the new allocations; cuts went in before them (see `Allocation.record`).
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        try writer.each(batch.allocationChanges.filter { !$0.value.delta.isNegative })
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        guard delta != .zero else {
            throw LedgerError(.invalidEntry, "the change is £0.00", origin: origin, field: "delta", entryID: id)
        }
        let allocation = try writer.require(
            Allocation.self, self.allocation, field: "allocation", of: id, origin: origin)
        let fund = try writer.requireFund(allocation.fund, of: id, origin: origin)
        if try writer.isClosed(fund.year) {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: its allocations cannot change",
                origin: origin, field: "allocation", entryID: id)
        }
        try writer.requireDate(
            date, field: "date", notBefore: .init(day: allocation.date, what: "the day allocation \(allocation.id) was made"),
            notAfter: .lastDay(of: fund.year, "fund \(fund.id)"), of: id, origin: origin)
        try writer.requireMoveWithinFund(
            decision: decision, fund: fund.id, allocation: allocation.id, cuts: delta.isNegative, field: "allocation",
            of: id, origin: origin)
        let total = try writer.allocationTotal(allocation.id)
        let after = try writer.add(total, delta, origin: origin, field: "delta", id: id)
        let committed = try writer.committedOn(allocation: allocation.id)
        if after < committed {
            throw LedgerError(
                .exceedsAllocation,
                "cutting allocation \(allocation.id) (\(allocation.csp)) to \(after.formatted) would take away committed "
                    + "money: \(committed.formatted) is committed, so it can be cut by at most "
                    + "\(try writer.left(total, committed).formatted)",
                origin: origin, field: "delta", entryID: id)
        }
        try writer.requireRoom(in: fund, for: delta, field: "delta", of: id, origin: origin) { after, left in
            "increasing allocation \(allocation.id) by \(delta.formatted) would take fund \(fund.id) to "
                + "\(after.formatted), over its \(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try writer.requireAllocationHeld(
            allocation.id, from: date, holding: delta, field: "delta", of: id, origin: origin)
        try writer.requireFundHeld(fund, from: date, drawing: delta, field: "delta", of: id, origin: origin)
        try writer.db.execute(
            cachedSQL: "INSERT INTO allocation_changes (id, allocation_id, delta, decision, date, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, allocation.id, delta.pence, decision, date.description, reason])
    }
}
