import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird

/// An award as the office sees it (its money, claims and history) and, for a finance officer, its end: closing it
/// on the end-of-grant report (what was spent) or withdrawing it before anything is paid, each through a page to
/// check, as `grants close` and `grants withdraw` do.
extension Site {
    var awardRoutes: [Route] {
        [
            .get("/awards/{award}", Site.office) { request, context in
                let award = try self.storedAward(context)
                let store = try self.ledger()
                let state = try store.state(ofAward: award.id) ?? .awarded
                let claims = try store.claims(award: award.id)
                let payments = try store.payments(award: award.id)
                // The history of the award and of every step on it: its claims, payments, closing or withdrawal.
                let ids = [award.id, Identifiers.closure(of: award.id), Identifiers.withdrawal(of: award.id)]
                    + claims.map(\.id) + payments.map(\.id)
                let history = try LedgerReports.history(entries: ids, in: store)
                let reports = try self.reportStore()
                let report = try GrantReports.latest(award: award.id, in: reports)
                let page = OfficeAwardPage(
                    award, state: state, summary: try store.awardSummary(award.id) ?? "",
                    recipient: try store.organisation(award.recipient)?.name ?? award.recipient.rawValue,
                    claims: claims, payments: payments, history: history,
                    mayChange: context.account?.role == .financeOfficer,
                    done: try self.query(request)["done"],
                    report: try report.map { report in
                        ReportView(
                            report, categories: try reports.monitoringCategories(),
                            sentBy: try self.accountStore().account(id: report.account)?.email)
                    })
                return self.html("officeaward", title: award.title, page, context: context)
            },
            .get("/awards/{award}/close", Site.financeOfficer) { request, context in
                let award = try self.endableAward(.close, context)
                // What the recipient's end-of-grant report says was spent, to start from.
                let report = try GrantReports.latest(award: award.id, in: self.reportStore())
                let page = FormPage.ending(
                    .close, award, form: FormData(report.map { [("spent", $0.spent.plain)] } ?? []), errors: [],
                    csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/awards/{award}/close", Site.financeOfficer) { request, context in
                try await self.endStep(.close, request, context)
            },
            .get("/awards/{award}/withdraw", Site.financeOfficer) { request, context in
                let page = FormPage.ending(
                    .withdraw, try self.endableAward(.withdraw, context), form: FormData(), errors: [],
                    csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/awards/{award}/withdraw", Site.financeOfficer) { request, context in
                try await self.endStep(.withdraw, request, context)
            },
        ]
    }

    /// How an award ends.
    enum Ending {
        case close, withdraw

        var path: String { self == .close ? "close" : "withdraw" }
    }

    private func storedAward(_ context: SiteContext) throws -> Award {
        let id = try context.parameters.require("award")
        guard let award = try ledger().award(id) else { throw Problem.notFound("There is no award \(id).") }
        return award
    }

    /// The award in the path, if it can still end as `ending` says: open, and for a withdrawal with nothing paid;
    /// else 409 with why (a second click on a confirmation lands here too, and says what happened).
    private func endableAward(_ ending: Ending, _ context: SiteContext) throws -> Award {
        let award = try storedAward(context)
        let store = try ledger()
        switch try store.state(ofAward: award.id) {
        case .closed?:
            throw Problem(status: .conflict, title: "Conflict", detail: "Award \(award.id) is closed.")
        case .withdrawn?:
            throw Problem(status: .conflict, title: "Conflict", detail: "Award \(award.id) is withdrawn.")
        default: break
        }
        if ending == .withdraw, try !store.payments(award: award.id).isEmpty {
            throw Problem(
                status: .conflict, title: "Conflict",
                detail: "Award \(award.id) has payments, so it cannot be withdrawn: close it on its end-of-grant report.")
        }
        return award
    }

    /// `POST /awards/{award}/close` and `/withdraw`: the form checked, the page to check, then recorded under the
    /// officer's email, refused as the command line refuses it (an award already ended, one with payments withdrawn,
    /// more spent than paid…).
    private func endStep(_ ending: Ending, _ request: Request, _ context: SiteContext) async throws -> Response {
        let award = try endableAward(ending, context)
        let form = try await postedForm(request, context)
        let token = csrf.token(from: request, context)
        let path = "/awards/\(Site.percentEncoded(award.id))"
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.ending(ending, award, form: form, errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        let store = try ledger()
        var errors: [FieldMessage] = []
        let date = FormRead.day(form, "date", into: &errors, what: "the date", notAfter: today())
        var spent: Money?
        var reason = ""
        switch ending {
        case .close:
            let typed = Checker.money(form["spent"])
            if typed.isEmpty {
                errors.append(FieldMessage(id: "spent", message: "Enter what the recipient spent"))
            } else if let money = try? Input.money(typed, field: "spent"), !money.isNegative {
                spent = money
            } else {
                errors.append(FieldMessage(id: "spent", message: "Enter what was spent in pounds and pence, like 2350.00"))
            }
        case .withdraw:
            reason = FormRead.oneLine(
                form["reason"], id: "reason", what: "why the award is withdrawn", limit: 500, into: &errors) ?? ""
        }
        guard errors.isEmpty, let date else { return try formPage(errors, status: .unprocessableContent) }
        if form["action"] != "confirm" {
            let summary = try store.awardSummary(award.id) ?? ""
            let rows: [(String, String)] = ending == .close
                ? [("Close", "\(award.title) (\(award.id))"), ("Spent, as the end-of-grant report says",
                   (spent ?? .zero).formatted), ("On", date.description), ("Where its money stands now", summary),
                   ("Then", "Paid and not spent is owed back; not paid is released to the fund or allocation")]
                : [("Withdraw", "\(award.title) (\(award.id))"), ("Why", reason), ("On", date.description),
                   ("Where its money stands now", summary), ("Then", "All of it is released; nothing may be paid")]
            let page = ConfirmPage(
                caption: award.id,
                heading: ending == .close ? "Check the closing before you record it"
                    : "Check the withdrawal before you record it",
                rows: rows, warning: "It cannot be undone: an award closed or withdrawn takes no more claims or payments.",
                action: "\(path)/\(ending.path)",
                carrying: ["date-day", "date-month", "date-year", ending == .close ? "spent" : "reason"], from: form,
                csrf: token, confirmLabel: ending == .close ? "Close the award" : "Withdraw the award",
                changeLabel: "Change")
            return try html("confirm", title: "Check: \(award.id)", page, context: context)
                .response(from: request, context: context)
        }
        let stamp = Stamp(actor: try context.signedIn().email, at: clock())
        let (id, spentAmount, why) = (award.id, spent ?? .zero, reason)
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            switch ending {
            case .close: try AwardLifecycle.close(award: id, spent: spentAmount, date: date, in: store, by: stamp).id
            case .withdraw: try AwardLifecycle.withdraw(award: id, date: date, reason: why, in: store, by: stamp).id
            }
        }
        if case .failure(let error) = recorded {
            return try formPage(
                [FieldMessage(
                    id: ending == .close ? "spent" : "reason", message: "Nothing was recorded: \(error.message)")],
                status: Self.status(of: error))
        }
        return Response(status: .seeOther, headers: [.location: "\(path)?done=\(ending.path)"])
    }
}

extension FormPage {
    /// Closing an award on its end-of-grant report, or withdrawing it.
    static func ending(_ ending: Site.Ending, _ award: Award, form: FormData, errors: [FieldMessage], csrf: String)
        -> FormPage
    {
        let field = Builder(form: form, errors: errors)
        let back = Link(href: "/awards/\(Site.percentEncoded(award.id))", text: "Back to the award")
        switch ending {
        case .close:
            return FormPage(
                back: back, caption: award.id, heading: "Close \(award.title)",
                lead: "From the end-of-grant report: what the recipient spent on the project. You will see what "
                    + "closing changes before it is recorded.",
                action: "/awards/\(Site.percentEncoded(award.id))/close", csrf: csrf, errors: errors,
                fields: [
                    field.text("spent", "What was spent", hint: "What the recipient spent on the project", prefix: "£",
                               width: "input--10"),
                    field.date("date", "Date of the report", hint: "For example, 30 4 2018"),
                ])
        case .withdraw:
            return FormPage(
                back: back, caption: award.id, heading: "Withdraw \(award.title)",
                lead: "Only an award nothing has been paid on can be withdrawn; all of it is released.",
                action: "/awards/\(Site.percentEncoded(award.id))/withdraw", csrf: csrf, errors: errors,
                fields: [
                    field.text("reason", "Why it is withdrawn", hint: "Kept in the history and the grant register",
                               width: "input--full", multiline: true),
                    field.date("date", "Date of the withdrawal", hint: "For example, 31 1 2018"),
                ])
        }
    }
}

/// An award as the office sees it.
struct OfficeAwardPage {
    typealias Row = SummaryRow

    struct HistoryRow {
        let at: String
        let actor: String
        let reason: String
    }

    let title: String
    let rows: [Row]
    let claims: [ClaimRow]
    let hasClaims: Bool
    let history: [HistoryRow]
    let closeHref: String?
    let withdrawHref: String?
    let done: String?
    let report: ReportView?

    init(_ award: Award, state: AwardState, summary: String, recipient: String, claims: [Claim], payments: [Payment],
         history: [HistoryEntry], mayChange: Bool, done: String, report: ReportView?)
    {
        title = award.title
        self.report = report
        rows = [
            Row(key: "Award", value: award.id), Row(key: "To", value: "\(recipient) (\(award.recipient.rawValue))"),
            Row(key: "Amount", value: award.amount.formatted),
            Row(key: "Decision", value: "\(award.decision), \(award.awardDate)"),
            Row(key: "Draws on", value: award.allocation.map { "allocation \($0)" } ?? "fund \(award.fund)"),
            Row(key: "Where it stands", value: OrganisationAwardPage.stateText(state)),
            Row(key: "Money", value: summary),
        ]
        let open = state == .awarded || state == .claiming
        self.claims = Applicants.paired(claims, payments).map { line in
            ClaimRow(
                line, namingPayment: true,
                payHref: line.payment == nil && open && mayChange
                    ? "/claims/\(Site.percentEncoded(line.claim.id))/pay" : nil)
        }
        hasClaims = !claims.isEmpty
        self.history = history.reversed().map { HistoryRow(at: $0.at, actor: $0.actor, reason: $0.reason) }
        let path = "/awards/\(Site.percentEncoded(award.id))"
        closeHref = open && mayChange ? "\(path)/close" : nil
        withdrawHref = open && mayChange && payments.isEmpty ? "\(path)/withdraw" : nil
        self.done = switch done {
        case "close": state == .closed ? "The award is closed." : nil
        case "withdraw": state == .withdrawn ? "The award is withdrawn." : nil
        default: nil
        }
    }
}
