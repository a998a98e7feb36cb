import Foundation
import GrantsCore
import GrantsImport
import GrantsRules
import GrantsWorkflows
import HTTPTypes
import Hummingbird

/// Bids written in the browser: an applicant starts a draft for a scheme that takes bids, fills in the checker's form
/// (saved to the ledger each time it is sent, so nothing typed is lost), checks it, and submits it through a page
/// that shows its check and what will be sent. The office sees each bid with its check as submitted. The drafts and
/// submissions are the workflow's (`BidSubmissions`); another organisation's draft or bid is "not found".
extension Site {
    var bidRoutes: [Route] {
        [
            .get("/organisation/bids/new", Site.applicant) { request, context in
                try self.newBidPage(FormData(), errors: [], status: .ok, request, context)
            },
            .post("/organisation/bids/new", Site.applicant) { request, context in
                try await self.beginDraft(request, context)
            },
            .get("/organisation/drafts/{draft}", Site.applicant) { request, context in
                let (draft, book) = try self.ownDraft(context)
                let notice = try self.query(request)["saved"] == "1" ? "Your draft is saved" : nil
                return try self.draftPage(
                    draft, book: book, form: FormData(body: Array(draft.form.utf8)) ?? FormData(), error: nil,
                    verdict: nil, notice: notice, status: .ok, request, context)
            },
            .post("/organisation/drafts/{draft}", Site.applicant) { request, context in
                try await self.draftStep(request, context)
            },
            .post("/organisation/drafts/{draft}/submit", Site.applicant) { request, context in
                try await self.submitDraft(request, context)
            },
            .get("/organisation/bids/{bid}", Site.applicant) { request, context in
                let id = try context.parameters.require("bid")
                guard let (bid, submission) = try BidSubmissions.submitted(
                    id, for: try context.signedIn(), in: self.draftStore())
                else { throw Problem.notFound("There is no bid \(id) of your organisation.") }
                let award = try AwardDecision.otherAwards(on: bid, than: "", in: self.ledger()).first
                let page = BidPage(
                    bid, submission: submission, applicant: nil, award: award, office: false,
                    notice: try self.query(request)["submitted"] == "1" ? "Your bid is submitted" : nil,
                    csrf: self.csrf.token(from: request, context))
                return self.html("bid", title: bid.title, page, context: context)
            },
            .post("/organisation/bids/{bid}/correct", Site.applicant) { request, context in
                try await self.correctBid(request, context)
            },
            .get("/bids/{bid}", Site.office) { request, context in
                let id = try context.parameters.require("bid")
                let store = try self.ledger()
                guard let bid = try store.bid(id) else { throw Problem.notFound("There is no bid \(id).") }
                let applicant = try store.organisation(bid.applicant)?.name ?? bid.applicant.rawValue
                let awards = try AwardDecision.otherAwards(on: bid, than: "", in: store)
                let page = BidPage(
                    bid, submission: try store.submission(bid: id), applicant: applicant, award: awards.first,
                    office: context.account?.role == .financeOfficer, notice: nil,
                    csrf: self.csrf.token(from: request, context))
                return self.html("bid", title: bid.title, page, context: context)
            },
        ]
    }

    /// The ledger with its drafts, or a 404 page when the server has none.
    func draftStore() throws -> BidSubmissions.Store {
        guard let store = store as? BidSubmissions.Store else {
            throw Problem.notFound("This server takes no bids: it has no ledger to keep them in.")
        }
        return store
    }

    // MARK: - Starting a bid

    /// A scheme and year as the form's radio names it: `community-action-fund_2017-18`.
    private static func value(of call: BidSubmissions.Call) -> String {
        "\(call.scheme.rawValue)_\(SchemePage.slug(call.year))"
    }

    private func newBidPage(
        _ form: FormData, errors: [FieldMessage], status: HTTPResponse.Status, _ request: Request,
        _ context: SiteContext
    ) throws -> Response {
        let calls = try BidSubmissions.calls(on: today(), rulebooks: rulebooks, in: ledger())
        let field = FormPage.Builder(form: form, errors: errors)
        let page = FormPage(
            back: FormPage.Link(href: "/organisation", text: "Back to your organisation"), caption: "A new bid",
            heading: calls.isEmpty ? "No scheme is taking bids" : "Which scheme is the bid for?",
            lead: calls.isEmpty
                ? "No scheme has a fund open for bids today. The office publishes each scheme's rules and when it opens."
                : "You can save the bid as a draft and come back to it. Each scheme's rules are on its page.",
            action: "/organisation/bids/new", csrf: csrf.token(from: request, context), errors: errors,
            fields: calls.isEmpty ? [] : [
                field.radios(
                    "call", "Scheme and year",
                    calls.map { (Self.value(of: $0), "\($0.title) (\($0.year.label))") }),
            ])
        return try html("form", title: (errors.isEmpty ? "" : "Error: ") + "Start a bid", page, status: status,
                        context: context).response(from: request, context: context)
    }

    /// `POST /organisation/bids/new`: a draft begun for the scheme and year chosen, holding the organisation's name.
    private func beginDraft(_ request: Request, _ context: SiteContext) async throws -> Response {
        let form = try await postedForm(request, context)
        let account = try context.signedIn()
        let store = try draftStore()
        let calls = try BidSubmissions.calls(on: today(), rulebooks: rulebooks, in: store)
        guard let call = calls.first(where: { Self.value(of: $0) == form["call"] }) else {
            return try newBidPage(
                form, errors: [FieldMessage(id: "call-\(calls.first.map(Self.value(of:)) ?? "")",
                                            message: "Select the scheme the bid is for")],
                status: .unprocessableContent, request, context)
        }
        let name = try account.organisation.flatMap { try store.organisation($0) }?.name ?? ""
        let first = FormData([("applicant-name", name)]).encoded
        let (at, rulebooks) = (clock(), rulebooks)
        let begun = try await onLedgerThread { () throws(WorkflowError) in
            try BidSubmissions.begin(
                scheme: call.scheme, year: call.year, form: first, for: account, rulebooks: rulebooks, in: store, at: at)
        }
        switch begun {
        case .failure(let error): throw Problem(status: Self.status(of: error), title: Self.status(of: error).reasonPhrase, detail: error.message)
        case .success(let id): return Response(status: .seeOther, headers: [.location: "/organisation/drafts/\(id)"])
        }
    }

    /// `POST /organisation/bids/{bid}/correct`: a new draft with the bid's answers, naming the bid it replaces.
    private func correctBid(_ request: Request, _ context: SiteContext) async throws -> Response {
        _ = try await postedForm(request, context)
        let id = try context.parameters.require("bid")
        let account = try context.signedIn()
        let store = try draftStore()
        guard let (_, submission) = try BidSubmissions.submitted(id, for: account, in: store) else {
            throw Problem.notFound("There is no bid \(id) of your organisation.")
        }
        guard let submission, let draft = try store.draft(submission.draft) else {
            throw Problem(
                status: .conflict, title: "Conflict",
                detail: "Bid \(id) was not submitted here, so there are no answers to correct: ask the office.")
        }
        let (at, rulebooks) = (clock(), rulebooks)
        let begun = try await onLedgerThread { () throws(WorkflowError) in
            try BidSubmissions.begin(
                scheme: draft.scheme, year: draft.year, replacing: id, form: draft.form, for: account,
                rulebooks: rulebooks, in: store, at: at)
        }
        switch begun {
        case .failure(let error): throw Problem(status: Self.status(of: error), title: Self.status(of: error).reasonPhrase, detail: error.message)
        case .success(let id): return Response(status: .seeOther, headers: [.location: "/organisation/drafts/\(id)"])
        }
    }

    // MARK: - A draft

    /// The draft in the path if it is the applicant's organisation's, with its scheme's rulebook.
    private func ownDraft(_ context: SiteContext) throws -> (BidDraft, Rulebook) {
        let text = try context.parameters.require("draft")
        guard let id = Int64(text), let draft = try BidSubmissions.draft(id, for: try context.signedIn(), in: draftStore())
        else { throw Problem.notFound("There is no draft \(text) of your organisation.") }
        guard let book = rulebooks.rulebook(scheme: draft.scheme, year: draft.year) else {
            throw Problem.notFound("The rules of \(draft.scheme.title) \(draft.year.label) are no longer published.")
        }
        return (draft, book)
    }

    private func draftPage(
        _ draft: BidDraft, book: Rulebook, form: FormData, error: Checker.FieldError?, verdict: Eligibility?,
        notice: String?, status: HTTPResponse.Status, _ request: Request, _ context: SiteContext
    ) throws -> Response {
        let organisation = try ledger().organisation(draft.organisation)
        let page = CheckerPage(
            book: book, form: form, csrf: csrf.token(from: request, context), error: error, verdict: verdict,
            draft: CheckerPage.Draft(
                action: "/organisation/drafts/\(draft.id)",
                organisation: "\(organisation?.name ?? "") (\(draft.organisation.rawValue))",
                notice: notice ?? draft.replaces.map { "A correction of bid \($0)" }))
        return try html(
            "checker", title: (error == nil ? "" : "Error: ") + "Your bid: \(book.title)", page, status: status,
            context: context
        ).response(from: request, context: context)
    }

    /// A refusal of the bid's answers as the form shows it: on its input, or (for what the applicant does not type:
    /// the day it is sent, their organisation) at the top of the page.
    private static func fieldError(_ refusal: BidSubmissions.Refusal) -> Checker.FieldError {
        let id = Checker.inputID(for: refusal.field)
        return Checker.FieldError(id: ["submitted-day", "applicant-id"].contains(id) ? "verdict" : id, message: refusal.message)
    }

    /// `POST /organisation/drafts/{draft}`: the form saved, whatever was pressed, then: back to the draft (`save`),
    /// another budget line (`add-line`), the check (`check`), or the page to check before submitting (`submit`).
    private func draftStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let (draft, book) = try ownDraft(context)
        let posted = try await postedForm(request, context)
        let account = try context.signedIn()
        let store = try draftStore()
        if let bid = draft.bid {
            throw Problem(
                status: .conflict, title: "Conflict",
                detail: "This draft was submitted as bid \(bid) and can no longer be changed: correct the bid instead.")
        }
        let action = posted["action"]
        var form = posted.removing(["csrf", "action"])
        if action == "add-line" {
            form = form.setting("budget-lines", to: String(min(Checker.lineCount(form) + 1, Checker.maximumLines)))
        }
        let (at, id, encoded) = (clock(), draft.id, form.encoded)
        if case .failure(let error) = try await onLedgerThread({ () throws(WorkflowError) in
            try BidSubmissions.save(id, form: encoded, for: account, in: store, at: at)
        }) {
            throw Problem(status: Self.status(of: error), title: Self.status(of: error).reasonPhrase, detail: error.message)
        }
        func page(error: Checker.FieldError?, verdict: Eligibility?, status: HTTPResponse.Status) throws -> Response {
            try draftPage(draft, book: book, form: form, error: error, verdict: verdict, notice: nil, status: status,
                          request, context)
        }
        switch action {
        case "add-line": return try page(error: nil, verdict: nil, status: .ok)
        case "check", "submit": break
        default: return Response(status: .seeOther, headers: [.location: "/organisation/drafts/\(id)?saved=1"])
        }
        let checked: BidSubmissions.Checked
        switch try BidSubmissions.check(
            Checker.document(form, book: book), draft: draft, rulebooks: rulebooks, in: store, at: at)
        {
        case .failure(let refusal): return try page(error: Self.fieldError(refusal), verdict: nil, status: .unprocessableContent)
        case .success(let result): checked = result
        }
        guard action == "submit" else { return try page(error: nil, verdict: checked.verdict, status: .ok) }
        // The fields this request saved: submitted only if the draft still holds them.
        let fingerprint = BidSubmissions.fingerprint(encoded)
        let verdict = CheckerPage.verdict(checked.verdict)
        let confirm = ConfirmPage(
            caption: book.title, heading: "Check your bid before you submit it",
            rows: [
                ("Bid from", "\(checked.bid.applicant.name) (\(draft.organisation.rawValue))"),
                ("Project", checked.bid.title), ("Asking for", checked.bid.requested.formatted),
                ("Scheme", "\(book.title)"), ("Sent on", at.day.description),
                ("Its check now", verdict.headline),
            ] + (draft.replaces.map { [("Replaces", "Bid \($0)")] } ?? []),
            warning: "Once submitted, the bid cannot be changed: the office sees it with this check. A correction is a "
                + "new submission.",
            action: "/organisation/drafts/\(id)/submit", carrying: ["fingerprint"],
            from: FormData([("fingerprint", fingerprint)]), csrf: csrf.token(from: request, context),
            confirmLabel: "Submit the bid", changeLabel: "Change the bid")
        return try html("confirm", title: "Check your bid before you submit it", confirm, context: context)
            .response(from: request, context: context)
    }

    /// `POST /organisation/drafts/{draft}/submit`: the draft as saved when the page to check was shown, submitted;
    /// sent twice (a double click), submitted once.
    private func submitDraft(_ request: Request, _ context: SiteContext) async throws -> Response {
        let (draft, book) = try ownDraft(context)
        let form = try await postedForm(request, context)
        if let bid = draft.bid {
            return Response(status: .seeOther, headers: [.location: "/organisation/bids/\(Site.percentEncoded(bid))"])
        }
        let fields = FormData(body: Array(draft.form.utf8)) ?? FormData()
        if form["action"] != "confirm" {
            return Response(status: .seeOther, headers: [.location: "/organisation/drafts/\(draft.id)"])
        }
        func changed() throws -> Response {
            try draftPage(
                draft, book: book, form: fields, error: nil, verdict: nil,
                notice: "The draft was changed after you checked it (in another window?): check it, then submit it again",
                status: .conflict, request, context)
        }
        guard form["fingerprint"] == BidSubmissions.fingerprint(draft.form) else { return try changed() }
        let account = try context.signedIn()
        let store = try draftStore()
        let (at, rulebooks, answers, id, saved) = (
            clock(), rulebooks, Checker.document(fields, book: book), draft.id, draft.form
        )
        let submitted = try await onLedgerThread { () throws(WorkflowError) in
            try BidSubmissions.submit(
                id, form: saved, answers: answers, for: account, rulebooks: rulebooks, in: store, at: at)
        }
        switch submitted {
        case .failure(let error) where error.failureKind == .checkFailed:
            // Submitted by another window in between: the bid it became; or changed there: check it again.
            guard let bid = try store.draft(id)?.bid else { return try changed() }
            return Response(status: .seeOther, headers: [.location: "/organisation/bids/\(Site.percentEncoded(bid))"])
        case .failure(let error):
            throw Problem(status: Self.status(of: error), title: Self.status(of: error).reasonPhrase, detail: error.message)
        case .success(.failure(let refusal)):
            return try draftPage(
                draft, book: book, form: fields, error: Self.fieldError(refusal), verdict: nil, notice: nil,
                status: .unprocessableContent, request, context)
        case .success(.success(let submission)):
            return Response(
                status: .seeOther,
                headers: [.location: "/organisation/bids/\(Site.percentEncoded(submission.bid))?submitted=1"])
        }
    }
}

/// A bid as its applicant or the office sees it: what it asked for, its award, and its check when it was submitted.
struct BidPage {
    let id: String
    let title: String
    let notice: String?
    let rows: [SummaryRow]
    let verdict: CheckerPage.Verdict?
    let checkedAt: String?
    let notChecked: Bool
    /// Where the applicant corrects it (a new submission), while it has no award.
    let correctAction: String?
    /// Where the office awards it, or sees its award.
    let awardHref: String?
    let awardPage: String?
    let back: FormPage.Link
    let csrf: String

    init(
        _ bid: Bid, submission: BidSubmission?, applicant: String?, award: String?, office: Bool, notice: String?,
        csrf: String
    ) {
        id = bid.id
        title = bid.title
        self.notice = notice
        var rows: [(String, String)] = []
        if let applicant { rows.append(("Applicant", "\(applicant) (\(bid.applicant.rawValue))")) }
        rows += [
            ("Asked for", bid.requested.formatted), ("Fund", bid.fund), ("Submitted on", bid.submitted.description),
            ("Outcome", award.map { "Awarded (\($0))" } ?? "No award yet"),
        ]
        self.rows = rows.map { SummaryRow(key: $0.0, value: $0.1) }
        verdict = submission.flatMap { CheckerPage.verdict(report: $0.report) }
        checkedAt = submission.map { "Checked against \($0.rulebook) when it was submitted, \($0.at.text)." }
        notChecked = submission == nil
        let path = Site.percentEncoded(bid.id)
        correctAction = !office && award == nil && submission != nil ? "/organisation/bids/\(path)/correct" : nil
        awardHref = office && award == nil ? "/bids/\(path)/award" : nil
        awardPage = applicant != nil ? award.map { "/awards/\(Site.percentEncoded($0))" } : nil
        back = applicant != nil
            ? FormPage.Link(href: "/round", text: "Back to the bids")
            : FormPage.Link(href: "/organisation", text: "Back to your organisation")
        self.csrf = csrf
    }
}
