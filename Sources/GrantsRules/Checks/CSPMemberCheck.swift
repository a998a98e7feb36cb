/// Flags a CSP grant bid from a body that is neither the partnership it names nor one of its responsible
/// authorities.
enum CSPMemberCheck: CheckDefinition {
    static let arguments: [ArgumentSpec] = []
    static let readsLedger = true

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let bid = context.bid
        guard let name = bid.csp else { return .unknown("the bid does not name its csp") }
        guard let facts = context.facts else {
            return .unknown("no ledger to look up the members of \(name) (give --db)", found: bid.applicant.id.rawValue)
        }
        guard let partnership = facts.facts.partnership(named: name) else {
            return CheckFinding(
                status: .fail, found: name, limit: "a partnership in the ledger",
                detail: "no community safety partnership called \(name) is in the ledger")
        }
        let applicant = bid.applicant.id
        let isMember = applicant == partnership.id || partnership.members.contains(applicant)
        return CheckFinding(
            status: isMember ? .pass : .fail, found: "\(bid.applicant.name) (\(applicant))",
            limit: "\(partnership.name) or one of its responsible authorities",
            detail: isMember ? "a member of \(partnership.name)" : "not a member of \(partnership.name)")
    }
}
