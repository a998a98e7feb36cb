import GrantsCore

/// A scheme's published rules for one financial year (`format: grants-rulebook/1`): dated parameters, each
/// with the text it comes from, and the rules that use them.
public struct Rulebook: Hashable, Sendable {
    /// The scheme the rules govern.
    public let scheme: Scheme
    /// The financial year the rules are for; every dated value must fall within it.
    public let year: FinancialYear
    /// The rulebook's title as reports show it, such as `Community Safety Partnership grant 2017/18`.
    public let title: String
    /// Where the rulebook came from (a file path, or the shipped rulebook's name), for reports.
    public let source: String
    /// In the order written.
    public let parameters: [Parameter]
    /// In the order written; every rule is evaluated.
    public let rules: [Rule]
    /// The line each part was written on, by key path (`rules[2]`, `parameters.max_request.values[1]`), for lint.
    public let lines: [String: Int]

    /// Creates a rulebook as read from its file; `RulebookLinter` says what is wrong with it.
    public init(
        scheme: Scheme, year: FinancialYear, title: String, source: String, parameters: [Parameter], rules: [Rule],
        lines: [String: Int] = [:]
    ) {
        self.scheme = scheme
        self.year = year
        self.title = title
        self.source = source
        self.parameters = parameters
        self.rules = rules
        self.lines = lines
    }

    /// The parameter named `name`.
    public func parameter(_ name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }

    /// A copy with `name`'s every dated value replaced by one value from the first day of the year: a what-if.
    public func setting(_ name: String, to value: ParameterValue, reference: String) -> Rulebook {
        let changed = parameters.map { parameter in
            guard parameter.name == name else { return parameter }
            return Parameter(
                name: parameter.name, type: parameter.type, description: parameter.description,
                values: [DatedValue(from: year.firstDay, value: value, reference: reference)])
        }
        return Rulebook(
            scheme: scheme, year: year, title: title, source: source, parameters: changed, rules: rules, lines: lines)
    }
}

/// A named value a rule uses, such as the cap on a request, with its values over time.
public struct Parameter: Hashable, Sendable {
    /// The parameter's name, by which rules refer to it, such as `max_request`.
    public let name: String
    /// What kind of value it holds; every dated value must be of that kind.
    public let type: ParameterType
    /// What the parameter means, in the rulebook author's words.
    public let description: String
    /// In date order; the one that applies on a day is the last that starts on or before it.
    public let values: [DatedValue]

    /// Creates a parameter with its values over time.
    public init(name: String, type: ParameterType, description: String, values: [DatedValue]) {
        self.name = name
        self.type = type
        self.description = description
        self.values = values
    }

    /// The value in force on `day`, or `nil` when none had started.
    public func value(on day: Day) -> DatedValue? {
        values.last { $0.from <= day }
    }
}

/// What kind of value a parameter holds.
public enum ParameterType: String, CaseIterable, Hashable, Sendable {
    /// An amount of money, such as a cap on a request.
    case money
    /// A whole number, such as how many applications a year are allowed.
    case count
    /// A list of words, such as the eligible applicant types or the districts of the force area.
    case list
    /// Free text.
    case text
}

/// A parameter's value from a day on, and the published text it comes from.
public struct DatedValue: Hashable, Sendable {
    /// The first day the value is in force.
    public let from: Day
    /// The value itself.
    public let value: ParameterValue
    /// The published text the value comes from, such as the scheme's criteria, shown beside every result that uses it.
    public let reference: String

    /// Creates a value in force from a day, with the text it comes from.
    public init(from: Day, value: ParameterValue, reference: String) {
        self.from = from
        self.value = value
        self.reference = reference
    }
}

/// A parameter's value.
public enum ParameterValue: Hashable, Sendable {
    /// An amount of money.
    case money(Money)
    /// A whole number.
    case count(Int)
    /// A list of words.
    case list([String])
    /// Free text.
    case text(String)

    /// The kind of value this is, which the linter compares with the parameter's declared type.
    public var type: ParameterType {
        switch self {
        case .money: .money
        case .count: .count
        case .list: .list
        case .text: .text
        }
    }

    /// As people read it: `£2,500.00`, `1`, `a, b, c`.
    public var display: String {
        switch self {
        case .money(let money): money.formatted
        case .count(let count): String(count)
        case .list(let items): items.joined(separator: ", ")
        case .text(let text): text
        }
    }
}

/// Whether failing a rule makes a bid ineligible, or only asks a person to look.
public enum Severity: String, CaseIterable, Hashable, Sendable {
    /// Failing the rule makes the bid ineligible; leaving it undecided makes the bid at best incomplete.
    case blocking
    /// Failing the rule is reported for a person to look at, but does not change the outcome.
    case warning
}

/// One rule: a check kind, what it is given, how much it matters and what it says.
public struct Rule: Hashable, Sendable {
    /// Stable across years, such as `CAF-AMOUNT`.
    public let id: String
    /// The check kind that does the work.
    public let check: CheckKind
    /// The check kind's arguments: each names a rulebook parameter, or is a literal the kind allows.
    public let arguments: [String: String]
    /// Whether failing the rule makes a bid ineligible or only warns.
    public let severity: Severity
    /// What the rule says when it passes, fails or cannot decide.
    public let messages: MessageTemplates

    /// Creates a rule as read from a rulebook file.
    public init(id: String, check: CheckKind, arguments: [String: String], severity: Severity, messages: MessageTemplates) {
        self.id = id
        self.check = check
        self.arguments = arguments
        self.severity = severity
        self.messages = messages
    }
}

/// What a rule says for each outcome. `{found}`, `{limit}` and `{detail}` are filled in from the check.
public struct MessageTemplates: Hashable, Sendable {
    /// The message when the rule passes; without one, a message is made from what the check found.
    public let pass: String?
    /// The message when the rule fails.
    public let fail: String
    /// The message when the rule cannot decide for want of a fact; without one, a message is made from the check's
    /// detail.
    public let unknown: String?

    /// Creates a rule's messages; only the one for a failure is required.
    public init(pass: String? = nil, fail: String, unknown: String? = nil) {
        self.pass = pass
        self.fail = fail
        self.unknown = unknown
    }

    /// Fills `{found}`, `{limit}` and `{detail}` into `template`.
    public static func render(_ template: String, found: String, limit: String, detail: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            // An unclosed brace is kept as written.
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            out += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "found": out += found
            case "limit": out += limit
            case "detail": out += detail
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// Placeholders other than found, limit and detail, and unclosed braces (as `{…`), which the linter reports.
    public var unknownPlaceholders: [String] {
        [pass, fail, unknown].compactMap { $0 }.flatMap { template -> [String] in
            var names: [String] = []
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else {
                    names.append(String(rest[open...]))
                    break
                }
                let name = String(rest[rest.index(after: open)..<close])
                if !["found", "limit", "detail"].contains(name) { names.append(name) }
                rest = rest[rest.index(after: close)...]
            }
            return names
        }
    }
}
