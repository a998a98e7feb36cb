import GrantsCore

/// A decision that both cuts allocations and increases others (or makes new ones) moves money between them, and a
/// move stays inside one fund: every fund's pot is its own year's money for its own scheme, so a cut in one fund
/// cannot pay for an increase in another. (Each fund would still balance on its own, which is why the status and
/// the fund checks could not see such a move: the ledger refuses it when it is recorded, and `reconcile` names any
/// fund a decision moved money into or out of.)
///
/// The rule, kept by the writer for every new change or allocation and checked again by `reconcile`: for each
/// decision reference, if it cuts any allocation and increases or makes any, all of those allocations are in one
/// fund. A decision that only cuts, or only increases and makes allocations, may touch several funds. And within
/// one batch, no allocation is both cut and increased by one decision: a "move" to where the money came from.
enum AllocationMoves {
    /// Every cut and increase (an allocation change, signed) and every new allocation (an increase by its amount),
    /// with its decision and the fund of the allocation it touches.
    static let sql = """
        SELECT c.id, c.allocation_id, a.fund_id, c.delta, c.decision
        FROM allocation_changes c JOIN allocations a ON a.id = c.allocation_id
        UNION ALL
        SELECT a.id, a.id, a.fund_id, a.amount, a.decision FROM allocations a
        """

    /// Each move under a decision that has a move the other way in another fund, with that other move: what
    /// `reconcile` reports against the fund of the first.
    static let crossingSQL = """
        WITH moves AS (\(sql))
        SELECT m.fund_id, m.id, m.decision, m.delta, o.id AS other_id, o.fund_id AS other_fund
        FROM moves m JOIN moves o
          ON o.decision = m.decision AND o.fund_id <> m.fund_id AND (o.delta < 0) <> (m.delta < 0)
        ORDER BY m.fund_id, m.decision, m.id, o.id
        """
}

extension BatchWriter {
    /// Refuses a cut, an increase or a new allocation (`id`, on `allocation` of `fund`) under `decision` when the
    /// same decision already moves money the other way in another fund (see `AllocationMoves`).
    func requireMoveWithinFund(
        decision: String, fund: String, allocation: String, cuts: Bool, field: String, of id: String, origin: Origin?
    ) throws {
        guard let other = try SQLRow.fetchOne(
            db,
            cachedSQL: """
                WITH moves AS (\(AllocationMoves.sql))
                SELECT id, allocation_id, fund_id FROM moves
                WHERE decision = ? AND fund_id <> ? AND (CASE WHEN delta < 0 THEN 1 ELSE 0 END) = ? ORDER BY id LIMIT 1
                """,
            arguments: [decision, fund, !cuts])
        else { return }
        let otherID = try other.text("id", in: "allocation_changes")
        let otherAllocation = try other.text("allocation_id", in: "allocation_changes")
        let otherFund = try other.text("fund_id", in: "allocations")
        let otherStep = cuts
            ? (otherID == otherAllocation ? "makes allocation \(otherAllocation)" : "increases allocation \(otherAllocation)")
            : "cuts allocation \(otherAllocation)"
        let step = cuts ? "cut" : (id == allocation ? "make" : "increase")
        throw LedgerError(
            .invalidEntry,
            "decision \(decision) \(otherStep) of fund \(otherFund) (\(otherID)) and would also \(step) allocation "
                + "\(allocation) of fund \(fund): money moves only between allocations of one fund",
            origin: origin, field: field, entryID: id)
    }
}

extension AllocationChange {
    /// Refuses a batch in which one decision both cuts an allocation and increases the same allocation: moving money
    /// to where it came from records two changes and moves nothing. Changes stored exactly as given are left alone.
    static func requireNoRoundTrips(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        struct Key: Hashable {
            let decision: String
            let allocation: String
        }
        var cuts: [Key: Sourced<AllocationChange>] = [:]
        for cut in batch.allocationChanges where cut.value.delta.isNegative {
            let key = Key(decision: cut.value.decision, allocation: cut.value.allocation)
            if cuts[key] == nil { cuts[key] = cut }
        }
        for increase in batch.allocationChanges where increase.value.delta > .zero {
            let change = increase.value
            guard let cut = cuts[Key(decision: change.decision, allocation: change.allocation)] else { continue }
            if try writer.isStoredAsGiven(increase), try writer.isStoredAsGiven(cut) { continue }
            throw LedgerError(
                .invalidEntry,
                "decision \(change.decision) both cuts allocation \(change.allocation) (\(cut.value.id)) and increases "
                    + "it: money moves from one allocation to another, not to where it came from",
                origin: increase.origin, field: "allocation", entryID: change.id)
        }
    }
}
