import Foundation
import GrantsCore
import GrantsImport
import GrantsRulebooks
import GrantsRules
import Testing

/// One test per kind of lint finding, each on a small rulebook written as text and parsed the way a file is,
/// so that the line each finding names can be checked against the text. Line numbers count from the first line
/// of each text literal. A parameter's own findings (`parameters.<name>`) name the line of its first field (the
/// line after `<name>:`), which is where the rulebook records it.
@Suite("RulebookLinter")
struct RulebookLinterTests {
    /// A finding as (level, path, line, message), easy to compare and to read in a failure.
    struct Seen: Hashable, CustomStringConvertible {
        let level: RulebookLinter.Finding.Level
        let path: String
        let line: Int
        let message: String

        init(_ level: RulebookLinter.Finding.Level, _ path: String, line: Int, _ message: String) {
            self.level = level
            self.path = path
            self.line = line
            self.message = message
        }

        init(_ finding: RulebookLinter.Finding) {
            self.init(finding.level, finding.path, line: finding.line, finding.message)
        }

        var description: String { "line \(line): \(level.rawValue): \(path): \(message)" }
    }

    static func lint(_ text: String) throws -> [Seen] {
        RulebookLinter.lint(try RulebookFile.parse(text, file: "lint-example.yaml")).map(Seen.init)
    }

    // MARK: - A clean rulebook

    static let clean = """
        format: grants-rulebook/1
        scheme: community-action-fund
        financial_year: 2017/18
        title: Lint example 2017/18
        parameters:
          max_request:
            type: money
            description: The most a bid may request
            values:
              - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
        rules:
          - id: CAF-AMOUNT
            check: amount-at-most
            severity: blocking
            parameters: {field: requested, limit: max_request}
            message:
              fail: "Requested {found} exceeds the {limit} cap"
        """

    @Test("a small correct rulebook has no findings")
    func cleanRulebook() throws {
        #expect(try Self.lint(Self.clean) == [])
    }

    @Test("every shipped rulebook lints with no errors and no warnings", arguments: ShippedRulebooks.all())
    func shippedRulebooksLintClean(path: String) throws {
        let book = try RulebookFile.read(file: path)
        let findings = RulebookLinter.lint(book)
        #expect(findings.isEmpty, "\(path):\n\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test("there are shipped rulebooks to lint")
    func shippedRulebooksFound() {
        #expect(ShippedRulebooks.all().count >= 3)
    }

    // MARK: - Rules' arguments

    @Test("an argument the check kind does not take is an error naming the ones it takes")
    func argumentNotTaken() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request, maximum: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
              - id: CAF-DATES
                check: within-year
                severity: blocking
                parameters: {limit: max_request}
                message:
                  fail: "Runs {found}: {detail}"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].parameters.maximum", line: 15,
                 "amount-at-most takes no parameter maximum; it takes field, limit"),
            Seen(.error, "rules[1].parameters.limit", line: 21, "within-year takes no parameter limit; it takes none"),
        ])
    }

    @Test("a missing required argument is an error on the rule's line")
    func missingRequiredArgument() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].parameters.limit", line: 12, "amount-at-most needs the parameter limit"),
            Seen(.warning, "parameters.max_request", line: 7, "no rule uses this parameter"),
        ])
    }

    @Test("an optional argument may be left out")
    func optionalArgumentLeftOut() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              eligible_applicant_types:
                type: list
                description: Who may apply
                values:
                  - {from: 2017-04-01, value: [community-group, registered-charity, cic], reference: "Published criteria"}
            rules:
              - id: CAF-APPLICANT
                check: applicant-type
                severity: blocking
                parameters: {allowed: eligible_applicant_types}
                message:
                  fail: "The applicant cannot apply: {detail}"
            """
        #expect(try Self.lint(text) == [])
    }

    @Test("an argument naming no parameter of the rulebook is an error")
    func argumentNamesNoParameter() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters:
                  field: requested
                  limit: max_grant
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].parameters.limit", line: 17,
                 "names max_grant, which is not a parameter of this rulebook"),
            Seen(.warning, "parameters.max_request", line: 7, "no rule uses this parameter"),
        ])
    }

    @Test("an argument naming a parameter of the wrong type is an error")
    func argumentNamesParameterOfWrongType() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              plan_priorities:
                type: list
                description: The police and crime plan priorities
                values:
                  - {from: 2017-04-01, value: [hate-crime, reoffending], reference: "Police and crime plan"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: plan_priorities}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].parameters.limit", line: 15, "names plan_priorities, a list; expected a money"),
        ])
    }

    @Test("a choice outside its list (field: request) is an error listing the choices")
    func choiceOutsideItsList() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters:
                  field: request
                  limit: max_request
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].parameters.field", line: 16,
                 "'request' is not one of requested, total_project_cost, unrestricted_reserves"),
        ])
    }

    // MARK: - Parameters' dated values

    @Test("dated values out of order are an error on the later one")
    func datedValuesOutOfOrder() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2018/19
            title: Lint example 2018/19
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2018-04-01, value: "2500.00", reference: "Published criteria: up to £2,500"}
                  - {from: 2018-10-01, value: "3000.00", reference: "Published criteria (revised): up to £3,000"}
                  - {from: 2018-10-01, value: "3500.00", reference: "A second value on the same day"}
                  - {from: 2018-06-01, value: "2750.00", reference: "A value written after a later one"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "parameters.max_request.values[2]", line: 12,
                 "applies from 2018-10-01, not after the value before it (2018-10-01)"),
            Seen(.error, "parameters.max_request.values[3]", line: 13,
                 "applies from 2018-06-01, not after the value before it (2018-10-01)"),
        ])
    }

    @Test("a dated value outside the financial year is an error")
    func datedValueOutsideTheYear() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-03-31, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
                  - {from: 2018-04-01, value: "3000.00", reference: "Published criteria (revised): up to £3,000"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "parameters.max_request.values[0]", line: 10, "applies from 2017-03-31, outside 2017/18"),
            Seen(.error, "parameters.max_request.values[1]", line: 11, "applies from 2018-04-01, outside 2017/18"),
        ])
    }

    @Test("a value whose type differs from the parameter's is an error")
    func valueOfAnotherType() throws {
        // A file cannot hold such a value: the parser reads each value as its parameter's type and refuses
        // anything else (see the second half). A rulebook built in code can, so the linter checks it: here the
        // parsed rulebook gets a count where its money parameter expects an amount, keeping the file's lines.
        let parsed = try RulebookFile.parse(Self.clean, file: "lint-example.yaml")
        let cap = try #require(parsed.parameter("max_request"))
        let wrong = Parameter(
            name: cap.name, type: .money, description: cap.description,
            values: [DatedValue(from: cap.values[0].from, value: .count(2500), reference: cap.values[0].reference)])
        let book = Rulebook(
            scheme: parsed.scheme, year: parsed.year, title: parsed.title, source: parsed.source, parameters: [wrong],
            rules: parsed.rules, lines: parsed.lines)
        #expect(RulebookLinter.lint(book).map(Seen.init) == [
            Seen(.error, "parameters.max_request.values[0]", line: 10, "is a count, but the parameter is a money"),
        ])

        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              minimum_priorities:
                type: count
                description: How many plan priorities a project must address
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "Published criteria"}
            """
        let error = try #require(throws: ImportError.self) {
            try RulebookFile.parse(text, file: "lint-example.yaml")
        }
        #expect(error.line == 10)
        #expect(error.field == "parameters.minimum_priorities.values[0].value")
        #expect(error.message == "'2500.00' is not a whole number")
    }

    @Test("a parameter with no values is an error")
    func parameterWithNoValues() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values: []
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [Seen(.error, "parameters.max_request", line: 7, "has no values")])
    }

    @Test("a parameter with no values: key at all is an error too")
    func parameterWithoutValuesKey() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [Seen(.error, "parameters.max_request", line: 7, "has no values")])
    }

    @Test("a first value from after 1 April is a warning: earlier bids would be unknown")
    func firstValueAfterFirstApril() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2018/19
            title: Lint example 2018/19
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2018-04-02, value: "2500.00", reference: "Published criteria: up to £2,500"}
                  - {from: 2018-10-01, value: "3000.00", reference: "Published criteria (revised): up to £3,000"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.warning, "parameters.max_request.values[0]", line: 10,
                 "the first value applies from 2018-04-02: bids submitted earlier will be unknown"),
        ])
    }

    @Test("an unused parameter is a warning, not an error")
    func unusedParameter() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
              max_total_project_cost:
                type: money
                description: The most the whole project may cost
                values:
                  - {from: 2017-04-01, value: "10000.00", reference: "Published criteria: at most £10,000"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
            """
        let findings = try Self.lint(text)
        #expect(findings == [
            Seen(.warning, "parameters.max_total_project_cost", line: 12, "no rule uses this parameter"),
        ])
        #expect(!findings.contains { $0.level == .error })
    }

    // MARK: - Rules' ids and messages

    @Test("a duplicate rule id is an error on the second rule")
    func duplicateRuleID() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  fail: "Requested {found} exceeds the {limit} cap"
              - id: CAF-AMOUNT
                check: budget-balances
                severity: blocking
                message:
                  fail: "Budget lines add up to {found}, not {limit}"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[1].id", line: 18, "the rule id CAF-AMOUNT is used twice"),
        ])
    }

    @Test("an unknown {placeholder} in a message is an error naming the ones there are")
    func unknownPlaceholder() throws {
        let text = """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Lint example 2017/18
            parameters:
              max_request:
                type: money
                description: The most a bid may request
                values:
                  - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
            rules:
              - id: CAF-AMOUNT
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: max_request}
                message:
                  pass: "Requested {found} is within the {limit} cap"
                  fail: "Requested {amount} exceeds the {cap} cap"
            """
        #expect(try Self.lint(text) == [
            Seen(.error, "rules[0].message", line: 17, "{amount} is not a placeholder; use {found}, {limit} or {detail}"),
            Seen(.error, "rules[0].message", line: 17, "{cap} is not a placeholder; use {found}, {limit} or {detail}"),
        ])
    }

    @Test("the linter's description of a finding gives line, level, path and message")
    func findingDescription() throws {
        let text = Self.clean.replacingOccurrences(of: "field: requested", with: "field: request")
        let finding = try #require(RulebookLinter.lint(try RulebookFile.parse(text, file: "lint-example.yaml")).first)
        #expect(finding.description
            == "line 15: error: rules[0].parameters.field: 'request' is not one of requested, total_project_cost, unrestricted_reserves")
    }
}
