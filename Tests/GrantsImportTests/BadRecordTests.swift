import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// "An import is all or nothing: one bad record and nothing is written, and the error names the file, the line
/// and the field, and says what was expected."
///
/// Each case is one file imported into `Fixtures.ledger()`; the import must fail with exactly this file, line
/// and field, a message holding the fragment, and leave the ledger as it was.
struct BadFileCase: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let line: Int
    let field: String
    let fragment: String

    var testDescription: String { label }
}

@Suite("Bad records are refused by the reader, naming file, line and field")
struct BadRecordTests {
    static let amounts: [BadFileCase] = [
        .init(
            label: "thousands separator 2,500.00", text: Files.award("amount", "\"2,500.00\""), line: 8,
            field: "awards[0].amount", fragment: "'2,500.00' has a thousands separator"),
        .init(
            label: "currency sign £2500", text: Files.award("amount", "\"£2500\""), line: 8,
            field: "awards[0].amount", fragment: "'£2500' has a currency sign"),
        .init(
            label: "third decimal 2500.001", text: Files.award("amount", "\"2500.001\""), line: 8,
            field: "awards[0].amount", fragment: "'2500.001' has more than two decimal places"),
        .init(
            label: "not a number abc", text: Files.award("amount", "abc"), line: 8, field: "awards[0].amount",
            fragment: "'abc' is not an amount"),
        .init(
            label: "20-digit amount overflows", text: Files.award("amount", "\"12345678901234567890\""), line: 8,
            field: "awards[0].amount", fragment: "too large to hold exactly in pence"),
        .init(
            label: "20-digit unquoted amount overflows", text: Files.award("amount", "12345678901234567890.00"),
            line: 8, field: "awards[0].amount", fragment: "too large to hold exactly in pence"),
        .init(
            label: "empty amount", text: Files.award("amount", "\"\""), line: 8, field: "awards[0].amount",
            fragment: "is empty; expected an amount such as 2500.00"),
        .init(
            label: "amount in a contribution's years",
            text: """
                format: grants-ledger/1
                contributions:
                  - id: CONTRIB-T
                    contributor: GB-LAE-SRI
                    recipient: 360G-Test-OPCC
                    service: IDVA service
                    committed: 2017-03-01
                    reason: Council contribution
                    years: {"2017/18": "8,000.00"}

                """,
            line: 9, field: "contributions[0].years.2017/18", fragment: "'8,000.00' has a thousands separator"),
    ]

    static let dates: [BadFileCase] = [
        .init(
            label: "no such day 2017-02-30", text: Files.award("award_date", "2017-02-30"), line: 10,
            field: "awards[0].award_date", fragment: "'2017-02-30' is not a day in the calendar"),
        .init(
            label: "day written 01/04/2017", text: Files.award("planned_start", "01/04/2017"), line: 11,
            field: "awards[0].planned_start", fragment: "'01/04/2017' is not a day; expected YYYY-MM-DD"),
        .init(
            label: "financial year 2017/19", text: Files.fund(year: "2017/19"), line: 6,
            field: "funds[0].financial_year", fragment: "the second year must follow the first"),
        .init(
            label: "financial year 2017/2018", text: Files.fund(year: "2017/2018"), line: 6,
            field: "funds[0].financial_year", fragment: "expected a label such as 2017/18"),
        .init(
            label: "planned end before planned start", text: Files.award("planned_end", "2017-07-01"), line: 12,
            field: "awards[0].planned_end", fragment: "2017-07-01 is before the planned start 2017-07-10"),
    ]

    static let wrongTypes: [BadFileCase] = [
        .init(
            label: "a list where a single value is expected", text: Files.award("title", "[Youth, project]"),
            line: 7, field: "awards[0].title", fragment: "expected a single value, found a list"),
        .init(
            label: "a mapping where a single value is expected", text: Files.award("amount", "{pounds: 2500}"),
            line: 8, field: "awards[0].amount", fragment: "expected a single value, found a mapping"),
        .init(
            label: "a single value where a list is expected", text: Files.award("priorities", "anti-social-behaviour"),
            line: 13, field: "awards[0].priorities", fragment: "expected a list such as [a, b], found a single value"),
        .init(
            label: "a mapping where a list of records is expected",
            text: "format: grants-ledger/1\norganisations: {id: x}\n", line: 2, field: "organisations",
            fragment: "expected a list of organisations, found a mapping"),
        .init(
            label: "a record that is a single value", text: "format: grants-ledger/1\nawards:\n  - AWD-T-1\n",
            line: 3, field: "awards[0]", fragment: "expected a mapping of fields, found a single value"),
        .init(
            label: "unknown kind charity lists the choices", text: Files.organisation(kind: "charity"), line: 5,
            field: "organisations[0].kind",
            fragment: "'charity' is not one of opcc, csp, local-authority, police, fire, probation, health, "
                + "registered-charity, cic, community-group, school, company, other"),
        .init(
            label: "unknown field amout", text: Files.award(adding: "amout: \"2500.00\"", after: "amount"), line: 9,
            field: "awards[0].amout", fragment: "is not a known field; expected one of"),
        .init(
            label: "amount misspelt amout is reported as amount missing",
            text: Files.award(without: "amount").replacingOccurrences(
                of: "    decision:", with: "    amout: \"2500.00\"\n    decision:"),
            line: 3, field: "awards[0].amount", fragment: "is missing; expected an amount such as 2500.00"),
        .init(
            label: "unknown top-level section", text: Files.award + "grants: []\n", line: 14, field: "grants",
            fragment: "is not a known field; expected one of"),
        .init(
            label: "missing required field", text: Files.award(without: "title"), line: 3,
            field: "awards[0].title", fragment: "is missing; expected text"),
        .init(
            label: "blank required field", text: Files.award("title", "\"  \""), line: 7,
            field: "awards[0].title", fragment: "is empty; expected text"),
        .init(
            label: "missing format line", text: Files.award(without: "format"), line: 1, field: "format",
            fragment: "is missing; expected grants-ledger/1"),
        .init(
            label: "wrong format line", text: Files.award("format", "grants-ledger/2"), line: 1, field: "format",
            fragment: "'grants-ledger/2' is not a format this version reads; expected grants-ledger/1"),
        .init(
            label: "example: yes", text: Files.organisation(extra: "    example: yes"), line: 6,
            field: "organisations[0].example", fragment: "'yes' is not true or false"),
        .init(
            label: "id with a space", text: Files.award("id", "AWD T 1"), line: 3, field: "awards[0].id",
            fragment: "'AWD T 1' is not an id"),
        .init(
            label: "unknown priority", text: Files.award("priorities", "[knitting]"), line: 13,
            field: "awards[0].priorities",
            fragment: "'knitting' is not a police and crime plan priority; expected one of anti-social-behaviour"),
    ]

    /// Syntax faults: the field is empty (the whole file is at fault) but the line is the fault's.
    static let malformed: [BadFileCase] = [
        .init(
            label: "key indented too little", text: Files.award("recipient", "GB-LAE-SRI").replacingOccurrences(
                of: "    recipient:", with: "   recipient:"),
            line: 6, field: "", fragment: "not valid YAML or JSON"),
        .init(
            label: "key indented too much", text: Files.award.replacingOccurrences(of: "    title:", with: "      title:"),
            line: 7, field: "", fragment: "not valid YAML or JSON: mapping values are not allowed"),
        .init(
            label: "tab used for indentation", text: "format: grants-ledger/1\nawards:\n\t- id: AWD-T-1\n", line: 3,
            field: "", fragment: "not valid YAML or JSON"),
        .init(
            label: "empty file", text: "", line: 0, field: "",
            fragment: "the file is empty; expected a mapping starting with format:"),
        .init(
            label: "file of comments only", text: "# nothing here yet\n", line: 0, field: "",
            fragment: "the file is empty"),
        .init(
            label: "a list at the top", text: "- format: grants-ledger/1\n", line: 1, field: "",
            fragment: "expected a mapping of fields, found a list"),
        .init(
            label: "alias to an undefined anchor", text: Files.award("amount", "*nowhere"), line: 8, field: "",
            fragment: "found undefined alias"),
        .init(
            label: "JSON missing a comma",
            text: "{\n\t\"format\": \"grants-ledger/1\",\n\t\"awards\": [\n\t\t{\"id\": \"AWD-J-1\"\n\t\t\"fund\": \"CSP-2017-18\"}\n\t]\n}\n",
            line: 5, field: "", fragment: "not valid YAML or JSON"),
    ]

    @Test("bad amount", arguments: amounts)
    func badAmount(_ bad: BadFileCase) throws { try check(bad) }

    @Test("bad date or financial year", arguments: dates)
    func badDate(_ bad: BadFileCase) throws { try check(bad) }

    @Test("wrong type, unknown or missing field", arguments: wrongTypes)
    func wrongType(_ bad: BadFileCase) throws { try check(bad) }

    @Test("malformed YAML or JSON", arguments: malformed)
    func malformedFile(_ bad: BadFileCase) throws { try check(bad) }

    private func check(_ bad: BadFileCase) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("bad.yaml", bad.text)
        let ledger = try Fixtures.ledger()
        let error = try refusal(ImportError.self, importing: [path], into: ledger)
        #expect(error.kind == .data)
        #expect(error.file == path)
        #expect(error.line == bad.line)
        #expect(error.field == bad.field)
        #expect(error.message.contains(bad.fragment), "\(error.message)")
        // What the user reads starts with the place.
        let place = bad.line > 0 ? "\(path):\(bad.line)" : path
        #expect(error.description.hasPrefix(bad.field.isEmpty ? "\(place): " : "\(place): \(bad.field): "))
    }
}
