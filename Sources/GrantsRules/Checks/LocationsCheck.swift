/// Flags activity outside the force area: every location must be one of the area's districts.
enum LocationsCheck: CheckDefinition {
    static let arguments = [ArgumentSpec("allowed", .parameter(.list))]

    static func evaluate(_ context: CheckContext) -> Finding {
        let allowedResult = context.list("allowed")
        guard case .success(let (allowed, applied)) = allowedResult else { return allowedResult.failureFinding }
        let locations = context.bid.locations
        guard !locations.isEmpty else { return .unknown("the bid gives no locations", applied: [applied]) }
        let folded = Set(allowed.map { $0.lowercased() })
        let outside = locations.filter { !folded.contains($0.lowercased()) }
        return Finding(
            status: outside.isEmpty ? .pass : .fail, found: locations.joined(separator: ", "),
            limit: allowed.joined(separator: ", "),
            detail: outside.isEmpty ? "all inside the area" : "outside the area: \(outside.joined(separator: ", "))",
            applied: [applied])
    }
}
