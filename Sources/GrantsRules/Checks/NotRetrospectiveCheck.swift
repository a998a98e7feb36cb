/// Flags retrospective costs: a project planned to start before the bid was submitted.
enum NotRetrospectiveCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let submitted = context.bid.submitted
        guard let start = context.bid.plannedStart else { return .unknown("the bid does not give planned_start") }
        return CheckFinding(
            status: start >= submitted ? .pass : .fail, found: "starts \(start)", limit: "submitted \(submitted)",
            detail: start >= submitted ? "no earlier than submission" : "before the bid was submitted")
    }
}
