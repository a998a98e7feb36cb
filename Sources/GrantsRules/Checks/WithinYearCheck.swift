/// Flags a project planned to start before or end after the financial year, or to end before it starts.
enum WithinYearCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let year = context.rulebook.year
        let limit = "\(year.firstDay) to \(year.lastDay) (\(year.label))"
        guard let start = context.bid.plannedStart, let end = context.bid.plannedEnd else {
            return .unknown("the bid does not give both planned_start and planned_end")
        }
        let found = "\(start) to \(end)"
        if start > end {
            return CheckFinding(status: .fail, found: found, limit: limit, detail: "the project ends before it starts")
        }
        if start < year.firstDay {
            return CheckFinding(status: .fail, found: found, limit: limit, detail: "it starts before \(year.firstDay)")
        }
        if end > year.lastDay {
            return CheckFinding(status: .fail, found: found, limit: limit, detail: "it ends after \(year.lastDay)")
        }
        return CheckFinding(status: .pass, found: found, limit: limit, detail: "inside \(year.label)")
    }
}
