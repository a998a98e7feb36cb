/// Flags an applicant whose type the scheme does not fund (individuals, profit-distributing companies), or a
/// group of a type that must be constituted and is not.
enum ApplicantTypeCheck: CheckDefinition {
    static let arguments = [
        ArgumentSpec("allowed", .parameter(.list)),
        ArgumentSpec("must_be_constituted", .parameter(.list), required: false),
    ]

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let applicant = context.bid.applicant
        let type = applicant.type.rawValue
        guard case .success(let (allowed, applied)) = context.list("allowed") else {
            return context.list("allowed").failureFinding
        }
        var finding = CheckFinding(status: .pass, found: type, limit: applied.display, applied: [applied])
        guard allowed.contains(type) else {
            finding.status = .fail
            finding.detail = "\(type) is not one of \(finding.limit)"
            return finding
        }
        if context.rule.arguments["must_be_constituted"] != nil {
            guard case .success(let (constitutedTypes, constitutedApplied)) = context.list("must_be_constituted") else {
                return context.list("must_be_constituted").failureFinding
            }
            finding.applied.append(constitutedApplied)
            if constitutedTypes.contains(type) {
                switch applicant.constituted {
                case .none:
                    return .unknown(
                        "a \(type) must be constituted, and the bid does not say whether it is (applicant.constituted)",
                        found: type, applied: finding.applied)
                case .some(false):
                    finding.status = .fail
                    finding.found = "\(type), not constituted"
                    finding.detail = "a \(type) must be constituted"
                    return finding
                case .some(true):
                    finding.found = "\(type), constituted"
                }
            }
        }
        finding.detail = "\(finding.found) is eligible"
        return finding
    }
}

extension Result where Failure == ParameterProblem {
    /// The unknown finding for a parameter that could not be read; never called on success.
    var failureFinding: CheckFinding {
        switch self {
        case .failure(let problem): problem.finding
        case .success: .unknown("internal: a parameter was read twice")
        }
    }
}
