/// Flags an organisation applying more often than the scheme allows in a financial year, counting its bids in
/// the ledger and the other bids of the same run.
enum ApplicationsPerYearCheck: CheckDefinition {
    static let arguments = [ArgumentSpec("maximum", .parameter(.count))]
    static let readsLedger = true

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let maximumResult = context.count("maximum")
        guard case .success(let (maximum, applied)) = maximumResult else { return maximumResult.failureFinding }
        let bid = context.bid
        let inRound = context.round.others(than: bid)
        let unnamed = inRound.count - inRound.named.count
        let runList = inRound.named.joined(separator: ", ") + (unnamed > 0 ? " and \(unnamed) more" : "")
        let limit = "\(maximum) a year"
        guard let facts = context.facts else {
            if inRound.count + 1 > maximum {
                return CheckFinding(
                    status: .fail, found: "\(inRound.count + 1)", limit: limit,
                    detail: "also \(runList) in this run", applied: [applied])
            }
            return .unknown(
                "no ledger to count the applicant's other bids in \(bid.year.label) (give --db)",
                found: "\(inRound.count + 1)", applied: [applied])
        }
        let recorded = (facts.applicationsByApplicant[bid.applicant.id] ?? [])
            .filter { $0.scheme == bid.scheme && $0.bidID != bid.id && !context.round.includes($0.bidID, besides: bid) }
            .map(\.bidID)
        let total = recorded.count + inRound.count + 1
        var also: [String] = []
        if !recorded.isEmpty { also.append("\(recorded.joined(separator: ", ")) in the ledger") }
        if inRound.count > 0 { also.append("\(runList) in this run") }
        return CheckFinding(
            status: total <= maximum ? .pass : .fail, found: "\(total)", limit: limit,
            detail: also.isEmpty ? "no other bids" : "also \(also.joined(separator: "; "))", applied: [applied])
    }
}
