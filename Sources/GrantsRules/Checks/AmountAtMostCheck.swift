import GrantsCore

/// Flags an amount over its limit: the request over the cap, the total project cost over its ceiling, or
/// unrestricted reserves over the most a funded group may hold.
enum AmountAtMostCheck: CheckDefinition {
    static let fields = ["requested", "total_project_cost", "unrestricted_reserves"]

    static let labels = [
        "requested": "requested", "total_project_cost": "total project cost",
        "unrestricted_reserves": "unrestricted reserves",
    ]

    static let arguments = [
        ArgumentSpec("field", .choice(fields)),
        ArgumentSpec("limit", .parameter(.money)),
    ]

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let field = context.literal("field") ?? ""
        let bid = context.bid
        let amount: Money?
        switch field {
        case "requested": amount = bid.requested
        case "total_project_cost": amount = bid.totalProjectCost
        case "unrestricted_reserves": amount = bid.applicant.unrestrictedReserves
        default: return .unknown("the rule's field '\(field)' is not one of \(fields.joined(separator: ", "))")
        }
        let limitResult = context.money("limit")
        guard case .success(let (limit, applied)) = limitResult else { return limitResult.failureFinding }
        guard let amount else {
            let key = field == "unrestricted_reserves" ? "applicant.unrestricted_reserves" : field
            return .unknown("the bid does not give \(key)", applied: [applied])
        }
        return CheckFinding(
            status: amount <= limit ? .pass : .fail, found: amount.formatted, limit: applied.display,
            detail: labels[field] ?? field, applied: [applied])
    }
}
