import GrantsCore

/// Flags a budget whose lines do not add up, to the penny, to the amount requested.
enum BudgetBalancesCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let requested = context.bid.requested
        guard let budget = context.bid.budget else { return .unknown("the bid gives no budget") }
        guard let total = try? Money.sum(budget.map(\.amount)) else {
            return CheckFinding(status: .fail, found: "too large to add up", limit: requested.formatted, detail: "overflow")
        }
        let difference = (try? total.subtracting(requested))?.formatted ?? "too large"
        return CheckFinding(
            status: total == requested ? .pass : .fail, found: total.formatted, limit: requested.formatted,
            detail: total == requested ? "\(budget.count) lines" : "off by \(difference)")
    }
}
