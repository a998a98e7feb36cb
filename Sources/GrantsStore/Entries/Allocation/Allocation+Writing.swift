import GRDB
import GrantsCore

extension Allocation {
    /// Cuts to allocations first, then new allocations (increases follow, as allocation changes): money moved
    /// between CSPs in one decision never counts twice against the fund.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        try writer.each(batch.allocationChanges.filter { $0.value.delta.isNegative })
        try writer.each(batch.allocations)
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ allocation: Allocation, origin: Origin?) throws {
        let id = allocation.id
        try requirePositive(allocation.amount, field: "amount", of: id, origin: origin)
        let fund = try requireFund(allocation.fund, of: id, origin: origin)
        if try YearClosure.read(fund.year.label, db) != nil {
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
        let csp = try requireOrganisation(allocation.csp, field: "csp", of: id, origin: origin)
        guard csp.kind == .communitySafetyPartnership else {
            throw LedgerError(
                .invalidEntry, "\(csp.id) (\(csp.name)) is \(csp.kind.title), not a community safety partnership",
                origin: origin, field: "csp", entryID: id)
        }
        try requireRoom(in: fund, for: allocation.amount, field: "amount", of: id, origin: origin) { after, left in
            "allocating \(allocation.amount.formatted) would take fund \(fund.id) to \(after.formatted), over its "
                + "\(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try db.execute(
            sql: "INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, fund.id, csp.id.rawValue, allocation.amount.pence, allocation.decision,
                        allocation.date.description])
    }
}
