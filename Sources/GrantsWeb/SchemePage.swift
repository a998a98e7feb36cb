import GrantsCore
import GrantsReports
import GrantsRules

/// A scheme's page, made from its shipped rulebook and nothing else: who may apply, every limit and list with the
/// day each value applies from and where it comes from, and every rule with what it checks. A change to the
/// rulebook changes the page.
struct SchemePage: Sendable {
    struct Value: Sendable {
        let from: String
        let value: String
        let reference: String
    }

    struct Parameter: Sendable {
        let name: String
        let description: String
        let values: [Value]
    }

    struct Rule: Sendable {
        let id: String
        let checks: String
        let blocking: Bool
        let severity: String
        /// The parameters the rule reads, by their descriptions.
        let uses: [String]
    }

    let title: String
    let scheme: String
    let schemeTitle: String
    let year: String
    let yearSlug: String
    let source: String
    let openCall: Bool
    let parameters: [Parameter]
    let rules: [Rule]

    init(_ book: Rulebook) {
        title = book.title
        scheme = book.scheme.rawValue
        schemeTitle = book.scheme.title
        year = book.year.label
        yearSlug = SchemePage.slug(book.year)
        source = book.source
        openCall = book.scheme.isOpenCall
        parameters = book.parameters.map { parameter in
            Parameter(
                name: parameter.name, description: parameter.description,
                values: parameter.values.map { dated in
                    Value(
                        from: dated.from.description, value: SchemePage.display(dated.value),
                        reference: dated.reference)
                })
        }
        let descriptions = Dictionary(book.parameters.map { ($0.name, $0.description) }, uniquingKeysWith: { a, _ in a })
        rules = book.rules.map { rule in
            Rule(
                id: rule.id, checks: rule.check.summary, blocking: rule.severity == .blocking,
                severity: rule.severity == .blocking ? "Must be met" : "Warning only",
                uses: rule.arguments.keys.sorted().compactMap { key in
                    rule.arguments[key].flatMap { descriptions[$0] }
                })
        }
    }

    /// `2017/18` as it appears in a path: `2017-18`.
    static func slug(_ year: FinancialYear) -> String {
        year.label.replacingOccurrences(of: "/", with: "-")
    }

    /// A value as an applicant reads it: money as pounds, plan priorities by their names.
    static func display(_ value: ParameterValue) -> String {
        switch value {
        case .list(let items): items.map { Priority.known[$0] ?? $0 }.joined(separator: ", ")
        default: value.display
        }
    }
}

/// The home page: every scheme and year there is a rulebook for.
struct HomePage: Sendable {
    struct Scheme: Sendable {
        let title: String
        let scheme: String
        let year: String
        let yearSlug: String
    }

    let schemes: [Scheme]

    init(_ books: [Rulebook]) {
        schemes = books.map { book in
            Scheme(title: book.title, scheme: book.scheme.rawValue, year: book.year.label, yearSlug: SchemePage.slug(book.year))
        }
    }
}
