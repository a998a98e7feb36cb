import Foundation
import GrantsCore
import GrantsImport
import GrantsRulebooks
import GrantsRules
import Testing

/// Reading rulebooks: every parse error names the file, the line and the field, and says what was expected;
/// `--set` what-ifs replace a parameter's values; a parameter's value on a day is the last one in force.
@Suite("RulebookFile")
struct RulebookFileTests {
    static let file = "caf-example.yaml"

    /// A small correct rulebook; the error tests each change one line of it. Lines count from 1 at `format:`.
    static let text = """
        format: grants-rulebook/1
        scheme: community-action-fund
        financial_year: 2018/19
        title: Community Action Fund example 2018/19
        parameters:
          max_request:
            type: money
            description: The most a bid may request
            values:
              - from: 2018-04-01
                value: "2500.00"
                reference: "Published criteria: up to £2,500"
              - from: 2018-10-01
                value: "3000.00"
                reference: "Published criteria (revised): up to £3,000"
          minimum_priorities:
            type: count
            description: How many plan priorities a project must address
            values:
              - {from: 2018-04-01, value: 1, reference: "Published criteria: at least one priority"}
          plan_priorities:
            type: list
            description: The police and crime plan priorities
            values:
              - {from: 2018-04-01, value: [hate-crime, reoffending, road-safety], reference: "Police and crime plan"}
        rules:
          - id: CAF-AMOUNT
            check: amount-at-most
            severity: blocking
            parameters: {field: requested, limit: max_request}
            message:
              pass: "Requested {found} is within the {limit} cap"
              fail: "Requested {found} exceeds the {limit} cap"
          - id: CAF-PRIORITIES
            check: priorities
            severity: blocking
            parameters: {allowed: plan_priorities, minimum: minimum_priorities}
            message:
              fail: "Addresses {detail}; a project must address {limit}"
        """

    /// `text` with the first occurrence of `old` replaced by `new` (which must be there).
    static func changed(_ old: String, _ new: String, in text: String = text) -> String {
        guard let range = text.range(of: old) else { preconditionFailure("'\(old)' is not in the example") }
        return text.replacingCharacters(in: range, with: new)
    }

    static func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ImportError {
        try #require(throws: ImportError.self, sourceLocation: sourceLocation) {
            try RulebookFile.parse(text, file: Self.file)
        }
    }

    static func day(_ text: String) throws -> Day { try Day(parsing: text) }

    // MARK: - The example reads

    @Test("the example rulebook reads: parameters, dated values, rules and their arguments")
    func exampleReads() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        #expect(book.scheme == .communityActionFund)
        #expect(book.year.label == "2018/19")
        #expect(book.source == Self.file)
        #expect(book.parameters.map(\.name) == ["max_request", "minimum_priorities", "plan_priorities"])
        let cap = try #require(book.parameter("max_request"))
        #expect(cap.type == .money)
        #expect(cap.values.map(\.from) == [try Self.day("2018-04-01"), try Self.day("2018-10-01")])
        #expect(cap.values.map(\.value) == [.money(Money(pence: 250_000)), .money(Money(pence: 300_000))])
        #expect(book.parameter("minimum_priorities")?.values.first?.value == .count(1))
        #expect(book.parameter("plan_priorities")?.values.first?.value == .list(["hate-crime", "reoffending", "road-safety"]))
        #expect(book.rules.map(\.id) == ["CAF-AMOUNT", "CAF-PRIORITIES"])
        #expect(book.rules[0].check == .amountAtMost)
        #expect(book.rules[0].arguments == ["field": "requested", "limit": "max_request"])
        #expect(book.rules[1].messages.pass == nil)
        #expect(book.lines["rules[1]"] == 34)
        #expect(RulebookLinter.lint(book).isEmpty)
    }

    // MARK: - Parse errors name file, line and field

    @Test("an unknown check kind is refused with the list of kinds")
    func unknownCheckKind() throws {
        let error = try Self.parseError(Self.changed("check: amount-at-most", "check: amount-at-least"))
        let kinds = CheckKind.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(error.file == Self.file)
        #expect(error.line == 28)
        #expect(error.field == "rules[0].check")
        #expect(error.message == "'amount-at-least' is not one of \(kinds)")
        #expect(error.message.contains("amount-at-most"))
        #expect(error.description == "caf-example.yaml:28: rules[0].check: 'amount-at-least' is not one of \(kinds)")
    }

    @Test("an unknown severity is refused with the two there are")
    func unknownSeverity() throws {
        let error = try Self.parseError(Self.changed("severity: blocking", "severity: fatal"))
        #expect(error.file == Self.file)
        #expect(error.line == 29)
        #expect(error.field == "rules[0].severity")
        #expect(error.message == "'fatal' is not one of blocking, warning")
    }

    @Test("a money value with a thousands separator (\"2,500.00\") is refused")
    func moneyWithThousandsSeparator() throws {
        let error = try Self.parseError(Self.changed(#"value: "2500.00""#, #"value: "2,500.00""#))
        #expect(error.file == Self.file)
        #expect(error.line == 11)
        #expect(error.field == "parameters.max_request.values[0].value")
        #expect(error.message == "'2,500.00' has a thousands separator; write the amount without it, such as 10000.00")
    }

    @Test("a money value with a pound sign is refused")
    func moneyWithPoundSign() throws {
        let error = try Self.parseError(Self.changed(#"value: "3000.00""#, #"value: "£3000.00""#))
        #expect(error.line == 14)
        #expect(error.field == "parameters.max_request.values[1].value")
        #expect(error.message == "'£3000.00' has a currency sign; write the amount without it, such as 2500.00")
    }

    @Test("a count written as a word (\"one\") is refused")
    func countAsWord() throws {
        let error = try Self.parseError(Self.changed("value: 1,", "value: one,"))
        #expect(error.file == Self.file)
        #expect(error.line == 20)
        #expect(error.field == "parameters.minimum_priorities.values[0].value")
        #expect(error.message == "'one' is not a whole number")
    }

    @Test("a negative count is refused")
    func negativeCount() throws {
        let error = try Self.parseError(Self.changed("value: 1,", "value: -1,"))
        #expect(error.line == 20)
        #expect(error.field == "parameters.minimum_priorities.values[0].value")
        #expect(error.message == "'-1' is not a whole number")
    }

    @Test("a rule without message.fail is refused")
    func missingFailMessage() throws {
        let error = try Self.parseError(Self.changed(
            "      fail: \"Addresses {detail}; a project must address {limit}\"",
            "      unknown: \"Cannot check the priorities: {detail}\""))
        #expect(error.file == Self.file)
        #expect(error.line == 39)
        #expect(error.field == "rules[1].message.fail")
        #expect(error.message == "is missing; expected text")
    }

    @Test("an unknown key in a rule is refused with the keys it may have")
    func unknownKeyInRule() throws {
        let error = try Self.parseError(Self.changed(
            "    severity: blocking\n    parameters: {allowed",
            "    severity: blocking\n    weight: high\n    parameters: {allowed"))
        #expect(error.file == Self.file)
        #expect(error.line == 37)
        #expect(error.field == "rules[1].weight")
        #expect(error.message == "is not a known field; expected one of check, id, message, parameters, severity")
    }

    @Test("an unknown key in a dated value is refused")
    func unknownKeyInDatedValue() throws {
        let error = try Self.parseError(Self.changed(
            "reference: \"Police and crime plan\"}", "reference: \"Police and crime plan\", note: draft}"))
        #expect(error.line == 25)
        #expect(error.field == "parameters.plan_priorities.values[0].note")
        #expect(error.message == "is not a known field; expected one of from, reference, value")
    }

    @Test("an unknown top-level key is refused")
    func unknownTopLevelKey() throws {
        let error = try Self.parseError(Self.text + "\nrevision: 2\n")
        #expect(error.line == 40)
        #expect(error.field == "revision")
        #expect(error.message == "is not a known field; expected one of financial_year, format, parameters, rules, scheme, title")
    }

    @Test("reading a file names the file in its errors")
    func readNamesFile() throws {
        let folder = NSTemporaryDirectory() + "rulebook-file-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/2018-19.yaml"
        try Data(Self.changed("severity: blocking", "severity: fatal").utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ImportError.self) { try RulebookFile.read(file: path) }
        #expect(error.file == path)
        #expect(error.description == "\(path):29: rules[0].severity: 'fatal' is not one of blocking, warning")

        let missing = try #require(throws: ImportError.self) { try RulebookFile.read(file: folder + "/none.yaml") }
        #expect(missing.kind == .io)
        #expect(missing.message == "no such file")
    }

    // MARK: - What-ifs (--set name=value)

    @Test("override replaces every dated value with one from 1 April, with a what-if reference")
    func overrideMaxRequest() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        let whatIf = try RulebookFile.override("max_request=3000.00", in: book)
        let cap = try #require(whatIf.parameter("max_request"))
        #expect(cap.values == [
            DatedValue(
                from: try Self.day("2018-04-01"), value: .money(Money(pence: 300_000)),
                reference: "what-if: --set max_request=3000.00"),
        ])
        #expect(cap.type == .money)
        #expect(cap.description == "The most a bid may request")
        // Everything else is as it was.
        #expect(whatIf.parameter("minimum_priorities") == book.parameter("minimum_priorities"))
        #expect(whatIf.parameter("plan_priorities") == book.parameter("plan_priorities"))
        #expect(whatIf.rules == book.rules)
        #expect(whatIf.lines == book.lines)
        #expect(whatIf.title == book.title)
        #expect(whatIf.year == book.year)
        // The original is untouched.
        #expect(book.parameter("max_request")?.values.count == 2)
        #expect(RulebookLinter.lint(whatIf).isEmpty)
    }

    @Test("override of the shipped 2017/18 cap applies from 2017-04-01")
    func overrideShippedCap() throws {
        let path = try #require(ShippedRulebooks.path(scheme: "community-action-fund", year: "2017/18"))
        let book = try RulebookFile.read(file: path)
        let whatIf = try RulebookFile.override("max_request=3000.00", in: book)
        let applied = try #require(whatIf.parameter("max_request")?.value(on: try Self.day("2017-04-01")))
        #expect(applied.value == .money(Money(pence: 300_000)))
        #expect(applied.reference == "what-if: --set max_request=3000.00")
        #expect(whatIf.parameter("max_request")?.value(on: try Self.day("2017-03-31")) == nil)
    }

    @Test("override reads counts and lists as the parameter's type says")
    func overrideCountAndList() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        let count = try RulebookFile.override("minimum_priorities=2", in: book)
        #expect(count.parameter("minimum_priorities")?.values.map(\.value) == [.count(2)])
        let list = try RulebookFile.override("plan_priorities=hate-crime, road-safety", in: book)
        #expect(list.parameter("plan_priorities")?.values.map(\.value) == [.list(["hate-crime", "road-safety"])])
    }

    @Test("override refuses a name that is no parameter, listing the ones there are")
    func overrideUnknownName() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        let error = try #require(throws: ImportError.self) { try RulebookFile.override("max_grant=3000.00", in: book) }
        #expect(error.file == "--set")
        #expect(error.field == "max_grant")
        #expect(error.message == "is not a parameter of Community Action Fund example 2018/19; "
            + "expected one of max_request, minimum_priorities, plan_priorities")
        #expect(error.description == "--set: max_grant: is not a parameter of Community Action Fund example 2018/19; "
            + "expected one of max_request, minimum_priorities, plan_priorities")
    }

    @Test("override refuses a value the parameter's type cannot hold, saying why")
    func overrideBadValue() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        let separator = try #require(throws: ImportError.self) { try RulebookFile.override("max_request=3,000.00", in: book) }
        #expect(separator.field == "max_request")
        #expect(separator.message == "'3,000.00' has a thousands separator; write the amount without it, such as 10000.00")

        let pound = try #require(throws: ImportError.self) { try RulebookFile.override("max_request=£3000", in: book) }
        #expect(pound.message == "'£3000' has a currency sign; write the amount without it, such as 2500.00")

        let empty = try #require(throws: ImportError.self) { try RulebookFile.override("max_request=", in: book) }
        #expect(empty.message == "an amount is empty; expected pounds and pence such as 2500.00")

        let word = try #require(throws: ImportError.self) { try RulebookFile.override("minimum_priorities=two", in: book) }
        #expect(word.field == "minimum_priorities")
        #expect(word.message == "'two' is not a whole number")

        let noEquals = try #require(throws: ImportError.self) { try RulebookFile.override("max_request", in: book) }
        #expect(noEquals.file == "--set")
        #expect(noEquals.message == "'max_request' is not name=value")
    }

    // MARK: - Parameter.value(on:)

    @Test("value(on:) is the last value starting on or before the day, nil before the first")
    func valueOnDay() throws {
        let book = try RulebookFile.parse(Self.text, file: Self.file)
        let cap = try #require(book.parameter("max_request"))
        let expected: [(String, Int64?)] = [
            ("2018-03-31", nil),
            ("2018-04-01", 250_000),
            ("2018-09-30", 250_000),
            ("2018-10-01", 300_000),
            ("2019-03-31", 300_000),
            ("2019-04-01", 300_000),
        ]
        for (text, pence) in expected {
            let value = cap.value(on: try Self.day(text))
            #expect(value?.value == pence.map { .money(Money(pence: $0)) }, "on \(text)")
        }
        #expect(cap.value(on: try Self.day("2018-10-01"))?.from == (try Self.day("2018-10-01")))
        #expect(cap.value(on: try Self.day("2018-10-01"))?.reference == "Published criteria (revised): up to £3,000")
    }

    @Test("value(on:) of a parameter with no values is always nil")
    func valueOnDayWithNoValues() throws {
        let empty = Parameter(name: "max_request", type: .money, description: "The most a bid may request", values: [])
        #expect(empty.value(on: try Self.day("2018-06-01")) == nil)
    }

    @Test("the shipped 2018/19 cap is £2,500.00 until 2018-09-30 and £3,000.00 from 2018-10-01")
    func shippedDatedCap() throws {
        let path = try #require(ShippedRulebooks.path(scheme: "community-action-fund", year: "2018/19"))
        let cap = try #require(try RulebookFile.read(file: path).parameter("max_request"))
        #expect(cap.value(on: try Self.day("2018-03-31")) == nil)
        #expect(cap.value(on: try Self.day("2018-06-01"))?.value == .money(Money(pence: 250_000)))
        #expect(cap.value(on: try Self.day("2018-09-30"))?.value == .money(Money(pence: 250_000)))
        #expect(cap.value(on: try Self.day("2018-10-01"))?.value == .money(Money(pence: 300_000)))
    }
}
