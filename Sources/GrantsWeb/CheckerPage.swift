import Foundation
import GrantsCore
import GrantsReports
import GrantsRules

/// What the checker's page shows: the form with what was typed kept in it, the error next to the field at fault
/// and in a summary at the top, and, once a bid reads, its verdict with every rule.
struct CheckerPage: Sendable {
    /// A text input (or text area), GOV.UK style: label, hint, the error above the input, the value as typed.
    struct TextField: Sendable {
        let id: String
        let label: String
        let hint: String?
        let value: String
        let error: String?
        let prefix: String?
        let width: String
        let multiline: Bool
        /// The ids of the hint and the error, for `aria-describedby` (Mustache reads stored properties only).
        let describedBy: String?
    }

    /// The ids of a field's hint and error, for `aria-describedby`; nil when it has neither.
    static func describedBy(_ id: String, hint: String?, error: String?) -> String? {
        let ids = [hint == nil ? nil : "\(id)-hint", error == nil ? nil : "\(id)-error"].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    /// A group of radios or checkboxes in a fieldset.
    struct Choices: Sendable {
        struct Option: Sendable {
            let id: String
            let name: String
            let type: String
            let value: String
            let label: String
            let checked: Bool
        }

        let id: String
        let legend: String
        let hint: String?
        let type: String
        let options: [Option]
        let error: String?
        let inline: Bool
        let describedBy: String?
    }

    /// A date as three inputs: day, month, year.
    struct DateField: Sendable {
        /// The id of the first input (the day), which the error summary links to.
        let id: String
        /// The inputs' names start with it: `start-day`, `start-month`, `start-year`.
        let name: String
        let legend: String
        let hint: String
        let day: String
        let month: String
        let year: String
        let error: String?
    }

    /// The upload of a bid file: a file input with its hint and error.
    struct FileField: Sendable {
        let id: String
        let error: String?
        let describedBy: String?
    }

    /// One budget line's inputs.
    struct BudgetLine: Sendable {
        let number: Int
        let category: TextField
        let description: TextField
        let amount: TextField
        let vat: Bool
        let vatID: String
        /// The line came from a file that did not say whether the VAT can be reclaimed (kept in a hidden field).
        let vatUnsaid: Bool
    }

    /// The verdict, as `grants check` gives it.
    struct Verdict: Sendable {
        struct Parameter: Sendable {
            let name: String
            let value: String
            let from: String
            let reference: String
        }

        struct Result: Sendable {
            let rule: String
            let status: String
            let statusClass: String
            let severity: String
            let message: String
            let found: String
            let limit: String
            let parameters: [Parameter]
        }

        let headline: String
        let outcomeClass: String
        let results: [Result]
        let asOf: String
        let rulebook: String
    }

    /// A draft bid of an applicant signed in: the same form, saved to the ledger and sent from it, with the
    /// applicant's organisation fixed and the day it is sent the day it is submitted.
    struct Draft: Sendable {
        /// Where the form is posted.
        let action: String
        /// The organisation the bid is from, as the page shows it.
        let organisation: String
        /// What the page says above the form: the draft saved, say.
        let notice: String?
    }

    let title: String
    let scheme: String
    let yearSlug: String
    let csrf: String
    let draft: Draft?
    let action: String
    let backHref: String
    let backText: String
    /// The error summary's items: the field's input id and the message (one: the reader stops at the first).
    let errors: [Checker.FieldError]
    let hasErrors: Bool
    let verdict: Verdict?
    let upload: FileField?
    let applicantName: TextField
    let applicantID: TextField?
    let applicantType: Choices
    let constituted: Choices
    let reserves: TextField
    let documents: Choices
    let projectTitle: TextField
    let description: TextField
    let submitted: DateField?
    let start: DateField
    let end: DateField
    let requested: TextField
    let totalCost: TextField
    let priorities: Choices
    let worksWith: Choices
    let locations: Choices
    let csp: TextField?
    let budget: [BudgetLine]
    let budgetLines: Int

    init(
        book: Rulebook, form: FormData, csrf: String, error: Checker.FieldError?, verdict: Eligibility?,
        draft: Draft? = nil
    ) {
        title = book.title
        scheme = book.scheme.rawValue
        yearSlug = SchemePage.slug(book.year)
        self.csrf = csrf
        self.draft = draft
        action = draft?.action ?? "/schemes/\(scheme)/\(yearSlug)/check"
        (backHref, backText) = draft == nil
            ? ("/schemes/\(scheme)/\(yearSlug)", "Back to the rules of \(book.title)")
            : ("/organisation", "Back to your organisation")
        errors = error.map { [$0] } ?? []
        hasErrors = error != nil
        func message(_ id: String) -> String? { error?.id == id ? error?.message : nil }
        func text(
            _ id: String, _ label: String, hint: String? = nil, prefix: String? = nil, width: String = "input--20",
            multiline: Bool = false
        ) -> TextField {
            TextField(
                id: id, label: label, hint: hint, value: form[id], error: message(id), prefix: prefix, width: width,
                multiline: multiline, describedBy: Self.describedBy(id, hint: hint, error: message(id)))
        }
        func choices(
            _ id: String, _ legend: String, hint: String? = nil, type: String, _ options: [(String, String)],
            inline: Bool = false
        ) -> Choices {
            let chosen = Set(form.all(id))
            // A value chosen that the rulebook does not list (from a file) is shown too, ticked, so it is kept.
            let listed = Set(options.map(\.0))
            var seen = Set<String>()
            let unlisted = form.all(id).filter { !$0.isEmpty && !listed.contains($0) && seen.insert($0).inserted }
            let options = options + unlisted.map { ($0, Self.words($0)) }
            return Choices(
                id: id, legend: legend, hint: hint, type: type,
                options: options.enumerated().map { index, option in
                    Choices.Option(
                        id: index == 0 ? id : "\(id)-\(index + 1)", name: id, type: type, value: option.0,
                        label: option.1,
                        checked: chosen.contains(option.0))
                },
                error: message(id), inline: inline, describedBy: Self.describedBy(id, hint: hint, error: message(id)))
        }
        func date(_ name: String, _ legend: String, hint: String) -> DateField {
            DateField(
                id: "\(name)-day", name: name, legend: legend, hint: hint, day: form["\(name)-day"], month: form["\(name)-month"],
                year: form["\(name)-year"], error: message("\(name)-day"))
        }
        upload = draft != nil ? nil : FileField(
            id: Checker.fileInput, error: message(Checker.fileInput),
            describedBy: Self.describedBy(Checker.fileInput, hint: "", error: message(Checker.fileInput)))
        let first = book.year.firstDay
        let example = "For example, \(first.day) \(CalendarMonth(containing: first).label)"
        applicantName = text("applicant-name", "Your organisation's name", width: "input--full")
        applicantID = draft != nil ? nil : text(
            "applicant-id", "Your organisation's identifier",
            hint: "Your charity number as GB-CHC-1234567, your company number as GB-COH-01234567, or the 360G- "
                + "identifier the office gave you")
        applicantType = choices(
            "applicant-type", "What kind of organisation is it?", type: "radio",
            BidForm.ApplicantType.allCases.map { ($0.rawValue, Self.label($0)) })
        constituted = choices(
            "applicant-constituted", "Does it have a written constitution?", type: "radio",
            [("yes", "Yes"), ("no", "No")], inline: true)
        reserves = text(
            "applicant-reserves", "Unrestricted reserves (optional)",
            hint: "Money the organisation holds that is not set aside for a purpose", prefix: "£", width: "input--10")
        documents = choices(
            "applicant-documents", "Which documents can you send with the bid?", hint: "Select all that apply",
            type: "checkbox", Self.options(book, kinds: [.documents]).map { ($0, Self.words($0)) })
        projectTitle = text("title", "Project title", width: "input--full")
        description = text(
            "description", "What will the project do? (optional)", width: "input--full", multiline: true)
        submitted = draft != nil ? nil : date("submitted", "When will you send the bid?", hint: "\(example). The values in force that day apply.")
        start = date("start", "When will the project start?", hint: example)
        end = date("end", "When will the project end?", hint: example)
        requested = text("requested", "How much are you asking for?", prefix: "£", width: "input--10")
        totalCost = text(
            "total-cost", "What will the whole project cost? (optional)", hint: "Including money from elsewhere",
            prefix: "£", width: "input--10")
        priorities = choices(
            "priorities", "Which police and crime plan priorities does the project address?",
            hint: "Select all that apply", type: "checkbox",
            Self.options(book, kinds: [.priorities]).map { ($0, Priority.known[$0] ?? Self.words($0)) })
        worksWith = choices(
            "works-with", "Does the project work with any of these people?", hint: "Select all that apply",
            type: "checkbox", [("children", "Children"), ("vulnerable-adults", "Vulnerable adults")])
        locations = choices(
            "locations", "Where will the project take place?", hint: "Select all that apply", type: "checkbox",
            Self.options(book, kinds: [.locations]).map { ($0, $0) })
        csp = book.scheme == .cspGrant || !form["csp"].isEmpty
            ? text("csp", "Which community safety partnership is the bid from?",
                   hint: "Its identifier, such as 360G-LancashirePCC-CSP-PRESTON")
            : nil
        budgetLines = Checker.lineCount(form)
        budget = (0..<budgetLines).map { index in
            let prefix = "budget-\(index)-"
            return BudgetLine(
                number: index + 1,
                category: text(prefix + "category", "What is it for?", hint: "Such as venue-hire, equipment, staff"),
                description: text(prefix + "description", "Description (optional)", width: "input--full"),
                amount: text(prefix + "amount", "Amount", prefix: "£", width: "input--10"),
                vat: form[prefix + "vat"] == "yes", vatID: prefix + "vat", vatUnsaid: form[prefix + "vat-unsaid"] == "yes")
        }
        self.verdict = verdict.map(Self.verdict)
    }

    /// The values a form offers for a rule kind's lists: every value of every list parameter those rules read.
    static func options(_ book: Rulebook, kinds: Set<CheckKind>) -> [String] {
        var names: [String] = []
        for rule in book.rules where kinds.contains(rule.check) {
            for key in rule.arguments.keys.sorted() {
                if let name = rule.arguments[key], !names.contains(name) { names.append(name) }
            }
        }
        var values: [String] = []
        for name in names {
            guard let parameter = book.parameter(name), parameter.type == .list else { continue }
            // Who a project works with is asked separately.
            if name.contains("vulnerable") { continue }
            for dated in parameter.values {
                if case .list(let items) = dated.value {
                    for item in items where !values.contains(item) { values.append(item) }
                }
            }
        }
        return values
    }

    /// A slug as words: `latest-accounts` → `Latest accounts`.
    static func words(_ slug: String) -> String {
        let spaced = slug.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }

    static func label(_ type: BidForm.ApplicantType) -> String {
        switch type {
        case .communityGroup: "A community or voluntary group"
        case .registeredCharity: "A registered charity"
        case .cic: "A community interest company (CIC)"
        case .company: "A company"
        case .school: "A school"
        case .localAuthority: "A local authority"
        case .police: "The police"
        case .fire: "A fire and rescue service"
        case .probation: "The probation service"
        case .health: "A health body"
        case .individual: "An individual"
        case .other: "Something else"
        }
    }

    /// The verdict kept with a submitted bid (its check report, as `grants check --json` writes it), as the page
    /// shows it, in the past tense; nil when the report cannot be read (the page then says so).
    static func verdict(report: String) -> Verdict? {
        guard let root = try? JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any],
              let bid = (root["bids"] as? [[String: Any]])?.first,
              let outcome = (bid["outcome"] as? String).flatMap(Eligibility.Outcome.init(rawValue:)),
              let results = bid["results"] as? [[String: Any]]
        else { return nil }
        func text(_ object: [String: Any], _ key: String) -> String {
            if let value = object[key] as? String { return value }
            if let values = object[key] as? [Any] { return values.map { "\($0)" }.joined(separator: ", ") }
            return object[key].map { "\($0)" } ?? ""
        }
        return Verdict(
            headline: headline(
                outcome, failed: bid["failed_rules"] as? [String] ?? [], unknown: bid["unknown_rules"] as? [String] ?? [],
                past: true),
            outcomeClass: outcome == .eligible ? "panel--eligible" : "panel--ineligible",
            results: results.map { result in
                let status: (text: String, tag: String) =
                    RuleStatus(rawValue: text(result, "status")).map(label) ?? (text(result, "status"), "tag--grey")
                return Verdict.Result(
                    rule: text(result, "rule"), status: status.text, statusClass: status.tag,
                    severity: text(result, "severity") == Severity.blocking.rawValue ? "Must be met" : "Warning only",
                    message: text(result, "message"), found: text(result, "found"), limit: text(result, "limit"),
                    parameters: (result["parameters"] as? [[String: Any]] ?? []).map { parameter in
                        Verdict.Parameter(
                            name: text(parameter, "name"), value: text(parameter, "value"), from: text(parameter, "from"),
                            reference: text(parameter, "reference"))
                    })
            },
            asOf: text(bid, "as_of"), rulebook: text(bid, "rulebook"))
    }

    static func verdict(_ verdict: Eligibility) -> Verdict {
        Verdict(
            headline: headline(verdict.outcome, failed: verdict.failedRules, unknown: verdict.unknownRules, past: false),
            outcomeClass: verdict.outcome == .eligible ? "panel--eligible" : "panel--ineligible",
            results: verdict.results.map { result in
                let status = label(result.status)
                return Verdict.Result(
                    rule: result.ruleID, status: status.text, statusClass: status.tag,
                    severity: result.severity == .blocking ? "Must be met" : "Warning only", message: result.message,
                    found: result.found, limit: result.limit,
                    parameters: result.applied.map { applied in
                        Verdict.Parameter(
                            name: applied.name, value: SchemePage.display(applied.value),
                            from: applied.from.description, reference: applied.reference)
                    })
            },
            asOf: verdict.asOf.description, rulebook: verdict.rulebook)
    }

    /// What a verdict's panel says: of a check now, or (`past`) of one kept from when the bid was submitted.
    static func headline(_ outcome: Eligibility.Outcome, failed: [String], unknown: [String], past: Bool) -> String {
        switch outcome {
        case .eligible: "The bid \(past ? "met" : "meets") every rule that must be met"
        case .ineligible: "The bid \(past ? "did" : "does") not meet the rules: \(failed.joined(separator: ", "))"
        case .incomplete:
            (past ? "The bid could not be fully checked: " : "The bid cannot be fully checked yet: ")
                + unknown.joined(separator: ", ")
        }
    }

    /// A rule's result as a tag shows it: its words and the tag's colour.
    static func label(_ status: RuleStatus) -> (text: String, tag: String) {
        switch status {
        case .pass: ("Passed", "tag--green")
        case .fail: ("Failed", "tag--red")
        case .unknown: ("Cannot tell", "tag--yellow")
        case .notApplicable: ("Does not apply", "tag--grey")
        }
    }
}
