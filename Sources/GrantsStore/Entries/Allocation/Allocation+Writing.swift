import GrantsCore

extension Allocation {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("decision", .identifier(decision)), ("amount", .amount(amount)),
        ])
    }

    /// Cuts to allocations first, then new allocations (increases follow, as allocation changes): money moved
    /// between CSPs in one decision never counts twice against the fund.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        try AllocationChange.requireNoRoundTrips(batch, by: writer)
        try writer.each(batch.allocationChanges.filter { $0.value.delta.isNegative })
        try writer.each(batch.allocations)
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        let fund = try writer.requireFund(self.fund, of: id, origin: origin)
        if try writer.isClosed(fund.year) {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: fund \(fund.id) takes no new allocations",
                origin: origin, field: "fund", entryID: id)
        }
        guard fund.scheme.awardsDrawOnAllocations else {
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a \(fund.scheme.rawValue) fund, which is not split into CSP allocations",
                origin: origin, field: "fund", entryID: id)
        }
        try writer.requireDate(
            date, field: "date", notBefore: .yearBefore(fund.year, "fund \(fund.id)"),
            notAfter: .lastDay(of: fund.year, "fund \(fund.id)"), of: id, origin: origin)
        let csp = try writer.requireCSP(self.csp, of: id, origin: origin)
        try writer.requireMoveWithinFund(
            decision: decision, fund: fund.id, allocation: id, cuts: false, field: "fund", of: id, origin: origin)
        try writer.requireRoom(in: fund, for: amount, field: "amount", of: id, origin: origin) { after, left in
            "allocating \(amount.formatted) would take fund \(fund.id) to \(after.formatted), over its "
                + "\(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try writer.requireFundHeld(fund, from: date, drawing: amount, field: "amount", of: id, origin: origin)
        try writer.db.execute(
            cachedSQL: "INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, fund.id, csp.id.rawValue, amount.pence, decision,
                        date.description])
    }
}
