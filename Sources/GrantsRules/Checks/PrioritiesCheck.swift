/// Flags a bid that addresses none (or fewer than the minimum) of the police and crime plan priorities.
enum PrioritiesCheck: CheckDefinition {
    static let arguments = [
        ArgumentSpec("allowed", .parameter(.list)),
        ArgumentSpec("minimum", .parameter(.count)),
    ]

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let allowedResult = context.list("allowed")
        guard case .success(let (allowed, appliedList)) = allowedResult else { return allowedResult.failureFinding }
        let minimumResult = context.count("minimum")
        guard case .success(let (minimum, appliedMinimum)) = minimumResult else { return minimumResult.failureFinding }
        let given = context.bid.priorities
        let matching = given.filter { allowed.contains($0) }
        let others = given.filter { !allowed.contains($0) }
        var detail = matching.isEmpty ? "none of the plan's priorities" : matching.joined(separator: ", ")
        if !others.isEmpty { detail += "; not plan priorities: \(others.joined(separator: ", "))" }
        return CheckFinding(
            status: matching.count >= minimum ? .pass : .fail,
            found: given.isEmpty ? "no priorities" : given.joined(separator: ", "),
            limit: "at least \(minimum) of \(appliedList.display)", detail: detail,
            applied: [appliedList, appliedMinimum])
    }
}
