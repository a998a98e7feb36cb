import GRDB
import GrantsCore

extension Award: StoredEntry {
    static let table = "awards"

    /// Where it stands (awarded, claiming, closed, withdrawn) is in the `award_states` view, not here.
    init(row: Row, _ db: Database) throws {
        let t = Self.table
        let prioritiesText = try row.text("priorities", in: t)
        let priorities = try prioritiesText.split(separator: ",").map { slug throws(LedgerError) in
            do {
                return try Priority(parsing: String(slug))
            } catch {
                throw LedgerError(.database, "the ledger is damaged: awards.priorities holds '\(slug)'")
            }
        }
        self.init(
            id: try row.text("id", in: t), bid: row["bid_id"], fund: try row.text("fund_id", in: t),
            allocation: row["allocation_id"], recipient: try row.organisationID("recipient_id", in: t),
            title: try row.text("title", in: t), amount: try row.money("amount", in: t),
            decision: try row.text("decision", in: t), awardDate: try row.day("award_date", in: t),
            plannedStart: try row.day("planned_start", in: t), plannedEnd: try row.day("planned_end", in: t),
            priorities: priorities)
    }
}
