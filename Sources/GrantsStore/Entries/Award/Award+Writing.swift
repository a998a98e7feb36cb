import GRDB
import GrantsCore

extension Award {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ award: Award, origin: Origin?) throws {
        let id = award.id
        try requirePositive(award.amount, field: "amount", of: id, origin: origin)
        guard award.plannedStart <= award.plannedEnd else {
            throw LedgerError(
                .invalidEntry,
                "the planned start \(award.plannedStart) is after the planned end \(award.plannedEnd)",
                origin: origin, field: "planned_start", entryID: id)
        }
        let fund = try requireFund(award.fund, of: id, origin: origin)
        if try YearClosure.read(fund.year.label, db) != nil {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: fund \(fund.id) takes no new awards",
                origin: origin, field: "fund", entryID: id)
        }
        _ = try requireOrganisation(award.recipient, field: "recipient", of: id, origin: origin)
        if let bidID = award.bid {
            guard let bid = try Bid.read(bidID, db) else {
                throw unknown("bid", bidID, field: "bid", of: id, origin: origin)
            }
            guard bid.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "bid \(bidID) was made to fund \(bid.fund), not \(fund.id)",
                    origin: origin, field: "bid", entryID: id)
            }
        }
        switch (fund.scheme.awardsDrawOnAllocations, award.allocation) {
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
            guard let allocation = try Allocation.read(allocationID, db) else {
                throw unknown("allocation", allocationID, field: "allocation", of: id, origin: origin)
            }
            guard allocation.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "allocation \(allocationID) is from fund \(allocation.fund), not \(fund.id)",
                    origin: origin, field: "allocation", entryID: id)
            }
            let committed = try committedOn(allocation: allocationID)
            let total = try allocationTotal(allocationID)
            try requireWithin(
                total, used: committed, adding: award.amount, code: .exceedsAllocation, of: id, origin: origin
            ) { after in
                "awarding \(award.amount.formatted) would commit \(after.formatted) of allocation \(allocationID) "
                    + "(\(allocation.csp)), over its \(total.formatted); \(try left(total, committed).formatted) is left"
            }
        case (false, nil):
            try requireRoom(in: fund, for: award.amount, field: "amount", of: id, origin: origin) { after, left in
                "awarding \(award.amount.formatted) would commit \(after.formatted) of fund \(fund.id), over its "
                    + "\(fund.amount.formatted); \(left.formatted) is left"
            }
        }
        try db.execute(
            sql: """
                INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision,
                                    award_date, planned_start, planned_end, priorities)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, award.bid, fund.id, award.allocation, award.recipient.rawValue, award.title, award.amount.pence,
                award.decision, award.awardDate.description, award.plannedStart.description,
                award.plannedEnd.description, award.priorities.map(\.slug).joined(separator: ","),
            ])
    }
}
