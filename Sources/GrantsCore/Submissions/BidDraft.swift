/// A bid an applicant is still writing in the web application, for their organisation, a scheme and a year: the
/// form's fields as they left them, which need not make a valid bid yet. Saved over until it is submitted; then it
/// never changes, and a correction is a new draft that names the bid it replaces.
public struct BidDraft: Hashable, Sendable {
    public let id: Int64
    public let organisation: OrganisationID
    public let scheme: Scheme
    public let year: FinancialYear
    /// The form's fields, `application/x-www-form-urlencoded`.
    public let form: String
    /// When it was begun, and by which account.
    public let created: Timestamp
    public let createdBy: Int64
    /// When it was last saved, and by which account.
    public let saved: Timestamp
    public let savedBy: Int64
    /// The bid this draft corrects, if it is a correction.
    public let replaces: String?
    /// The bid recorded from it once submitted; nil while it is a draft.
    public let bid: String?

    public init(
        id: Int64, organisation: OrganisationID, scheme: Scheme, year: FinancialYear, form: String, created: Timestamp,
        createdBy: Int64, saved: Timestamp, savedBy: Int64, replaces: String?, bid: String?
    ) {
        self.id = id
        self.organisation = organisation
        self.scheme = scheme
        self.year = year
        self.form = form
        self.created = created
        self.createdBy = createdBy
        self.saved = saved
        self.savedBy = savedBy
        self.replaces = replaces
        self.bid = bid
    }
}

/// A bid submitted from a draft, as the ledger keeps it beside the bid: the document it was (grants-bid/1 JSON),
/// who submitted it and when, and what its check against the rules and the ledger said at that moment.
public struct BidSubmission: Hashable, Sendable {
    public let bid: String
    public let draft: Int64
    public let account: Int64
    public let at: Timestamp
    /// The bid as a grants-bid/1 JSON document.
    public let document: String
    /// The rulebook it was checked against, as the check report names it.
    public let rulebook: String
    /// `eligible`, `ineligible` or `incomplete`.
    public let outcome: String
    /// The check report, as `grants check --json` writes it.
    public let report: String

    public init(
        bid: String, draft: Int64, account: Int64, at: Timestamp, document: String, rulebook: String, outcome: String,
        report: String
    ) {
        self.bid = bid
        self.draft = draft
        self.account = account
        self.at = at
        self.document = document
        self.rulebook = rulebook
        self.outcome = outcome
        self.report = report
    }
}

/// A one-time link that lets a person set their account's password: to register, or after forgetting it. Only the
/// newest of an account's invitations works, once, until it expires.
public struct Invitation: Hashable, Sendable {
    public let account: Int64
    public let created: Timestamp
    public let expires: Timestamp
    public let used: Timestamp?
    /// Whether no later invitation has been made for the account.
    public let newest: Bool

    public init(account: Int64, created: Timestamp, expires: Timestamp, used: Timestamp?, newest: Bool) {
        self.account = account
        self.created = created
        self.expires = expires
        self.used = used
        self.newest = newest
    }

    /// Whether it may be used at `now`.
    public func usable(at now: Timestamp) -> Bool { used == nil && newest && now < expires }
}

/// Drafts and submissions of bids, kept in the ledger's database beside the bids they become.
public protocol BidDraftStore: Sendable {
    /// Begins a draft; returns its number. Refused (`unknownReference`) for an organisation not in the ledger, and
    /// (`invalidEntry`) for a correction of another organisation's bid.
    func createDraft(
        organisation: OrganisationID, scheme: Scheme, year: FinancialYear, form: String, replaces: String?,
        at: Timestamp, by account: Int64
    ) throws(LedgerError) -> Int64
    /// The draft numbered `id`, or nil.
    func draft(_ id: Int64) throws(LedgerError) -> BidDraft?
    /// An organisation's drafts, submitted or not, newest first.
    func drafts(organisation: OrganisationID) throws(LedgerError) -> [BidDraft]
    /// Saves the draft's fields. Refused (`conflict`) once it has been submitted.
    func saveDraft(_ id: Int64, form: String, at: Timestamp, by account: Int64) throws(LedgerError)
    /// Records `bid` in the ledger (with its line of history under `change`) and `submission` beside it, and marks
    /// the draft submitted: all or nothing. Refused (`conflict`) when the draft was submitted already or its fields
    /// are no longer `form` (what was checked), and as the ledger refuses the bid.
    func submit(_ bid: Bid, _ submission: BidSubmission, form: String, as change: Change) throws(LedgerError)
}
