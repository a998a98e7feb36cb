import GrantsCore

/// What an applicant sees of the ledger: their own organisation's bids and awards, never another's.
public enum Applicants {
    /// One award as its recipient sees it: the award, where it stands, and its money.
    public struct AwardLine: Hashable, Sendable {
        public let award: Award
        public let state: AwardState
        /// Awarded, paid, released, owed back and returned, in one line.
        public let summary: String
    }

    /// One bid, with the award made on it if there is one.
    public struct BidLine: Hashable, Sendable {
        public let bid: Bid
        public let award: String?
    }

    /// An organisation's bids and awards.
    public struct Record: Hashable, Sendable {
        public let organisation: Organisation
        public let bids: [BidLine]
        public let awards: [AwardLine]
    }

    /// The bids and awards of the organisation `account` acts for. Refused (usage) for an account that acts for
    /// none; bad data when the organisation has gone from the ledger (a ledger file replaced under the server).
    public static func record(for account: Account, in store: any LedgerStore) throws(WorkflowError) -> Record {
        let id = try organisation(of: account)
        guard let organisation = try reading({ () throws(LedgerError) in try store.organisation(id) }) else {
            throw .badData("the organisation \(id.rawValue) of \(account.email) is not in the ledger")
        }
        let awards = try reading { () throws(LedgerError) in try store.awards(recipient: id) }
        let bids = try reading { () throws(LedgerError) in try store.bids(applicant: id) }
        var awardOfBid: [String: String] = [:]
        for award in awards { if let bid = award.bid { awardOfBid[bid] = award.id } }
        return Record(
            organisation: organisation, bids: bids.map { BidLine(bid: $0, award: awardOfBid[$0.id]) },
            awards: try awards.map { award throws(WorkflowError) in try line(award, in: store) })
    }

    /// The award `id` if it was made to the organisation `account` acts for; nil for any other, whether or not it
    /// exists, so that guessing ids tells an applicant nothing.
    public static func award(_ id: String, for account: Account, in store: any LedgerStore) throws(WorkflowError)
        -> AwardLine?
    {
        let organisation = try organisation(of: account)
        guard let award = try reading({ () throws(LedgerError) in try store.award(id) }),
              award.recipient == organisation
        else { return nil }
        return try line(award, in: store)
    }

    /// The organisation `account` acts for; refused (usage) for an account that acts for none.
    static func organisation(of account: Account) throws(WorkflowError) -> OrganisationID {
        guard account.role == .applicant, let id = account.organisation else {
            throw .usage("\(account.email) does not act for an organisation")
        }
        return id
    }

    private static func line(_ award: Award, in store: any LedgerStore) throws(WorkflowError) -> AwardLine {
        let state = try reading { () throws(LedgerError) in try store.state(ofAward: award.id) }
        let summary = try reading { () throws(LedgerError) in try store.awardSummary(award.id) }
        return AwardLine(award: award, state: state ?? .awarded, summary: summary ?? "")
    }
}

extension Applicants {
    /// One claim on an award, and its payment once made.
    public struct ClaimLine: Hashable, Sendable {
        public let claim: Claim
        public let payment: Payment?
    }

    /// The claims on an award (one `award` gave, so already the applicant's), each with its payment.
    public static func claims(of line: AwardLine, in store: any LedgerStore) throws(WorkflowError) -> [ClaimLine] {
        let claims = try reading { () throws(LedgerError) in try store.claims(award: line.award.id) }
        let payments = try reading { () throws(LedgerError) in try store.payments(award: line.award.id) }
        return paired(claims, payments)
    }

    /// Each claim with the payment made on it, if any.
    public static func paired(_ claims: [Claim], _ payments: [Payment]) -> [ClaimLine] {
        var paymentOf: [String: Payment] = [:]
        for payment in payments { if let claim = payment.claim { paymentOf[claim] = payment } }
        return claims.map { ClaimLine(claim: $0, payment: paymentOf[$0.id]) }
    }

    /// The id the next claim on award `id` will have (`<award>-C03`), which the page to check carries, so that the
    /// same claim sent twice (a double click) is recorded once.
    public static func nextClaimID(on id: String, in store: any LedgerStore) throws(WorkflowError) -> String {
        let count = try reading { () throws(LedgerError) in try store.claimCount(award: id) }
        return Identifiers.numbered(id, "C", count + 1)
    }

    /// A claim by an applicant on their organisation's award: for the work done in `period` (a quarter of the
    /// award's year, or two days), which must have ended before `date` (claims are paid in arrears), what was done,
    /// under `id` (from `nextClaimID`: sent again, it is recorded once). Refused (bad data) on another organisation's
    /// award, which it calls "not found" as it does one that does not exist, and as the command line refuses a claim:
    /// an award closed or withdrawn, a claim beyond what is left of the award.
    public static func claim(
        award id: String, period text: String, amount: Money, date: Day, done: String, claimID: String,
        for account: Account, in store: any LedgerStore, at: Timestamp
    ) throws(WorkflowError) -> AwardLifecycle.Step {
        guard try award(id, for: account, in: store) != nil else { throw .badData("there is no grant \(id) to your organisation") }
        let prefix = id + "-C"
        guard claimID.hasPrefix(prefix), claimID.count <= prefix.count + 4,
              claimID.dropFirst(prefix.count).allSatisfy({ $0.isASCII && $0.isNumber }),
              claimID.count > prefix.count
        else { throw .usage("\(claimID) is not a claim number of \(id)") }
        try AwardLifecycle.requireOpen(id, in: store, doing: "claimed on")
        let year = try AwardLifecycle.year(ofAward: id, in: store)
        let period = try Input.claimPeriod(text, year: year, field: "period")
        guard period.upperBound < date else {
            throw .badData("the claim is for work to \(period.upperBound); claims are paid in arrears, once the period has ended")
        }
        return try AwardLifecycle.claim(
            award: id, period: period, amount: amount, date: date, id: claimID, done: done, in: store,
            by: Stamp(actor: account.email, at: at))
    }
}
