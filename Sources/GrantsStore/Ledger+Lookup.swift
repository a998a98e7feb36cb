import GRDB
import GrantsCore

extension Ledger {
    /// The fund with this id, if recorded.
    public func fund(_ id: String) throws(LedgerError) -> Fund? {
        try read { db in try EntryReader.fund(id, db) }
    }

    /// The organisation with this id, if recorded.
    public func organisation(_ id: OrganisationID) throws(LedgerError) -> Organisation? {
        try read { db in try EntryReader.organisation(id.rawValue, db) }
    }

    /// What a fund has left to allocate: its amount less its allocations and the awards made on it directly.
    public func unallocated(fund id: String) throws(LedgerError) -> Money {
        try read { db in
            guard let fund = try EntryReader.fund(id, db) else {
                throw LedgerError(.unknownReference, "no fund \(id) is in the ledger", field: "fund", entryID: id)
            }
            let allocated = try db.sum("allocations WHERE fund_id = ?", [id])
            let direct = try db.sum("awards WHERE fund_id = ? AND allocation_id IS NULL", [id])
            return Money(pence: fund.amount.pence - allocated.pence - direct.pence)
        }
    }
}
