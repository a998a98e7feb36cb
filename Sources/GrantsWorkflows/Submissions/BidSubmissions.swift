import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules

/// Bids written and submitted by applicants in the web application. A draft belongs to the organisation its
/// applicant acts for, and to one scheme and year; it is saved over as often as they like, and checked against the
/// rules whenever they ask. Submitted, it becomes a bid in the ledger, numbered by the office, dated the day it was
/// sent, with the document it was and its check at that moment kept beside it; the draft never changes again, and a
/// correction is a new draft that names the bid it replaces.
///
/// Every call takes the account acting: another organisation's draft or bid is "not found", exactly as one that does
/// not exist, so that guessing numbers tells an applicant nothing.
public enum BidSubmissions {
    /// The ledger with its drafts.
    public typealias Store = any LedgerStore & BidDraftStore

    /// The most a draft's fields may take, in bytes of their encoding: a bid's answers are a few kilobytes.
    public static let largestDraft = 256 * 1024

    /// The SHA-256 of a draft's fields, in hexadecimal: what a page to check carries, so that the bid submitted is
    /// the one that page showed.
    public static func fingerprint(_ form: String) -> String { SessionToken.sha256(form) }

    static func requireSize(_ form: String) throws(WorkflowError) {
        guard form.utf8.count <= largestDraft else {
            throw .usage("the draft's answers take \(form.utf8.count / 1024) KiB; a bid's answers may take at most "
                + "\(largestDraft / 1024) KiB: shorten the longest of them")
        }
    }

    /// The id the office gives the bid submitted from draft `draft` for `fund`: `BID-<fund>-W<draft>`.
    public static func bidID(fund: String, draft: Int64) -> String { "BID-\(fund)-W\(draft)" }

    /// Begins a draft for the scheme and year (one the office has a fund and a rulebook for), holding `form`; with
    /// `replacing`, a correction of that bid of the applicant's organisation, beginning with its answers.
    public static func begin(
        scheme: Scheme, year: FinancialYear, replacing: String? = nil, form: String, for account: Account,
        rulebooks: RulebookLibrary, in store: Store, at: Timestamp
    ) throws(WorkflowError) -> Int64 {
        let organisation = try Applicants.organisation(of: account)
        _ = try fund(scheme: scheme, year: year, rulebooks: rulebooks, in: store)
        var form = form
        if let replacing {
            guard let bid = try reading({ () throws(LedgerError) in try store.bid(replacing) }),
                  bid.applicant == organisation
            else { throw .badData("there is no bid \(replacing) of your organisation") }
            let awards = try AwardDecision.otherAwards(on: bid, than: "", in: store)
            guard awards.isEmpty else {
                throw .checkFailed("bid \(replacing) has an award (\(awards.joined(separator: ", "))): it is not corrected now")
            }
            let drafts = try reading { () throws(LedgerError) in try store.drafts(organisation: organisation) }
            if let earlier = drafts.first(where: { $0.replaces == replacing }) {
                throw .checkFailed(
                    "bid \(replacing) has a correction already (draft \(earlier.id)\(earlier.bid.map { ", bid \($0)" } ?? ""))")
            }
            if let submission = try reading({ () throws(LedgerError) in try store.submission(bid: replacing) }),
               let draft = try reading({ () throws(LedgerError) in try store.draft(submission.draft) })
            {
                guard draft.scheme == scheme, draft.year == year else {
                    throw .badData("bid \(replacing) is for \(draft.scheme.title) \(draft.year.label)")
                }
                form = draft.form
            }
        }
        try requireSize(form)
        do {
            return try store.createDraft(
                organisation: organisation, scheme: scheme, year: year, form: form, replaces: replacing, at: at,
                by: account.id)
        } catch where replacing != nil && error.code == .invalidEntry && error.message.contains("UNIQUE") {
            // Another window began the correction first: the database keeps one per bid.
            throw .checkFailed("bid \(replacing ?? "") has a correction already")
        } catch {
            throw WorkflowError(error)
        }
    }

    /// The draft numbered `id` if it is of the organisation `account` acts for; nil for any other.
    public static func draft(_ id: Int64, for account: Account, in store: Store) throws(WorkflowError) -> BidDraft? {
        let organisation = try Applicants.organisation(of: account)
        guard let draft = try reading({ () throws(LedgerError) in try store.draft(id) }),
              draft.organisation == organisation
        else { return nil }
        return draft
    }

    /// The organisation's drafts, submitted or not, newest first.
    public static func drafts(for account: Account, in store: Store) throws(WorkflowError) -> [BidDraft] {
        let organisation = try Applicants.organisation(of: account)
        return try reading { () throws(LedgerError) in try store.drafts(organisation: organisation) }
    }

    /// Saves the draft's fields; refused once it is submitted.
    public static func save(_ id: Int64, form: String, for account: Account, in store: Store, at: Timestamp)
        throws(WorkflowError)
    {
        guard try draft(id, for: account, in: store) != nil else { throw .badData("there is no draft \(id) of yours") }
        try requireSize(form)
        try reading { () throws(LedgerError) in try store.saveDraft(id, form: form, at: at, by: account.id) }
    }

    /// The draft's answers as the bid they would make if it were sent at `at`: the office's id for it, today's date,
    /// the applicant's organisation, the format named. What `check` and `submit` read.
    public static func document(_ answers: DocNode, draft: BidDraft, fund: Fund, at: Timestamp) -> DocNode {
        let applicant = (answers["applicant"] ?? .mapping([], line: 1))
            .setting("id", to: .scalar(draft.organisation.rawValue, isNull: false, line: 1))
        return answers
            .setting("format", to: .scalar(BidFile.format, isNull: false, line: 1))
            .setting("id", to: .scalar(bidID(fund: fund.id, draft: draft.id), isNull: false, line: 1))
            .setting("scheme", to: .scalar(draft.scheme.rawValue, isNull: false, line: 1))
            .setting("financial_year", to: .scalar(draft.year.label, isNull: false, line: 1))
            .setting("submitted", to: .scalar(at.day.description, isNull: false, line: 1))
            .setting("applicant", to: applicant)
    }

    /// A submission refused for its answers: the reader's words and the field at fault (a grants-bid/1 key path,
    /// such as `applicant.name` or `budget[2].amount`), for the form to show next to its input.
    public struct Refusal: Error, Equatable, Sendable {
        public let field: String
        public let message: String
    }

    /// The bid the draft's `answers` make, sent at `at`, and its check against the rules and the ledger now.
    /// A draft's answers read as the bid they make, with the fund it goes to and its check.
    public struct Checked: Sendable {
        public let bid: BidForm
        /// The bid as a grants-bid/1 JSON document.
        public let document: String
        public let verdict: Eligibility
        public let fund: Fund
    }

    public static func check(
        _ answers: DocNode, draft: BidDraft, rulebooks: RulebookLibrary, in store: Store, at: Timestamp
    ) throws(WorkflowError) -> Result<Checked, Refusal> {
        let fund = try fund(scheme: draft.scheme, year: draft.year, rulebooks: rulebooks, in: store)
        let text = document(answers, draft: draft, fund: fund, at: at).jsonText
        let form: BidForm
        do {
            form = try BidFile.bid(bytes: Array(text.utf8), file: "the form").value
        } catch {
            return .failure(Refusal(field: error.field, message: error.message))
        }
        // What the office knows of the organisation wins over what its applicant says: a council is not checked as a
        // community group because its bid says it is one.
        if let organisation = try reading({ () throws(LedgerError) in try store.organisation(draft.organisation) }),
           ![.opcc, .communitySafetyPartnership].contains(organisation.kind),
           OrganisationKind(applicantType: form.applicant.type) != organisation.kind
        {
            return .failure(Refusal(
                field: "applicant.type",
                message: "the office has \(organisation.name) as a \(organisation.kind.title): choose that, or ask the "
                    + "office to correct its record"))
        }
        var rulebooks = rulebooks
        let verdict = try BidScreening.check(form, rulebooks: &rulebooks, store: store)
        return .success(Checked(bid: form, document: text, verdict: verdict, fund: fund))
    }

    /// Submits the draft as its fields `form` (what the applicant saw on the page to check) make it: its `answers`
    /// (the bid that form makes) read as a bid sent at `at` (refused, with the field, when they do not make one),
    /// checked now, and recorded in the ledger with the check beside it, whatever its outcome (the office decides;
    /// the check is what they see). Refused (check failed) when the draft was submitted already (a second click, or
    /// two windows), or its fields are no longer `form` (saved in another window since): the ledger checks both in
    /// the transaction that records the bid, so nothing is recorded twice or other than confirmed.
    public static func submit(
        _ id: Int64, form: String, answers: DocNode, for account: Account, rulebooks: RulebookLibrary, in store: Store,
        at: Timestamp
    ) throws(WorkflowError) -> Result<BidSubmission, Refusal> {
        guard let draft = try draft(id, for: account, in: store) else { throw .badData("there is no draft \(id) of yours") }
        guard draft.bid == nil else {
            throw .checkFailed("draft \(id) was submitted already, as bid \(draft.bid ?? "")")
        }
        guard draft.form == form else { throw .checkFailed("draft \(id) was changed since it was checked") }
        let checked: Checked
        switch try check(answers, draft: draft, rulebooks: rulebooks, in: store, at: at) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let result): checked = result
        }
        // The partnership as the rules read it: by its id or its name ("South Ribble").
        var csp: OrganisationID?
        if let name = checked.bid.csp {
            let facts = try reading { () throws(LedgerError) in try store.facts(year: draft.year) }
            guard let partnership = facts.partnership(named: name) else {
                return .failure(Refusal(
                    field: "csp", message: "no community safety partnership called \(name) is in the ledger"))
            }
            csp = partnership.id
        }
        let bid = Bid(
            id: bidID(fund: checked.fund.id, draft: draft.id), fund: checked.fund.id, applicant: draft.organisation,
            title: checked.bid.title, requested: checked.bid.requested, submitted: at.day, csp: csp)
        let report = String(decoding: EligibilityRenderer.jsonBytes([checked.verdict]), as: UTF8.self)
        let submission = BidSubmission(
            bid: bid.id, draft: draft.id, account: account.id, at: at, document: checked.document,
            rulebook: checked.verdict.rulebook, outcome: checked.verdict.outcome.rawValue, report: report)
        let reason = "submitted by the applicant (checked: \(checked.verdict.outcome.rawValue))"
            + (draft.replaces.map { "; replaces bid \($0)" } ?? "")
        do {
            try store.submit(bid, submission, form: form, as: Change(actor: account.email, at: at, reason: reason))
        } catch where error.code == .conflict && error.field == "draft" {
            // Submitted, or saved, in another window since it was checked.
            throw .checkFailed(error.message)
        } catch where error.isDataError && error.field != nil {
            // The ledger's refusal of the bid (a partnership that is not one, the fund's year over), on the field of
            // the form it came from.
            let fields = ["applicant": "applicant.id", "submitted": "submitted"]
            return .failure(Refusal(field: fields[error.field ?? ""] ?? error.field ?? "", message: error.message))
        } catch {
            throw WorkflowError(error)
        }
        return .success(submission)
    }

    /// The bid `id` and its submission, if the bid is of the organisation `account` acts for; nil for any other.
    public static func submitted(_ id: String, for account: Account, in store: Store) throws(WorkflowError)
        -> (bid: Bid, submission: BidSubmission?)?
    {
        let organisation = try Applicants.organisation(of: account)
        guard let bid = try reading({ () throws(LedgerError) in try store.bid(id) }), bid.applicant == organisation
        else { return nil }
        return (bid, try reading { () throws(LedgerError) in try store.submission(bid: id) })
    }

    /// The bid a submission's document holds, read as it was when submitted.
    public static func form(of submission: BidSubmission) throws(WorkflowError) -> BidForm {
        do {
            return try BidFile.bid(bytes: Array(submission.document.utf8), file: "submission \(submission.bid)").value
        } catch {
            throw .badData("the ledger is damaged: the document of bid \(submission.bid) cannot be read: \(error.message)")
        }
    }

    /// The one fund the office has for the scheme and year, when there is a rulebook for them too; refused otherwise
    /// (bad data, in words an applicant can act on).
    public static func fund(scheme: Scheme, year: FinancialYear, rulebooks: RulebookLibrary, in store: any LedgerStore)
        throws(WorkflowError) -> Fund
    {
        guard rulebooks.rulebook(scheme: scheme, year: year) != nil else {
            throw .badData("there are no published rules for \(scheme.title) \(year.label): bids for it are not taken")
        }
        let funds = try reading { () throws(LedgerError) in try store.funds(scheme: scheme, year: year) }
        guard funds.count == 1, let fund = funds.first else {
            throw .badData(funds.isEmpty
                ? "the office has no fund for \(scheme.title) \(year.label): bids for it are not taken"
                : "the office has \(funds.count) funds for \(scheme.title) \(year.label): ask the office which to bid to")
        }
        return fund
    }
}

extension BidSubmissions {
    /// A scheme and year an applicant may bid to on a day.
    public struct Call: Hashable, Sendable {
        public let scheme: Scheme
        public let year: FinancialYear
        public let title: String
    }

    /// The schemes and years that take bids on `day`: with published rules, one fund in the ledger, and a year
    /// that has not ended (a bid may come in the year before, as the ledger allows), soonest first.
    public static func calls(on day: Day, rulebooks: RulebookLibrary, in store: any LedgerStore)
        throws(WorkflowError) -> [Call]
    {
        var calls: [Call] = []
        for book in rulebooks.rulebooks {
            guard day <= book.year.lastDay, let before = FinancialYear(startYear: book.year.startYear - 1),
                  before.firstDay <= day
            else { continue }
            let funds = try reading { () throws(LedgerError) in try store.funds(scheme: book.scheme, year: book.year) }
            if funds.count == 1 { calls.append(Call(scheme: book.scheme, year: book.year, title: book.title)) }
        }
        return calls.sorted { ($0.year.startYear, $0.scheme.rawValue) < ($1.year.startYear, $1.scheme.rawValue) }
    }
}
