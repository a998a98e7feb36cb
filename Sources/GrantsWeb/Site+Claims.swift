import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// Claims: an applicant claims on their organisation's grant for a period's work, in arrears; a finance officer pays
/// each claim. Both check what will be recorded on a page of its own first, as the award does.
extension Site {
    var claimRoutes: [Route] {
        [
            .get("/organisation/awards/{award}/claim", Site.applicant) { request, context in
                let award = try self.ownAward(context, open: true)
                let page = FormPage.claim(award.award, form: FormData(), errors: [],
                                          csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/organisation/awards/{award}/claim", Site.applicant) { request, context in
                try await self.claimStep(request, context)
            },
            .get("/claims", Site.office) { request, context in
                let form = try self.query(request)
                let lines = try Claims.unpaid(in: self.ledger())
                // The claim just paid, if it is one and is paid.
                let paid = form["paid"].isEmpty || lines.contains(where: { $0.claim.id == form["paid"] })
                    ? nil : try self.ledger().claim(form["paid"])
                let page = ClaimsPage(lines, mayPay: context.account?.role == .financeOfficer, paid: paid)
                return self.html("claims", title: "Claims to pay", page, context: context)
            },
            .get("/claims/{claim}/pay", Site.financeOfficer) { request, context in
                let line = try self.unpaidClaim(context)
                let page = FormPage.payment(line, form: FormData(), errors: [],
                                            csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/claims/{claim}/pay", Site.financeOfficer) { request, context in
                try await self.payStep(request, context)
            },
        ]
    }

    /// The award in the path if it is the signed-in applicant's organisation's (and, when `open`, still open to
    /// claims); else not found, or 409 for a grant closed or withdrawn.
    private func ownAward(_ context: SiteContext, open: Bool) throws -> Applicants.AwardLine {
        let id = try context.parameters.require("award")
        guard let line = try Applicants.award(id, for: try context.signedIn(), in: ledger()) else {
            throw Problem.notFound("There is no grant \(id) to your organisation.")
        }
        if open, line.state == .closed || line.state == .withdrawn {
            throw Problem(
                status: .conflict, title: "Conflict",
                detail: "\(line.award.title) is \(line.state == .closed ? "closed" : "withdrawn"): it takes no more claims.")
        }
        return line
    }

    private func unpaidClaim(_ context: SiteContext) throws -> Claims.Line {
        let id = try context.parameters.require("claim")
        guard let line = try Claims.unpaid(id, in: ledger()) else {
            throw Problem.notFound("There is no claim \(id) waiting to be paid.")
        }
        return line
    }

    /// The day of `clock()`, in UTC: the day a claim is made, the latest a payment may be dated.
    func today() -> Day {
        clock().day
    }

    /// `POST /organisation/awards/{award}/claim`: checked (`action=check`: the page to check), then recorded
    /// (`action=confirm`) under the applicant's email, refused as the command line refuses a claim.
    private func claimStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let line = try ownAward(context, open: true)
        let account = try context.signedIn()
        let form = try await postedForm(request, context)
        let token = csrf.token(from: request, context)
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.claim(line.award, form: form.setting("claim-id", to: ""), errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        var errors: [FieldMessage] = []
        var period = form["period"]
        if period == "dates" {
            // Other dates (a month, say): both days, the first not after the last.
            let from = FormRead.day(form, "from", into: &errors, what: "the first day the claim is for")
            // Claims are in arrears: the period has ended before the day the claim is sent.
            let to = FormRead.day(
                form, "to", into: &errors, what: "the last day the claim is for", notAfter: today().adding(days: -1),
                latestWords: "before today: claims are paid in arrears, once the period has ended")
            if let from, let to {
                if from > to {
                    errors.append(FieldMessage(id: "to-day", message: "The last day must be on or after the first day"))
                }
                period = "\(from)..\(to)"
            }
        } else if !["Q1", "Q2", "Q3", "Q4"].contains(period) {
            errors.append(FieldMessage(id: "period-Q1", message: "Select the quarter the claim is for, or other dates"))
        }
        let amount = FormRead.amount(form["amount"], into: &errors, what: "the amount you claim")
        let done = FormRead.oneLine(
            form["done"], id: "done", what: "what was done in the quarter", limit: 2_000, into: &errors)
        guard errors.isEmpty, let amount, let done else { return try formPage(errors, status: .unprocessableContent) }
        let date = today()
        let store = try ledger()
        if form["action"] != "confirm" {
            // The claim's number is fixed now and carried, so the same claim sent twice is recorded once.
            let claimID = try Applicants.nextClaimID(on: line.award.id, in: store)
            let carried = form.setting("claim-id", to: claimID)
            let page = ConfirmPage(
                caption: line.award.title, heading: "Check your claim before you send it",
                rows: [
                    ("Claim", claimID), ("Grant", line.award.id),
                    (period.contains("..") ? "Period" : "Quarter", period.replacingOccurrences(of: "..", with: " to ")),
                    ("Amount", amount.formatted),
                    ("What was done", done), ("Claimed on", date.description), ("Where the grant stands", line.summary),
                ],
                warning: "Once sent, a claim cannot be changed: the office pays it or tells you why not.",
                action: "/organisation/awards/\(Site.percentEncoded(line.award.id))/claim",
                carrying: ["period", "from-day", "from-month", "from-year", "to-day", "to-month", "to-year", "amount",
                           "done", "claim-id"],
                from: carried, csrf: token,
                confirmLabel: "Send the claim", changeLabel: "Change the claim")
            return try html("confirm", title: "Check your claim", page, context: context)
                .response(from: request, context: context)
        }
        let (at, claimID, claimed) = (clock(), form["claim-id"], period)
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            try Applicants.claim(
                award: line.award.id, period: claimed, amount: amount, date: date, done: done, claimID: claimID,
                for: account, in: store, at: at)
        }
        switch recorded {
        case .failure(let error):
            return try formPage(
                [FieldMessage(id: "amount", message: "The claim was not sent: \(error.message)")],
                status: Self.status(of: error))
        case .success(let step):
            return Response(
                status: .seeOther,
                headers: [.location: "/organisation/awards/\(Site.percentEncoded(line.award.id))?claimed=\(Site.percentEncoded(step.id))"])
        }
    }

    /// `POST /claims/{claim}/pay`: the payment date and reference checked, the page to check, then the payment
    /// recorded in full under the officer's email.
    private func payStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let id = try context.parameters.require("claim")
        let form = try await postedForm(request, context)
        // The same payment confirmed twice (a double click): the first recorded it; this one says so.
        if form["action"] == "confirm", try Claims.isPaid(id, in: ledger()) {
            return Response(status: .seeOther, headers: [.location: "/claims?paid=\(Site.percentEncoded(id))"])
        }
        let line = try unpaidClaim(context)
        let account = try context.signedIn()
        let token = csrf.token(from: request, context)
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.payment(line, form: form, errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        var errors: [FieldMessage] = []
        let date = FormRead.day(form, "date", into: &errors, what: "the date of the payment", notAfter: today())
        let reference = form["reference"].trimmingCharacters(in: .whitespaces)
        if reference.count > 100 {
            errors.append(FieldMessage(id: "reference", message: "The reference must be 100 characters or fewer"))
        }
        guard errors.isEmpty, let date else { return try formPage(errors, status: .unprocessableContent) }
        if form["action"] != "confirm" {
            let claim = line.claim
            let page = ConfirmPage(
                caption: "Claim \(claim.id)", heading: "Check the payment before you record it",
                rows: [
                    ("Pay", "\(line.recipientName) (\(line.award.recipient.rawValue))"),
                    ("Amount", claim.amount.formatted), ("For", "\(claim.periodStart) to \(claim.periodEnd)"),
                    ("Grant", "\(line.award.title) (\(line.award.id))"), ("Paid on", date.description),
                    ("Reference", reference.isEmpty ? "None" : reference),
                ],
                warning: "A payment cannot be undone: money paid and not spent comes back when the grant is closed.",
                action: "/claims/\(Site.percentEncoded(claim.id))/pay",
                carrying: ["date-day", "date-month", "date-year", "reference"], from: form, csrf: token,
                confirmLabel: "Record the payment", changeLabel: "Change the payment")
            return try html("confirm", title: "Check the payment of \(claim.id)", page, context: context)
                .response(from: request, context: context)
        }
        let store = try ledger()
        let stamp = Stamp(actor: account.email, at: clock())
        let claimID = line.claim.id
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            try AwardLifecycle.pay(
                claim: claimID, date: date, reference: reference.isEmpty ? nil : reference, in: store, by: stamp
            ).step.id
        }
        switch recorded {
        case .failure(let error):
            return try formPage(
                [FieldMessage(id: "date-day", message: "The payment was not recorded: \(error.message)")],
                status: Self.status(of: error))
        case .success:
            return Response(status: .seeOther, headers: [.location: "/claims?paid=\(Site.percentEncoded(claimID))"])
        }
    }
}

extension FormPage {
    /// An applicant's claim on their grant.
    static func claim(_ award: Award, form: FormData, errors: [FieldMessage], csrf: String) -> FormPage {
        let field = Builder(form: form, errors: errors)
        return FormPage(
            back: Link(href: "/organisation/awards/\(Site.percentEncoded(award.id))", text: "Back to the grant"),
            caption: award.title, heading: "Make a claim",
            lead: "Claims are paid in arrears, for work done in a period that has ended: a quarter, or other dates such as a "
                + "month. You will see your claim before you send it.",
            action: "/organisation/awards/\(Site.percentEncoded(award.id))/claim", csrf: csrf, errors: errors,
            fields: [
                field.radios("period", "Which period is the claim for?", hint: "A quarter, or other dates such as a month", [
                    ("Q1", "Q1, April to June"), ("Q2", "Q2, July to September"), ("Q3", "Q3, October to December"),
                    ("Q4", "Q4, January to March"), ("dates", "Other dates"),
                ]),
                field.date("from", "If other dates: the first day", hint: "For example, 1 1 2018"),
                field.date("to", "If other dates: the last day", hint: "For example, 31 1 2018"),
                field.text("amount", "Amount you claim", hint: "What you spent on the project in the quarter",
                           prefix: "£", width: "input--10"),
                field.text("done", "What was done in the quarter",
                           hint: "The sessions, events or work the money paid for, and who took part",
                           width: "input--full", multiline: true),
            ])
    }

    /// An officer's payment of a claim.
    static func payment(_ line: Claims.Line, form: FormData, errors: [FieldMessage], csrf: String) -> FormPage {
        let field = Builder(form: form, errors: errors)
        return FormPage(
            back: Link(href: "/claims", text: "Back to the claims"), caption: "Claim \(line.claim.id)",
            heading: "Pay \(line.claim.amount.formatted) to \(line.recipientName)",
            lead: "For \(line.award.title), \(line.claim.periodStart) to \(line.claim.periodEnd). A claim is paid in full.",
            action: "/claims/\(Site.percentEncoded(line.claim.id))/pay", csrf: csrf, errors: errors,
            fields: [
                field.date("date", "Date of the payment", hint: "For example, 16 10 2017"),
                field.text("reference", "Payment reference (optional)", hint: "The BACS reference", width: "input--20"),
            ])
    }
}

/// A claim as an award's page lists it: its period, amount, day sent, and whether it is paid (with the payment's id
/// on the office's page), with the link to pay it where there is one.
struct ClaimRow {
    let id: String
    let period: String
    let amount: String
    let claimed: String
    let state: String
    let payHref: String?

    init(_ line: Applicants.ClaimLine, namingPayment: Bool, payHref: String?) {
        id = line.claim.id
        period = "\(line.claim.periodStart) to \(line.claim.periodEnd)"
        amount = line.claim.amount.formatted
        claimed = line.claim.date.description
        state = line.payment.map { "Paid on \($0.date)" + (namingPayment ? " (\($0.id))" : "") } ?? "Waiting for payment"
        self.payHref = payHref
    }
}

/// The claims waiting for payment.
struct ClaimsPage {
    struct Row {
        let id: String
        let recipient: String
        let grant: String
        let period: String
        let amount: String
        let claimed: String
        let payHref: String?
    }

    let rows: [Row]
    let hasRows: Bool
    let paid: String?

    init(_ lines: [Claims.Line], mayPay: Bool, paid: Claim?) {
        rows = lines.map { line in
            Row(
                id: line.claim.id, recipient: line.recipientName, grant: "\(line.award.title) (\(line.award.id))",
                period: "\(line.claim.periodStart) to \(line.claim.periodEnd)", amount: line.claim.amount.formatted,
                claimed: line.claim.date.description,
                payHref: mayPay ? "/claims/\(Site.percentEncoded(line.claim.id))/pay" : nil)
        }
        hasRows = !rows.isEmpty
        self.paid = paid.map { "Claim \($0.id) of \($0.amount.formatted) is paid." }
    }
}
