/// Flags a CSP grant request larger than what is left of that partnership's allocation for the year.
enum WithinAllocationCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []
    static let readsLedger = true

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let bid = context.bid
        guard let name = bid.csp else { return .unknown("the bid does not name its csp", found: bid.requested.formatted) }
        guard let facts = context.facts else {
            return .unknown(
                "no ledger to look up what is left of \(name)'s allocation (give --db)", found: bid.requested.formatted)
        }
        guard let partnership = facts.facts.partnership(named: name) else {
            return CheckFinding(
                status: .fail, found: bid.requested.formatted, limit: "an allocation",
                detail: "no community safety partnership called \(name) is in the ledger")
        }
        guard let remaining = try? partnership.remaining() else {
            return .unknown("the allocation figures of \(partnership.name) are too large to compare")
        }
        return CheckFinding(
            status: bid.requested <= remaining ? .pass : .fail, found: bid.requested.formatted,
            limit: remaining.formatted,
            detail: "\(partnership.allocated.formatted) allocated to \(partnership.name), "
                + "\(partnership.committed.formatted) committed")
    }
}
