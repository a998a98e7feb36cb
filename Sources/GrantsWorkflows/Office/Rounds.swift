import GrantsCore

/// A year's round of bids as the office sees it: every bid recorded, with its applicant and its outcome.
public enum Rounds {
    /// One bid of the round.
    public struct Line: Hashable, Sendable {
        public let bid: Bid
        public let scheme: Scheme
        public let applicantName: String
        /// The award made on it, and how much; nil while it waits for a decision (or was declined).
        public let award: String?
        public let awarded: Money?
        /// The outcome of the bid's check when it was submitted (`eligible`, `ineligible`, `incomplete`), for a bid
        /// submitted through the web; nil for one recorded otherwise.
        public let check: String?
    }

    /// Every bid recorded for the funds of `year` (one scheme's only, when given), by scheme, then submission day.
    public static func bids(year: FinancialYear, scheme: Scheme? = nil, in store: any LedgerStore) throws(WorkflowError)
        -> [Line]
    {
        let facts = try reading { () throws(LedgerError) in try store.facts(year: year) }
        var awardOfBid: [String: LedgerFacts.Funding] = [:]
        for funding in facts.fundings { if let bid = funding.bidID { awardOfBid[bid] = funding } }
        var names: [OrganisationID: String] = [:]
        var lines: [Line] = []
        for application in facts.applications where scheme == nil || application.scheme == scheme {
            guard let bid = try reading({ () throws(LedgerError) in try store.bid(application.bidID) }) else { continue }
            if names[bid.applicant] == nil {
                names[bid.applicant] = try reading { () throws(LedgerError) in
                    try store.organisation(bid.applicant)
                }?.name ?? bid.applicant.rawValue
            }
            let funding = awardOfBid[bid.id]
            lines.append(Line(
                bid: bid, scheme: application.scheme, applicantName: names[bid.applicant] ?? "",
                award: funding?.awardID, awarded: funding?.amount, check: nil))
        }
        let submissions = try reading { () throws(LedgerError) in try store.submissions(bids: lines.map(\.bid.id)) }
        lines = lines.map { line in
            Line(
                bid: line.bid, scheme: line.scheme, applicantName: line.applicantName, award: line.award,
                awarded: line.awarded, check: submissions[line.bid.id]?.outcome)
        }
        return lines.sorted {
            ($0.scheme.rawValue, $0.bid.submitted, $0.bid.id) < ($1.scheme.rawValue, $1.bid.submitted, $1.bid.id)
        }
    }
}
