import Foundation
import GrantsCore
import GrantsWorkflows

/// One row of a summary list (`<dl class="summary-list">`): a key and its value.
struct SummaryRow: Sendable {
    let key: String
    let value: String
}

/// A form of the office's or an applicant's, as `form.mustache` shows it: GOV.UK's question page with an error
/// summary, its fields in order, and Continue, which leads to a page to check (`ConfirmPage`) before anything is
/// recorded.
struct FormPage {
    /// One field: text, a date, or radios (exactly one of them).
    struct Field {
        var text: CheckerPage.TextField?
        var date: CheckerPage.DateField?
        var choices: CheckerPage.Choices?
    }

    struct Link {
        let href: String
        let text: String
    }

    let back: Link?
    let caption: String
    let heading: String
    let lead: String?
    let action: String
    let csrf: String
    let errors: [FieldMessage]
    let hasErrors: Bool
    let fields: [Field]

    init(back: Link?, caption: String, heading: String, lead: String?, action: String, csrf: String,
         errors: [FieldMessage], fields: [Field])
    {
        self.back = back
        self.caption = caption
        self.heading = heading
        self.lead = lead
        self.action = action
        self.csrf = csrf
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.fields = fields
    }

    /// The page title: "Error: " first when the form has errors.
    var title: String { (hasErrors ? "Error: " : "") + heading }

    /// Builds fields from what was typed (`form`) and the errors, by input id.
    struct Builder {
        let form: FormData
        let errors: [FieldMessage]

        func error(_ id: String) -> String? { errors.first { $0.id == id }?.message }

        func text(_ id: String, _ label: String, hint: String? = nil, prefix: String? = nil, width: String = "input--20",
                  multiline: Bool = false) -> Field
        {
            Field(text: CheckerPage.TextField(
                id: id, label: label, hint: hint, value: form[id], error: error(id), prefix: prefix, width: width,
                multiline: multiline, describedBy: CheckerPage.describedBy(id, hint: hint, error: error(id))))
        }

        func date(_ name: String, _ legend: String, hint: String) -> Field {
            Field(date: CheckerPage.DateField(
                id: "\(name)-day", name: name, legend: legend, hint: hint, day: form["\(name)-day"],
                month: form["\(name)-month"], year: form["\(name)-year"], error: error("\(name)-day")))
        }

        func radios(_ name: String, _ legend: String, hint: String? = nil, _ options: [(value: String, label: String)])
            -> Field
        {
            let id = "\(name)-\(options.first?.value ?? "")"
            return Field(choices: CheckerPage.Choices(
                id: id, legend: legend, hint: hint, type: "radio",
                options: options.map { option in
                    .init(id: "\(name)-\(option.value)", name: name, type: "radio", value: option.value,
                          label: option.label, checked: form[name] == option.value)
                },
                error: error(id), inline: false, describedBy: CheckerPage.describedBy(id, hint: hint, error: error(id))))
        }
    }
}

/// The page to check before recording (`confirm.mustache`): what will be recorded, row by row, with the form's values
/// carried to record it or to change it.
struct ConfirmPage {
    typealias Row = SummaryRow

    let caption: String
    let heading: String
    let rows: [Row]
    let warning: String
    let action: String
    let hidden: [Row]
    let csrf: String
    let confirmLabel: String
    let changeLabel: String

    init(caption: String, heading: String, rows: [(String, String)], warning: String, action: String,
         carrying names: [String], from form: FormData, csrf: String, confirmLabel: String, changeLabel: String)
    {
        self.caption = caption
        self.heading = heading
        self.rows = rows.map { Row(key: $0.0, value: $0.1) }
        self.warning = warning
        self.action = action
        hidden = names.map { Row(key: $0, value: form[$0]) }
        self.csrf = csrf
        self.confirmLabel = confirmLabel
        self.changeLabel = changeLabel
    }
}

/// Reading what a person typed in a form's fields, each fault named by its input, in GOV.UK's words.
enum FormRead {
    /// Text for the history (a reason, what was done): its lines joined into one, as the history keeps it; refused
    /// when empty, longer than `limit` characters, or holding a control character.
    static func oneLine(_ text: String, id: String, what: String, limit: Int, into errors: inout [FieldMessage])
        -> String?
    {
        let line = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        if line.isEmpty {
            errors.append(FieldMessage(id: id, message: "Enter \(what)"))
            return nil
        }
        // Counted as the ledger's CHECKs count, in Unicode scalars (an accent typed apart is one more).
        if line.unicodeScalars.count > limit {
            errors.append(FieldMessage(id: id, message: "\(what.prefix(1).uppercased() + what.dropFirst()) must be "
                + "\(limit.formatted(.number.grouping(.automatic))) characters or fewer"))
            return nil
        }
        if let problem = FreeText.problem(line) {
            errors.append(FieldMessage(id: id, message: "\(what.prefix(1).uppercased() + what.dropFirst()) \(problem)"))
            return nil
        }
        return line
    }

    /// An amount of money (`£2,500.00`, `2500`, `2,500`): more than nothing (or, with `zero`, nothing or more), in
    /// pounds and pence.
    static func amount(
        _ text: String, into errors: inout [FieldMessage], what: String, id: String = "amount", zero: Bool = false
    ) -> Money? {
        let typed = Checker.money(text)
        if typed.isEmpty {
            errors.append(FieldMessage(id: id, message: "Enter \(what)"))
            return nil
        }
        guard let money = try? Input.money(typed, field: id), money.pence > 0 || (zero && money.pence == 0) else {
            errors.append(FieldMessage(id: id, message: "Enter \(what) in pounds and pence, like 2500.00"))
            return nil
        }
        return money
    }

    /// A count of people: a whole number, 0 or more (commas allowed, as in 1,200), at most 100 million.
    static func count(_ text: String, id: String, what: String, into errors: inout [FieldMessage]) -> Int? {
        let typed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if typed.isEmpty {
            errors.append(FieldMessage(id: id, message: "Enter \(what)"))
            return nil
        }
        guard typed.count <= 9, typed.allSatisfy({ $0.isASCII && $0.isNumber }), let count = Int(typed),
              count <= 100_000_000
        else {
            errors.append(FieldMessage(id: id, message: "Enter \(what) as a whole number, like 25"))
            return nil
        }
        return count
    }

    /// A date from its three inputs (`name-day`, `-month`, `-year`), at most `notAfter` when given.
    static func day(_ form: FormData, _ name: String, into errors: inout [FieldMessage], what: String,
                    notAfter latest: Day? = nil, latestWords: String = "today or in the past") -> Day?
    {
        let typed = Checker.day(form, name)
        let id = "\(name)-day"
        if typed.isEmpty {
            errors.append(FieldMessage(id: id, message: "Enter \(what)"))
            return nil
        }
        guard let day = try? Day(parsing: typed) else {
            errors.append(FieldMessage(id: id, message: "\(what.prefix(1).uppercased() + what.dropFirst()) must be a real date"))
            return nil
        }
        if let latest, day > latest {
            errors.append(FieldMessage(
                id: id, message: "\(what.prefix(1).uppercased() + what.dropFirst()) must be \(latestWords)"))
            return nil
        }
        return day
    }
}
