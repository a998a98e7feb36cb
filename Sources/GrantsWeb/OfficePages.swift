import GrantsCore
import GrantsRules
import GrantsWorkflows

/// A choice in a select or a set of radios.
struct Option: Sendable {
    let value: String
    let label: String
    let selected: Bool
    /// The input's id (`period-Q1`), for a radio's label.
    var id: String = ""
}


/// The dashboard: every fund of a year and every partnership's allocation, as of a day, with a chart of the
/// partnerships' money.
struct DashboardPage {
    struct FundRow {
        let name: String
        let budget, allocated, committed, paid, remaining, forecast, variance, variancePercent: String
    }

    struct CSPRow {
        let fund: String
        let name: String
        let allocated, committed, paid, remaining: String
    }

    /// One partnership's bar: the allocation's length, and within it what is committed and paid.
    struct Bar {
        let label: String
        let y: Int
        let textY: Int
        let allocated: Int
        let committed: Int
        let paid: Int
        let figures: String
    }

    let years: [Option]
    let asOf: CheckerPage.DateField
    let hasError: Bool
    let errorMessage: String?
    let scope: String
    let funds: [FundRow]
    let csps: [CSPRow]
    let hasCSPs: Bool
    let bars: [Bar]
    let chartHeight: Int
    /// A reallocation just recorded.
    let reallocated: Bool

    init(report: StatusReport, years: [FinancialYear], year: FinancialYear, form: FormData, error: String?) throws {
        reallocated = form["reallocated"] == "1"
        self.years = years.map { Option(value: SchemePage.slug($0), label: $0.label, selected: $0 == year) }
        asOf = CheckerPage.DateField(
            id: "as-of-day", name: "as-of", legend: "As of", hint: "Leave it empty for the year as it stands. For "
                + "example, 31 12 \(year.startYear)",
            day: form["as-of-day"], month: form["as-of-month"], year: form["as-of-year"], error: error)
        hasError = error != nil
        errorMessage = error
        scope = report.scope.asOf.map { "as of \($0)" } ?? "as it stands"
        func text(_ value: () throws(MoneyError) -> Money) -> String {
            (try? value()).map(\.formatted) ?? "too large to show"
        }
        funds = report.funds.map { line in
            let percent = (try? line.variancePercent()).flatMap { $0 }.map { hundredths in
                let sign = hundredths < 0 ? "−" : ""
                let magnitude = hundredths.magnitude
                return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)%"
            } ?? "–"
            return FundRow(
                name: line.fundName, budget: line.budget.formatted, allocated: line.allocated.formatted,
                committed: line.committed.formatted, paid: line.paid.formatted, remaining: text(line.remaining),
                forecast: line.forecast.formatted, variance: text(line.variance), variancePercent: percent)
        }
        csps = report.csps.map { line in
            CSPRow(
                fund: line.fundName, name: line.cspName ?? line.csp?.rawValue ?? "", allocated: line.allocated.formatted,
                committed: line.committed.formatted, paid: line.paid.formatted, remaining: text(line.remaining))
        }
        hasCSPs = !csps.isEmpty
        let widest = max(report.csps.map(\.allocated.pence).max() ?? 1, 1)
        let width: Int64 = 510
        bars = report.csps.enumerated().map { index, line in
            // width × pence / widest in 128 bits: an allocation near Int64's limit cannot overflow the sum.
            func scaled(_ money: Money) -> Int {
                let pence = max(0, min(money.pence, widest))
                return Int(widest.dividingFullWidth(pence.multipliedFullWidth(by: width)).quotient)
            }
            return Bar(
                label: line.cspName ?? line.csp?.rawValue ?? "", y: index * 34 + 4, textY: index * 34 + 21,
                allocated: scaled(line.allocated), committed: scaled(line.committed), paid: scaled(line.paid),
                figures: "\(line.paid.formatted) paid of \(line.committed.formatted) committed, \(line.allocated.formatted) allocated")
        }
        chartHeight = bars.count * 34 + 8
    }
}

/// The round: a year's bids with their outcomes, and for a finance officer the way to award each open one.
struct RoundPage {
    struct Row {
        let id: String
        let applicant: String
        let title: String
        let scheme: String
        let requested: String
        let submitted: String
        let outcome: String
        let outcomeClass: String
        /// The bid's page: its check when submitted, and its answers.
        let href: String
        /// Its check when it was submitted, for a bid submitted here.
        let check: String
        let awardHref: String?
        /// The award made on it, to open.
        let awardPage: String?
    }

    let years: [Option]
    let schemes: [Option]
    let year: String
    let yearSlug: String
    let rows: [Row]
    let hasRows: Bool
    let awarded: String?

    init(lines: [Rounds.Line], years: [FinancialYear], year: FinancialYear, scheme: Scheme?, mayAward: Bool,
         awarded: Award?)
    {
        self.years = years.map { Option(value: SchemePage.slug($0), label: $0.label, selected: $0 == year) }
        schemes = [Option(value: "", label: "Every scheme", selected: scheme == nil)]
            + Scheme.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0 == scheme) }
        self.year = year.label
        yearSlug = SchemePage.slug(year)
        rows = lines.map { line in
            Row(
                id: line.bid.id, applicant: line.applicantName, title: line.bid.title, scheme: line.scheme.rawValue,
                requested: line.bid.requested.formatted, submitted: line.bid.submitted.description,
                outcome: line.award.map { "Awarded \((line.awarded ?? .zero).formatted) (\($0))" } ?? "No award",
                outcomeClass: line.award == nil ? "tag--yellow" : "tag--green",
                href: "/bids/\(Site.percentEncoded(line.bid.id))",
                check: line.check.map { $0.prefix(1).uppercased() + $0.dropFirst() } ?? "Not kept",
                awardHref: mayAward && line.award == nil
                    ? "/bids/\(Site.percentEncoded(line.bid.id))/award" : nil,
                awardPage: line.award.map { "/awards/\(Site.percentEncoded($0))" })
        }
        hasRows = !rows.isEmpty
        self.awarded = awarded.map { "Award \($0.id) of \($0.amount.formatted) for \($0.title) is recorded." }
    }
}

/// The fields of the award form, read into an award request; each fault named by its input.
enum AwardForm {
    struct Faults: Error {
        let messages: [FieldMessage]
    }

    /// The request the form makes for `bid`; `checked` when the bid was submitted through the web, so that its
    /// check runs again now and a reason is needed only to award it though the check fails.
    static func request(bid: Bid, checked: Bool, _ form: FormData) -> Result<AwardRequest, Faults> {
        var faults: [FieldMessage] = []
        let amount = FormRead.amount(form["amount"], into: &faults, what: "the amount to award")
        let decision = form["decision"].trimmingCharacters(in: .whitespaces)
        if decision.isEmpty {
            faults.append(FieldMessage(id: "decision", message: "Enter the decision reference, like 2017/81"))
        } else if (try? Input.identifier(decision, field: "decision") as String) == nil {
            faults.append(FieldMessage(
                id: "decision", message: "Enter a decision reference of letters, numbers, / and -, like 2017/81"))
        }
        let date = FormRead.day(form, "date", into: &faults, what: "the date of the decision")
        let override = form["override"].trimmingCharacters(in: .whitespacesAndNewlines)
        if override.isEmpty && !checked {
            faults.append(FieldMessage(
                id: "override",
                message: "Enter why you award this bid without checking it (the ledger does not hold the bid's answers)"))
        }
        guard faults.isEmpty, let amount, let date else { return .failure(Faults(messages: faults)) }
        func optional(_ name: String) -> String? {
            let text = form[name].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        return .success(AwardRequest(
            bid: bid.id, amount: amount, decision: decision, date: date, conditions: optional("conditions"),
            override: optional("override"), purpose: optional("purpose"), reasons: optional("reasons")))
    }
}

extension FormPage {
    /// The award form of a bid.
    static func award(bid: Bid, submission: BidSubmission?, form: FormData, errors: [FieldMessage], csrf: String)
        -> FormPage
    {
        let field = Builder(form: form, errors: errors)
        return FormPage(
            back: Link(href: "/round", text: "Back to the bids"), caption: "Bid \(bid.id)", heading: "Award \(bid.title)",
            lead: "The bid asked for \(bid.requested.formatted). You will see what the award changes before it is recorded.",
            action: "/bids/\(Site.percentEncoded(bid.id))/award", csrf: csrf, errors: errors,
            fields: [
                field.text("amount", "Amount to award", hint: "The bid asked for \(bid.requested.formatted)", prefix: "£",
                           width: "input--10"),
                field.text("decision", "Decision reference", hint: "For example, 2017/81", width: "input--10"),
                field.date("date", "Date of the decision", hint: "For example, 27 6 2017"),
                field.text("purpose", "What the money is for (optional)", hint: "Shown in the grant register",
                           width: "input--full", multiline: true),
                field.text("reasons", "Why it will reduce crime and disorder (optional)",
                           hint: "Shown in the grant register", width: "input--full", multiline: true),
                field.text("conditions", "Conditions of the award (optional)", width: "input--full", multiline: true),
                submission.map { submission in
                    field.text(
                        "override", "Why award it though it does not meet the rules (only if it does not)",
                        hint: "When it was submitted the bid was \(submission.outcome). It is checked again as you "
                            + "award it; a reason given here is kept in the history.",
                        width: "input--full", multiline: true)
                } ?? field.text(
                    "override", "Why award without the eligibility check",
                    hint: "The ledger does not hold this bid's answers, so its check cannot run. Kept in the history.",
                    width: "input--full", multiline: true),
            ])
    }
}

extension ConfirmPage {
    /// What an award will record, and what is left where it draws from, before and after.
    static func award(_ plan: AwardDecision.Plan, recipient: String, form: FormData, csrf: String) -> ConfirmPage {
        let bid = plan.award.bid ?? ""
        let drawsOn = plan.award.allocation.map { "allocation \($0)" } ?? "fund \(plan.fund.id), directly"
        return ConfirmPage(
            caption: "Bid \(bid)", heading: "Check the award before you record it",
            rows: [
                ("Award", plan.award.id), ("To", "\(recipient) (\(plan.award.recipient.rawValue))"),
                ("Project", plan.award.title), ("Amount", plan.award.amount.formatted),
                ("Decision", "\(plan.award.decision), \(plan.award.awardDate)"),
                ("Fund", "\(plan.fund.name) (\(plan.fund.id))"), ("Draws on", drawsOn),
                ("Left to award there", "\(plan.available.formatted) now, \(plan.availableAfter.formatted) after"),
                ("The history will say", plan.why),
            ],
            warning: "Recording it cannot be undone: an award is changed only by withdrawing or closing it.",
            action: "/bids/\(Site.percentEncoded(bid))/award",
            carrying: ["amount", "decision", "date-day", "date-month", "date-year", "purpose", "reasons", "conditions",
                       "override"],
            from: form, csrf: csrf, confirmLabel: "Record the award", changeLabel: "Change the award")
    }
}

/// The returns form: a year, the whole of it or a quarter, and a format.
struct ReturnsPage {
    let years: [Option]
    let periods: [Option]
    let formats: [Option]
    let error: FieldMessage?
    let yearError: String?
    let periodError: String?
    let formatError: String?
    let scopes: [Option]
    let scopeError: String?

    /// `scopes`: the funds and partnerships a return may be narrowed to (`fund:ID`, `csp:ID`), with their names.
    init(years: [FinancialYear], form: FormData, error: FieldMessage?, scopes: [(value: String, label: String)]) {
        let scope = form["scope"]
        self.scopes = [Option(value: "", label: "Every fund and partnership", selected: scope.isEmpty)]
            + scopes.map { Option(value: $0.value, label: $0.label, selected: $0.value == scope) }
        scopeError = error?.id == "scope" ? error?.message : nil
        let chosen = form["year"]
        self.years = years.reversed().map { year in
            Option(value: SchemePage.slug(year), label: year.label,
                   selected: chosen.isEmpty ? year == years.last : chosen == SchemePage.slug(year))
        }
        let period = form["period"].isEmpty ? "year" : form["period"]
        periods = [("year", "The whole year"), ("Q1", "Q1, April to June"), ("Q2", "Q2, July to September"),
                   ("Q3", "Q3, October to December"), ("Q4", "Q4, January to March")].map { value, label in
            Option(value: value, label: label, selected: period == value, id: "period-\(value)")
        }
        let format = form["format"].isEmpty ? "csv" : form["format"]
        formats = ReturnFormat.allCases.map {
            Option(value: $0.rawValue, label: $0.title, selected: $0.rawValue == format, id: "format-\($0.rawValue)")
        }
        self.error = error
        yearError = error?.id == "year" ? error?.message : nil
        periodError = error?.id == "period" ? error?.message : nil
        formatError = error?.id == "format" ? error?.message : nil
    }
}
