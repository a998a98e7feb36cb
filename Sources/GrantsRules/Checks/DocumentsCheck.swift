/// Flags missing documents: those every applicant must provide, or those required only when the project works
/// with certain people (a safeguarding policy when working with children or vulnerable adults).
enum DocumentsCheck: CheckDefinition {
    static let arguments = [
        ArgumentSpec("required", .parameter(.list)),
        ArgumentSpec("when_working_with", .parameter(.list), required: false),
    ]

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let requiredResult = context.list("required")
        guard case .success(let (required, applied)) = requiredResult else { return requiredResult.failureFinding }
        var appliedAll = [applied]
        if context.rule.arguments["when_working_with"] != nil {
            let groupsResult = context.list("when_working_with")
            guard case .success(let (groups, groupsApplied)) = groupsResult else { return groupsResult.failureFinding }
            appliedAll.append(groupsApplied)
            let matching = context.bid.worksWith.filter { groups.contains($0) }
            if matching.isEmpty {
                var finding = CheckFinding.notApplicable("the project does not work with \(groups.joined(separator: " or "))")
                finding.applied = appliedAll
                return finding
            }
        }
        let provided = context.bid.applicant.documents
        let missing = required.filter { !provided.contains($0) }
        return CheckFinding(
            status: missing.isEmpty ? .pass : .fail,
            found: provided.isEmpty ? "no documents" : provided.joined(separator: ", "),
            limit: applied.display,
            detail: missing.isEmpty ? "all provided" : "missing: \(missing.joined(separator: ", "))",
            applied: appliedAll)
    }
}
