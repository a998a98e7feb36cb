import GrantsCore

/// A scheme's published rules for one financial year (`format: grants-rulebook/1`): dated parameters, each
/// with the text it comes from, and the rules that use them.
public struct Rulebook: Hashable, Sendable {
    public let scheme: Scheme
    public let year: FinancialYear
    public let title: String
    /// Where the rulebook came from (a file path, or the shipped rulebook's name), for reports.
    public let source: String
    /// In the order written.
    public let parameters: [Parameter]
    /// In the order written; every rule is evaluated.
    public let rules: [Rule]
    /// The line each part was written on, by key path (`rules[2]`, `parameters.max_request.values[1]`), for lint.
    public let lines: [String: Int]

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
    public let name: String
    public let type: ParameterType
    public let description: String
    /// In date order; the one that applies on a day is the last that starts on or before it.
    public let values: [DatedValue]

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
    case money
    case count
    case list
    case text
}

/// A parameter's value from a day on, and the published text it comes from.
public struct DatedValue: Hashable, Sendable {
    public let from: Day
    public let value: ParameterValue
    public let reference: String

    public init(from: Day, value: ParameterValue, reference: String) {
        self.from = from
        self.value = value
        self.reference = reference
    }
}

/// A parameter's value.
public enum ParameterValue: Hashable, Sendable {
    case money(Money)
    case count(Int)
    case list([String])
    case text(String)

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
    case blocking
    case warning
}

/// One rule: a check kind, what it is given, how much it matters and what it says.
public struct Rule: Hashable, Sendable {
    /// Stable across years, such as `CAF-AMOUNT`.
    public let id: String
    public let check: CheckKind
    /// The check kind's arguments: each names a rulebook parameter, or is a literal the kind allows.
    public let arguments: [String: String]
    public let severity: Severity
    public let messages: MessageTemplates

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
    public let pass: String?
    public let fail: String
    public let unknown: String?

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
