/// Flags activity outside the force area: every location must be one of the area's districts.
enum LocationsCheck: CheckDefinition {
    static let arguments = [ArgumentSpec("allowed", .parameter(.list))]

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let allowedResult = context.list("allowed")
        guard case .success(let (allowed, applied)) = allowedResult else { return allowedResult.failureFinding }
        let locations = context.bid.locations
        guard !locations.isEmpty else { return .unknown("the bid gives no locations", applied: [applied]) }
        let outside = locations.filter { location in
            !allowed.contains(location) && !allowed.contains { $0.lowercased() == location.lowercased() }
        }
        return CheckFinding(
            status: outside.isEmpty ? .pass : .fail, found: locations.joined(separator: ", "),
            limit: applied.display,
            detail: outside.isEmpty ? "all inside the area" : "outside the area: \(outside.joined(separator: ", "))",
            applied: [applied])
    }
}
