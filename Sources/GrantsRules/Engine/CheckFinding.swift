import GrantsCore

/// What a check returns: the status, what it found in the bid, the limit it compared with, a detail for the
/// message, and the parameter values it used.
struct CheckFinding {
    var status: RuleStatus
    var found: String
    var limit: String = ""
    var detail: String = ""
    var applied: [AppliedParameter] = []

    static func unknown(_ detail: String, found: String = "nothing", applied: [AppliedParameter] = []) -> CheckFinding {
        CheckFinding(status: .unknown, found: found, detail: detail, applied: applied)
    }

    static func notApplicable(_ detail: String) -> CheckFinding {
        CheckFinding(status: .notApplicable, found: "", detail: detail)
    }
}
