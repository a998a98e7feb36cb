/// What the workflows need of a ledger, in domain terms: record a batch of entries all or nothing, look entries
/// up, and compute the reports. The SQLite ledger is one implementation; another store (PostgreSQL, say) is a
/// second conformance, and no workflow changes.
///
/// Every method either answers or throws a ``LedgerError``; a refusal changes nothing.
public protocol LedgerStore: Sendable {
    /// Records every entry of `batch`, or none; entries already stored exactly as given are left alone.
    @discardableResult
    func record(_ batch: LedgerBatch, as change: Change) throws(LedgerError) -> RecordOutcome

    /// The organisation with this id, if recorded.
    func organisation(_ id: OrganisationID) throws(LedgerError) -> Organisation?
    /// The fund with this id, if recorded.
    func fund(_ id: String) throws(LedgerError) -> Fund?
    /// The funds of a scheme in a financial year.
    func funds(scheme: Scheme, year: FinancialYear) throws(LedgerError) -> [Fund]
    /// What of a fund is neither allocated nor committed directly.
    func unallocated(fund id: String) throws(LedgerError) -> Money
    /// The allocation with this id, as first made.
    func allocation(_ id: String) throws(LedgerError) -> Allocation?
    /// A CSP's allocations in a fund.
    func allocations(fund: String, csp: OrganisationID) throws(LedgerError) -> [Allocation]
    /// The bid with this id, if recorded.
    func bid(_ id: String) throws(LedgerError) -> Bid?
    /// The award with this id, if recorded.
    func award(_ id: String) throws(LedgerError) -> Award?
    /// Where an award stands, or `nil` when there is no such award.
    func state(ofAward id: String) throws(LedgerError) -> AwardState?
    /// One line on where an award's money stands.
    func awardSummary(_ id: String) throws(LedgerError) -> String?
    /// An organisation's bids, earliest submitted first.
    func bids(applicant: OrganisationID) throws(LedgerError) -> [Bid]
    /// The awards made to an organisation, earliest first.
    func awards(recipient: OrganisationID) throws(LedgerError) -> [Award]
    /// An award's claims, earliest first.
    func claims(award: String) throws(LedgerError) -> [Claim]
    /// An award's payments, earliest first.
    func payments(award: String) throws(LedgerError) -> [Payment]
    /// Every claim not yet paid, earliest first.
    func unpaidClaims() throws(LedgerError) -> [Claim]
    /// The claim with this id, if recorded.
    func claim(_ id: String) throws(LedgerError) -> Claim?
    /// How many claims an award has (for numbering the next).
    func claimCount(award: String) throws(LedgerError) -> Int
    /// How many payments an award has (for numbering the next).
    func paymentCount(award: String) throws(LedgerError) -> Int
    /// How many receipts a contribution has for a year (for numbering the next).
    func receiptCount(contribution: String, year: FinancialYear) throws(LedgerError) -> Int

    /// What the eligibility rules need to know of the ledger for a financial year.
    func facts(year: FinancialYear) throws(LedgerError) -> LedgerFacts
    /// Budget, allocated, committed, paid and remaining per fund and per CSP in a scope.
    func status(_ scope: StatusReport.Scope) throws(LedgerError) -> StatusReport
    /// The spend return for a period, optionally one fund or one CSP.
    func spendReturn(period: SpendReturn.Period, fund: String?, csp: OrganisationID?) throws(LedgerError) -> SpendReturn
    /// The spend return handed to `body` with its lines read a row at a time as `body` walks them, in one read of
    /// the ledger; valid only inside `body`. A row that cannot be read is thrown as a `LedgerError` once `body` ends;
    /// `body`'s own errors pass through.
    func withSpendReturn<T>(
        period: SpendReturn.Period, fund: String?, csp: OrganisationID?, _ body: (StreamedReturn) throws -> T
    ) throws -> T
    /// What keeps a financial year open.
    func yearEnd(_ year: FinancialYear) throws(LedgerError) -> YearEndReport
    /// Every fund, allocation, award and contribution recomputed from the entries.
    func reconcile() throws(LedgerError) -> Reconciliation
    /// The history, newest last; only the lines about `entryID` when given; only the newest `limit` when given.
    func history(entryID: String?, limit: Int?) throws(LedgerError) -> [HistoryEntry]
    /// The lines about any of `entryIDs`, oldest first.
    func history(entryIDs: [String]) throws(LedgerError) -> [HistoryEntry]
    /// The sequence number of the last change recorded, 0 for none. It grows with every change and is never
    /// reused, so two equal readings mean that nothing read from the ledger in between can have changed.
    func latestChange() throws(LedgerError) -> Int64
    /// The time of the ledger's last change, as recorded, or `nil` when it is empty.
    func lastModified() throws(LedgerError) -> String?
    /// The financial years the ledger has funds in, earliest first.
    func fundYears() throws(LedgerError) -> [FinancialYear]
    /// The submission the bid `id` was recorded from, when it was submitted from a draft; nil for a bid recorded
    /// otherwise (an import, `grants award` with its file).
    func submission(bid id: String) throws(LedgerError) -> BidSubmission?
    /// The submissions of those of the bids `ids` that came from drafts, by bid.
    func submissions(bids ids: [String]) throws(LedgerError) -> [String: BidSubmission]
}
