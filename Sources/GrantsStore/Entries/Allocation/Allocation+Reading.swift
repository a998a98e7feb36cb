import GRDB
import GrantsCore

extension Allocation: StoredEntry {
    static let table = "allocations"

    /// As first made: the changes decided since are in the `allocation_totals` view.
    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), fund: try row.text("fund_id", in: t),
            csp: try row.organisationID("csp_id", in: t), amount: try row.money("amount", in: t),
            decision: try row.text("decision", in: t), date: try row.day("date", in: t))
    }
}
