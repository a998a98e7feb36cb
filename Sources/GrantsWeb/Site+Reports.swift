import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird

/// End-of-grant reports: a recipient sends one on their grant (what was spent, the people reached, the outcome for
/// each priority the grant addressed, and equality monitoring counts, each optional), through a page to check; the
/// office sees it on the award's page and closes the award on it; the office and the commissioner see the outcomes
/// reported across a year's awards at `/outcomes`.
extension Site {
    var reportRoutes: [Route] {
        [
            .get("/organisation/awards/{award}/report", Site.applicant) { request, context in
                let (line, categories) = try self.reportable(context)
                let previous = try GrantReports.latest(award: line.award.id, in: self.reportStore())
                let page = FormPage.report(
                    line.award, categories: categories, form: previous.map(Self.form) ?? FormData(), errors: [],
                    csrf: self.csrf.token(from: request, context), correcting: previous != nil)
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/organisation/awards/{award}/report", Site.applicant) { request, context in
                try await self.reportStep(request, context)
            },
            .get("/outcomes", Site.office) { request, context in
                let form = try self.query(request)
                let year = try self.chosenYear(form)
                let outcomes = try GrantReports.outcomes(year: year, in: self.reportStore())
                let page = OutcomesPage(outcomes, years: try self.years())
                return self.html("outcomes", title: "Outcomes reported in \(year.label)", page, context: context)
            },
        ]
    }

    /// The ledger with its reports, or a 404 page when the server has none.
    func reportStore() throws -> GrantReports.Store {
        guard let store = store as? GrantReports.Store else {
            throw Problem.notFound("This server keeps no reports: it has no ledger.")
        }
        return store
    }

    /// The applicant's grant in the path, open to a report (not withdrawn), and the monitoring categories.
    private func reportable(_ context: SiteContext) throws -> (Applicants.AwardLine, [MonitoringCategory]) {
        let id = try context.parameters.require("award")
        guard let line = try Applicants.award(id, for: try context.signedIn(), in: ledger()) else {
            throw Problem.notFound("There is no grant \(id) to your organisation.")
        }
        if line.state == .withdrawn {
            throw Problem(status: .conflict, title: "Conflict", detail: "\(line.award.title) is withdrawn: no report is due.")
        }
        return (line, try reportStore().monitoringCategories())
    }

    /// A report as the form's fields, to correct it.
    static func form(_ report: GrantReport) -> FormData {
        var pairs: [(String, String)] = [
            ("spent", report.spent.plain), ("people", String(report.people)), ("summary", report.summary),
        ]
        for outcome in report.outcomes {
            pairs += [("people-\(outcome.priority)", String(outcome.people)), ("outcome-\(outcome.priority)", outcome.outcome)]
        }
        for count in report.monitoring { pairs.append(("mon-\(count.dimension)-\(count.category)", String(count.people))) }
        return FormData(pairs)
    }

    /// `POST /organisation/awards/{award}/report`: read and checked (`action=check`: the page to check), then recorded
    /// (`action=confirm`) under the applicant's email.
    private func reportStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let (line, categories) = try reportable(context)
        let account = try context.signedIn()
        let form = try await postedForm(request, context)
        let token = csrf.token(from: request, context)
        let award = line.award
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.report(award, categories: categories, form: form, errors: errors, csrf: token, correcting: false)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        var errors: [FieldMessage] = []
        let spent = FormRead.amount(form["spent"], into: &errors, what: "what the project spent", id: "spent", zero: true)
        let people = FormRead.count(form["people"], id: "people", what: "how many people the project reached", into: &errors)
        let summary = FormRead.oneLine(
            form["summary"], id: "summary", what: "what the project did", limit: 4_000, into: &errors)
        var outcomes: [String: (people: Int, outcome: String)] = [:]
        for priority in GrantReports.priorities(of: award) {
            let reached = FormRead.count(
                form["people-\(priority.slug)"], id: "people-\(priority.slug)",
                what: "how many people the project reached for \(priority.title)", into: &errors)
            let outcome = FormRead.oneLine(
                form["outcome-\(priority.slug)"], id: "outcome-\(priority.slug)",
                what: "what came of the project for \(priority.title)", limit: 2_000, into: &errors)
            if let reached, let outcome { outcomes[priority.slug] = (reached, outcome) }
        }
        var monitoring: [GrantReport.Count] = []
        for category in categories {
            let id = "mon-\(category.dimension)-\(category.category)"
            if form[id].isEmpty { continue }
            if let count = FormRead.count(form[id], id: id, what: "the count for \(category.label)", into: &errors) {
                monitoring.append(GrantReport.Count(dimension: category.dimension, category: category.category, people: count))
            }
        }
        guard errors.isEmpty, let spent, let people, let summary else {
            return try formPage(errors, status: .unprocessableContent)
        }
        let answers = GrantReports.Answers(
            spent: spent, people: people, summary: summary, outcomes: outcomes, monitoring: monitoring)
        let (store, at, id) = (try reportStore(), clock(), award.id)
        func refused(_ refusal: GrantReports.Refusal) throws -> Response {
            let field = refusal.field.hasPrefix("monitoring-")
                ? categories.first { "monitoring-\($0.dimension)" == refusal.field }
                    .map { "mon-\($0.dimension)-\($0.category)" } ?? "people"
                : refusal.field
            return try formPage([FieldMessage(id: field, message: refusal.message)], status: .unprocessableContent)
        }
        let report: GrantReport
        switch try GrantReports.check(award: id, answers, for: account, in: store, at: at) {
        case .failure(let refusal): return try refused(refusal)
        case .success(let checked): report = checked
        }
        if form["action"] != "confirm" {
            // The report as the office will see it, shown before it is sent.
            let rows = [("Grant", "\(award.title) (\(award.id))")]
                + ReportView(report, categories: categories, sentBy: nil).rows.map { ($0.key, $0.value) }
            let page = ConfirmPage(
                caption: award.title, heading: "Check your end-of-grant report before you send it", rows: rows,
                warning: "Once sent, the report cannot be changed: a correction is a new report, which the office sees "
                    + "beside this one.",
                action: "/organisation/awards/\(Site.percentEncoded(award.id))/report",
                carrying: FormPage.reportFields(award, categories: categories), from: form, csrf: token,
                confirmLabel: "Send the report", changeLabel: "Change the report")
            return try html("confirm", title: "Check your end-of-grant report", page, context: context)
                .response(from: request, context: context)
        }
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            try GrantReports.submit(award: id, answers, for: account, in: store, at: at)
        }
        switch recorded {
        case .failure(let error):
            return try formPage(
                [FieldMessage(id: "spent", message: "The report was not sent: \(error.message)")],
                status: Self.status(of: error))
        case .success(.failure(let refusal)):
            return try refused(refusal)
        case .success(.success):
            return Response(
                status: .seeOther,
                headers: [.location: "/organisation/awards/\(Site.percentEncoded(award.id))?reported=1"])
        }
    }
}

extension FormPage {
    /// The fields of an end-of-grant report's form, as the page to check carries them.
    static func reportFields(_ award: Award, categories: [MonitoringCategory]) -> [String] {
        ["spent", "people", "summary"] + GrantReports.priorities(of: award).flatMap { ["people-\($0.slug)", "outcome-\($0.slug)"] }
            + categories.map { "mon-\($0.dimension)-\($0.category)" }
    }

    /// A recipient's end-of-grant report on their grant.
    static func report(
        _ award: Award, categories: [MonitoringCategory], form: FormData, errors: [FieldMessage], csrf: String,
        correcting: Bool
    ) -> FormPage {
        let field = Builder(form: form, errors: errors)
        var fields: [Field] = [
            field.text("spent", "What the project spent of the grant", hint: "Of the \(award.amount.formatted) awarded. "
                       + "Money paid and not spent is returned to the office.", prefix: "£", width: "input--10"),
            field.text("people", "How many people the project reached", hint: "Each person once", width: "input--4"),
            field.text("summary", "What the project did", hint: "The sessions, events or work, and who took part",
                       width: "input--full", multiline: true),
        ]
        for priority in GrantReports.priorities(of: award) {
            fields.append(field.text(
                "people-\(priority.slug)", "\(priority.title): people reached",
                hint: "Of the people the project reached, how many it reached for this priority", width: "input--4"))
            fields.append(field.text(
                "outcome-\(priority.slug)", "\(priority.title): what came of it", width: "input--full", multiline: true))
        }
        for (dimension, title) in MonitoringCategory.dimensions {
            for category in categories where category.dimension == dimension {
                fields.append(field.text(
                    "mon-\(dimension)-\(category.category)", "\(title): \(category.label) (optional)", width: "input--4"))
            }
        }
        return FormPage(
            back: Link(href: "/organisation/awards/\(Site.percentEncoded(award.id))", text: "Back to the grant"),
            caption: award.title, heading: correcting ? "Correct your end-of-grant report" : "Send your end-of-grant report",
            lead: "The grant's conditions ask for it at the end of the project or of the financial year, whichever is "
                + "sooner. The counts of people by age, gender, ethnic group and disability are optional: count those "
                + "who told you, and those who preferred not to say. You will see your report before you send it.",
            action: "/organisation/awards/\(Site.percentEncoded(award.id))/report", csrf: csrf, errors: errors,
            fields: fields)
    }
}

/// The outcomes reported on a year's awards.
struct OutcomesPage {
    struct Row {
        let name: String
        let awards: Int
        let people: Int
        let spent: String
    }

    struct Dimension {
        let title: String
        let counts: [Row]
    }

    struct Due {
        let href: String
        let id: String
        let title: String
        let recipient: String
    }

    let year: String
    let years: [Option]
    let summary: String
    let byPriority: [Row]
    let byPartnership: [Row]
    let monitoring: [Dimension]
    let due: [Due]
    let hasDue: Bool
    let hasReports: Bool

    init(_ outcomes: GrantReports.Outcomes, years: [FinancialYear]) {
        year = outcomes.year.label
        self.years = years.map { Option(value: SchemePage.slug($0), label: $0.label, selected: $0 == outcomes.year) }
        summary = "\(outcomes.reported) of the year's \(outcomes.awards) grants have sent their end-of-grant report; "
            + "the projects that reported reached \(outcomes.people) people."
        byPriority = outcomes.byPriority.map { Row(name: $0.name, awards: $0.awards, people: $0.people, spent: "") }
        byPartnership = outcomes.byPartnership.map {
            Row(name: $0.name, awards: $0.awards, people: $0.people, spent: $0.spent.formatted)
        }
        monitoring = outcomes.monitoring.map { dimension in
            Dimension(title: dimension.dimension, counts: dimension.counts.map {
                Row(name: $0.label, awards: 0, people: $0.people, spent: "")
            })
        }
        due = outcomes.due.map { line in
            Due(href: "/awards/\(Site.percentEncoded(line.award.id))", id: line.award.id, title: line.award.title,
                recipient: line.recipient)
        }
        hasDue = !due.isEmpty
        hasReports = outcomes.reported > 0
    }
}

/// An end-of-grant report as an award's page shows it, to its recipient and to the office.
struct ReportView {
    let heading: String
    let rows: [SummaryRow]

    init(_ report: GrantReport, categories: [MonitoringCategory], sentBy: String?) {
        heading = "End-of-grant report, sent \(report.at.text)" + (sentBy.map { " by \($0)" } ?? "")
        var rows = [
            SummaryRow(key: "Spent", value: report.spent.formatted),
            SummaryRow(key: "People reached", value: String(report.people)),
            SummaryRow(key: "What the project did", value: report.summary),
        ]
        for outcome in report.outcomes {
            rows.append(SummaryRow(
                key: Priority.known[outcome.priority] ?? outcome.priority,
                value: "\(outcome.people) people: \(outcome.outcome)"))
        }
        var labels: [String: String] = [:]
        for category in categories { labels["\(category.dimension) \(category.category)"] = category.label }
        for (dimension, title) in MonitoringCategory.dimensions {
            let counts = report.monitoring.filter { $0.dimension == dimension }.map { count in
                "\(labels["\(dimension) \(count.category)"] ?? count.category): \(count.people)"
            }
            rows.append(SummaryRow(key: title, value: counts.isEmpty ? "Not counted" : counts.joined(separator: "; ")))
        }
        self.rows = rows
    }
}
