/// Flags an applicant already funded that year by another of the commissioner's funding streams.
enum NotFundedElsewhereCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []
    static let readsLedger = true

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let bid = context.bid
        guard let facts = context.facts else {
            return .unknown("no ledger to look up the applicant's other awards in \(bid.year.label) (give --db)")
        }
        let elsewhere = (facts.fundingsByRecipient[bid.applicant.id] ?? []).filter { $0.scheme != bid.scheme }
        let limit = "no award from another stream in \(bid.year.label)"
        guard elsewhere.isEmpty else {
            let list = elsewhere.map { "\($0.awardID) (\($0.fundID), \($0.amount.formatted))" }.joined(separator: ", ")
            return CheckFinding(status: .fail, found: list, limit: limit, detail: "already funded: \(list)")
        }
        return CheckFinding(status: .pass, found: "no other awards", limit: limit, detail: "not funded elsewhere")
    }
}
