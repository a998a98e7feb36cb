import GrantsCore

extension Award: StoredEntry {
    static let table = "awards"

    /// Where it stands (awarded, claiming, closed, withdrawn) is in the `award_states` view, not here.
    init(row: StoredRow, _ db: SQLConnection) throws {
        let prioritiesText = try row.text("priorities")
        let priorities = try prioritiesText.split(separator: ",").map { slug throws(LedgerError) in
            do {
                return try Priority(parsing: String(slug))
            } catch {
                throw LedgerError(.database, "the ledger is damaged: awards.priorities holds '\(slug)'")
            }
        }
        let register = try SQLRow.fetchOne(
            db, cachedSQL: "SELECT purpose, reasons, conditions FROM award_register WHERE award_id = ?",
            arguments: [row["id"] as String?])
        self.init(
            id: try row.text("id"), bid: row["bid_id"], fund: try row.text("fund_id"),
            allocation: row["allocation_id"], recipient: try row.organisationID("recipient_id"),
            title: try row.text("title"), amount: try row.money("amount"),
            decision: try row.text("decision"), awardDate: try row.day("award_date"),
            plannedStart: try row.day("planned_start"), plannedEnd: try row.day("planned_end"),
            priorities: priorities, purpose: register?["purpose"], reasons: register?["reasons"],
            conditions: register?["conditions"])
    }
}
