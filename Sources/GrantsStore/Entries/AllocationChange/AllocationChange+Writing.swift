import GRDB
import GrantsCore

extension AllocationChange {
    /// Increases, after the new allocations; cuts went in before them (see `Allocation.record`).
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        try writer.each(batch.allocationChanges.filter { !$0.value.delta.isNegative })
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ change: AllocationChange, origin: Origin?) throws {
        let id = change.id
        guard change.delta != .zero else {
            throw LedgerError(.invalidEntry, "the change is £0.00", origin: origin, field: "delta", entryID: id)
        }
        guard let allocation = try Allocation.read(change.allocation, db) else {
            throw unknown("allocation", change.allocation, field: "allocation", of: id, origin: origin)
        }
        let fund = try requireFund(allocation.fund, of: id, origin: origin)
        if try YearClosure.read(fund.year.label, db) != nil {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: its allocations cannot change",
                origin: origin, field: "allocation", entryID: id)
        }
        let total = try allocationTotal(allocation.id)
        let after = try add(total, change.delta, origin: origin, field: "delta", id: id)
        let committed = try committedOn(allocation: allocation.id)
        if after < committed {
            throw LedgerError(
                .exceedsAllocation,
                "cutting allocation \(allocation.id) (\(allocation.csp)) to \(after.formatted) would take away committed "
                    + "money: \(committed.formatted) is committed, so it can be cut by at most "
                    + "\(try left(total, committed).formatted)",
                origin: origin, field: "delta", entryID: id)
        }
        try requireRoom(in: fund, for: change.delta, field: "delta", of: id, origin: origin) { after, left in
            "increasing allocation \(allocation.id) by \(change.delta.formatted) would take fund \(fund.id) to "
                + "\(after.formatted), over its \(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try db.execute(
            sql: "INSERT INTO allocation_changes (id, allocation_id, delta, decision, date, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, allocation.id, change.delta.pence, change.decision, change.date.description, change.reason])
    }
}
