import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird

/// The office's decisions on a year's money in the browser, as `grants reallocate` and `grants year-end` make them:
/// moving part of a partnership's allocation (back to the fund, to another allocation, or to another partnership),
/// and closing the year once nothing keeps it open. Each through a page to check; the ledger refuses what the command
/// line would (a cut below what awards commit, a year with anything still open) and the form says why.
extension Site {
    var yearEndRoutes: [Route] {
        [
            .get("/year-end", Site.office) { request, context in
                let form = try self.query(request)
                let year = try self.chosenYear(form)
                let report = try YearEndWorkflow.report(year, in: self.ledger())
                let page = YearEndPage(
                    report, years: try self.years(), mayClose: context.account?.role == .financeOfficer,
                    closed: form["closed"] == "1")
                return self.html("yearend", title: "Year end \(year.label)", page, context: context)
            },
            .get("/year-end/close", Site.financeOfficer) { request, context in
                let year = try self.chosenYear(try self.query(request))
                let page = FormPage.yearEnd(year, form: FormData(), errors: [], csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/year-end/close", Site.financeOfficer) { request, context in
                try await self.closeYearStep(request, context)
            },
            .get("/reallocate", Site.financeOfficer) { request, context in
                let year = try self.chosenYear(try self.query(request))
                let page = FormPage.reallocation(
                    year, allocations: try self.allocationChoices(year), form: FormData(), errors: [],
                    csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/reallocate", Site.financeOfficer) { request, context in
                try await self.reallocateStep(request, context)
            },
        ]
    }

    /// The year's partnership allocations, as the reallocation form offers them: id and what it reads as.
    private func allocationChoices(_ year: FinancialYear) throws -> [(value: String, label: String)] {
        let store = try ledger()
        let facts = try store.facts(year: year)
        var choices: [(value: String, label: String)] = []
        for fund in try store.funds(scheme: .cspGrant, year: year) {
            for partnership in facts.partnerships {
                for allocation in try store.allocations(fund: fund.id, csp: partnership.id) {
                    choices.append((allocation.id, "\(partnership.name): \(allocation.id)"))
                }
            }
        }
        return choices.sorted { $0.label < $1.label }
    }

    /// `POST /year-end/close`: the date checked, the page to check, then the year closed under the officer's email,
    /// or the ledger's refusal (what keeps it open) on the form.
    private func closeYearStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let form = try await postedForm(request, context)
        let year = try chosenYear(try query(request))
        let token = csrf.token(from: request, context)
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.yearEnd(year, form: form, errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        var errors: [FieldMessage] = []
        let date = FormRead.day(form, "date", into: &errors, what: "the date the year is closed", notAfter: today())
        guard errors.isEmpty, let date else { return try formPage(errors, status: .unprocessableContent) }
        let store = try ledger()
        if form["action"] != "confirm" {
            let report = try YearEndWorkflow.report(year, in: store)
            let page = ConfirmPage(
                caption: "Year end \(year.label)", heading: "Check the year end before you record it",
                rows: [
                    ("Year", year.label), ("Closed on", date.description),
                    ("Still open", report.canClose ? "Nothing: every award is closed or withdrawn, every claim paid, "
                        + "every underspend returned" : "\(report.openCount) things (the year cannot close yet)"),
                    ("Allocation not committed", report.uncommitted.isEmpty ? "None"
                        : report.uncommitted.map { "\($0.csp): \($0.uncommitted.formatted)" }.joined(separator: "; ")),
                ],
                warning: "Closing a year cannot be undone: its funds take no new awards, claims or payments after it.",
                action: "/year-end/close?year=\(SchemePage.slug(year))", carrying: ["date-day", "date-month", "date-year"],
                from: form,
                csrf: token, confirmLabel: "Close the year", changeLabel: "Change the date")
            return try html("confirm", title: "Check the year end \(year.label)", page, context: context)
                .response(from: request, context: context)
        }
        let stamp = Stamp(actor: try context.signedIn().email, at: clock())
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            _ = try YearEndWorkflow.close(year, on: date, in: store, by: stamp)
        }
        if case .failure(let error) = recorded {
            return try formPage(
                [FieldMessage(id: "date-day", message: "The year was not closed: \(error.message)")],
                status: Self.conflictStatus(of: error))
        }
        return Response(
            status: .seeOther, headers: [.location: "/year-end?year=\(SchemePage.slug(year))&closed=1"])
    }

    /// `POST /reallocate`: the decision checked, the page to check, then recorded under the officer's email, or the
    /// ledger's refusal (a cut below what awards commit, say) on the form.
    private func reallocateStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let form = try await postedForm(request, context)
        let year = try chosenYear(try query(request))
        let choices = try allocationChoices(year)
        let token = csrf.token(from: request, context)
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.reallocation(year, allocations: choices, form: form, errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        var errors: [FieldMessage] = []
        let from = form["from"]
        if !choices.contains(where: { $0.value == from }) {
            errors.append(FieldMessage(
                id: "from-\(choices.first?.value ?? "")", message: "Select the allocation the money comes from"))
        }
        let amount = FormRead.amount(form["amount"], into: &errors, what: "the amount to move")
        var destination: Reallocation.Destination?
        switch form["to"] {
        case "fund": destination = .fund
        case "allocation":
            if choices.contains(where: { $0.value == form["to-allocation"] }), form["to-allocation"] != from {
                destination = .allocation(form["to-allocation"])
            } else {
                errors.append(FieldMessage(
                    id: "to-allocation", message: "Enter another allocation of the year, as the list above names it"))
            }
        case "csp":
            if form["to-csp"].isEmpty {
                errors.append(FieldMessage(id: "to-csp", message: "Enter the partnership's identifier"))
            } else {
                destination = .csp(form["to-csp"])
            }
        default: errors.append(FieldMessage(id: "to-fund", message: "Select where the money goes"))
        }
        let decision = form["decision"].trimmingCharacters(in: .whitespaces)
        if (try? Input.identifier(decision, field: "decision") as String) == nil {
            errors.append(FieldMessage(
                id: "decision", message: "Enter a decision reference of letters, numbers, / and -, like 2017/81"))
        }
        let date = FormRead.day(form, "date", into: &errors, what: "the date of the decision", notAfter: today())
        let reason = FormRead.oneLine(form["reason"], id: "reason", what: "why", limit: 500, into: &errors)
        guard errors.isEmpty, let amount, let destination, let date, let reason else {
            return try formPage(errors, status: .unprocessableContent)
        }
        let decided = Reallocation.Request(
            from: from, amount: amount, to: destination, decision: decision, date: date, reason: reason)
        if form["action"] != "confirm" {
            let goes = switch destination {
            case .fund: "Back to the fund, unallocated"
            case .allocation(let id): "To allocation \(id)"
            case .csp(let id): "To a new allocation for \(id)"
            }
            let page = ConfirmPage(
                caption: "Reallocation in \(year.label)", heading: "Check the reallocation before you record it",
                rows: [
                    ("From", choices.first { $0.value == from }?.label ?? from), ("Amount", amount.formatted),
                    ("Goes", goes), ("Decision", "\(decision), \(date)"), ("Why", reason),
                ],
                warning: "The ledger refuses a cut below what the allocation's awards commit. Recording it cannot be "
                    + "undone: a later decision moves money again.",
                action: "/reallocate?year=\(SchemePage.slug(year))",
                carrying: ["from", "amount", "to", "to-allocation", "to-csp", "decision", "date-day",
                           "date-month", "date-year", "reason"],
                from: form, csrf: token, confirmLabel: "Record the reallocation", changeLabel: "Change the reallocation")
            return try html("confirm", title: "Check the reallocation", page, context: context)
                .response(from: request, context: context)
        }
        let (store, stamp) = (try ledger(), Stamp(actor: try context.signedIn().email, at: clock()))
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            _ = try Reallocation.record(decided, in: store, by: stamp)
        }
        if case .failure(let error) = recorded {
            return try formPage(
                [FieldMessage(id: "amount", message: "The reallocation was not recorded: \(error.message)")],
                status: Self.conflictStatus(of: error))
        }
        return Response(
            status: .seeOther, headers: [.location: "/dashboard?year=\(SchemePage.slug(year))&reallocated=1"])
    }
}

extension FormPage {
    /// Closing a year.
    static func yearEnd(_ year: FinancialYear, form: FormData, errors: [FieldMessage], csrf: String) -> FormPage {
        let field = Builder(form: form, errors: errors)
        return FormPage(
            back: Link(href: "/year-end?year=\(SchemePage.slug(year))", text: "Back to the year end"),
            caption: "Year end \(year.label)", heading: "Close \(year.label)",
            lead: "The ledger closes the year only when every award is closed or withdrawn, every claim paid and every "
                + "underspend returned. You will see what closing it means before it is recorded.",
            action: "/year-end/close?year=\(SchemePage.slug(year))", csrf: csrf, errors: errors,
            fields: [
                field.date("date", "Date the year is closed", hint: "For example, 30 4 2018"),
            ])
    }

    /// A reallocation decision.
    static func reallocation(
        _ year: FinancialYear, allocations: [(value: String, label: String)], form: FormData, errors: [FieldMessage],
        csrf: String
    ) -> FormPage {
        let field = Builder(form: form, errors: errors)
        return FormPage(
            back: Link(href: "/dashboard?year=\(SchemePage.slug(year))", text: "Back to the dashboard"),
            caption: "Reallocation in \(year.label)", heading: "Move money from a partnership's allocation",
            lead: "A later decision cuts an allocation: the money goes back to the fund, to another allocation, or to "
                + "another partnership. Nothing its awards commit can be moved.",
            action: "/reallocate?year=\(SchemePage.slug(year))", csrf: csrf, errors: errors,
            fields: [
                field.radios("from", "From which allocation?", allocations),
                field.text("amount", "Amount to move", prefix: "£", width: "input--10"),
                field.radios("to", "Where does it go?", [
                    ("fund", "Back to the fund, unallocated"), ("allocation", "To another allocation"),
                    ("csp", "To a new allocation for another partnership"),
                ]),
                field.text("to-allocation", "If to another allocation: which", hint: "As the list above names it, "
                           + "such as ALLOC-2017-18-BUR", width: "input--20"),
                field.text("to-csp", "If to another partnership: its identifier",
                           hint: "Such as 360G-LancashirePCC-CSP-PRESTON", width: "input--20"),
                field.text("decision", "Decision reference", hint: "For example, 2017/81", width: "input--10"),
                field.date("date", "Date of the decision", hint: "For example, 4 12 2017"),
                field.text("reason", "Why", hint: "Kept in the history", width: "input--full", multiline: true),
            ])
    }
}

/// What keeps a year open, as `grants year-end` prints it.
struct YearEndPage {
    struct Row {
        let cells: [String]
    }

    let year: String
    let years: [Option]
    let closedOn: String?
    let verdict: String
    let openAwards: [Row]
    let unpaidClaims: [Row]
    let underspendOwed: [Row]
    let uncommitted: [Row]
    let hasOpenAwards: Bool
    let hasUnpaidClaims: Bool
    let hasUnderspendOwed: Bool
    let hasUncommitted: Bool
    let closeHref: String?
    let closed: Bool
    let reallocateHref: String?

    init(_ report: YearEndReport, years: [FinancialYear], mayClose: Bool, closed: Bool) {
        year = report.year.label
        self.years = years.map { Option(value: SchemePage.slug($0), label: $0.label, selected: $0 == report.year) }
        closedOn = report.closedOn?.description
        verdict = report.closedOn.map { "\(report.year.label) was closed on \($0)." }
            ?? (report.canClose ? "Nothing is open: \(report.year.label) can be closed."
                : "\(report.openCount) things keep \(report.year.label) open.")
        openAwards = report.openAwards.map {
            Row(cells: [$0.award, $0.recipient, OrganisationAwardPage.stateText($0.state), $0.amount.formatted,
                        $0.paid.formatted])
        }
        unpaidClaims = report.unpaidClaims.map { Row(cells: [$0.claim, $0.award, $0.date.description, $0.amount.formatted]) }
        underspendOwed = report.underspendOwed.map {
            Row(cells: [$0.award, $0.recipient, $0.owed.formatted, $0.returned.formatted])
        }
        uncommitted = report.uncommitted.map {
            Row(cells: [$0.csp, $0.fund, $0.allocated.formatted, $0.committed.formatted, $0.uncommitted.formatted])
        }
        hasOpenAwards = !openAwards.isEmpty
        hasUnpaidClaims = !unpaidClaims.isEmpty
        hasUnderspendOwed = !underspendOwed.isEmpty
        hasUncommitted = !uncommitted.isEmpty
        let slug = SchemePage.slug(report.year)
        closeHref = mayClose && report.closedOn == nil ? "/year-end/close?year=\(slug)" : nil
        reallocateHref = mayClose && report.closedOn == nil ? "/reallocate?year=\(slug)" : nil
        self.closed = closed && report.closedOn != nil
    }
}

/// The ledger checked and its history, for the office: `grants reconcile` and `grants history` in the browser.
extension Site {
    var ledgerRoutes: [Route] {
        [
            .get("/reconcile", Site.office) { request, context in
                let store = try self.ledger()
                let reconciliation = try await self.onLedgerThread { () throws(WorkflowError) in
                    try LedgerReports.reconcile(store)
                }.get()
                return self.html("reconcile", title: "Reconciliation", ReconcilePage(reconciliation), context: context)
            },
            .get("/history", Site.office) { request, context in
                let entry = try self.query(request)["entry"]
                let lines = try LedgerReports.history(
                    entry: entry.isEmpty ? nil : entry, limit: entry.isEmpty ? 200 : nil, in: self.ledger())
                return self.html("history", title: "History", HistoryPage(lines.reversed(), entry: entry), context: context)
            },
        ]
    }
}

/// Every check of the reconciliation, each with what it compares and whether it balances.
struct ReconcilePage {
    struct Row {
        let subject: String
        let equation: String
        let result: String
        let resultClass: String
    }

    let verdict: String
    let balances: Bool
    let rows: [Row]

    init(_ reconciliation: Reconciliation) {
        balances = reconciliation.balances
        verdict = reconciliation.balances
            ? "Every one of the \(reconciliation.checks.count) checks balances, to the penny."
            : "Check \(reconciliation.firstFailure?.subject ?? "") does not balance."
        rows = reconciliation.checks.map { check in
            Row(subject: check.subject, equation: check.equation, result: check.balances ? "Balances" : "Does not balance",
                resultClass: check.balances ? "tag--green" : "tag--red")
        }
    }
}

/// The ledger's history, newest first: every change with who made it, when and why.
struct HistoryPage {
    struct Row {
        let at: String
        let actor: String
        let entry: String
        let reason: String
    }

    let entry: String
    let rows: [Row]
    let hasRows: Bool
    let heading: String

    init(_ lines: [HistoryEntry], entry: String) {
        self.entry = entry
        heading = entry.isEmpty ? "History: the latest 200 changes" : "History of \(entry)"
        rows = lines.map { Row(at: $0.at, actor: $0.actor, entry: $0.entryID, reason: $0.reason) }
        hasRows = !rows.isEmpty
    }
}
