import Foundation
import GrantsCore
import GrantsTestSupport
import GrantsXML
import Testing

/// The sample ledger's returns broken on purpose, one way each: every case is refused with exactly the issues it
/// lists, each on its line.
@Suite("Returns broken on purpose")
struct BrokenReturnTests {
    @Test("the sample returns for a year, a quarter, the year to a day and one CSP are valid")
    func samplesAreValid() throws {
        let folder = try TemporaryFolder()
        for base in BrokenReturn.Base.allCases {
            let path = try folder.write("\(base.rawValue).xml", try SampleDocuments.text(of: base))
            #expect(try ReturnValidator.validate(file: path) == .valid, "\(base)")
        }
    }

    @Test("refused by the schema", arguments: BrokenReturn.refusedBySchema)
    func refusedBySchema(_ broken: BrokenReturn) throws {
        try Self.expectRefused(broken, by: .schema)
    }

    @Test("valid against the schema, refused as inconsistent", arguments: BrokenReturn.inconsistent)
    func inconsistent(_ broken: BrokenReturn) throws {
        try Self.expectRefused(broken, by: .consistency)
    }

    @Test("award lines whose sum does not fit in 64-bit pence are reported at each total they overflow")
    func sumsThatOverflow() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("overflow.xml")
        let most = Money(pence: Int64.max).plain
        let lines = [Made.line("AWD-1", awarded: most), Made.line("AWD-2", awarded: most)]
        let total = SpendReturn.Total(
            level: .fund, key: "CAF-2017-18", name: "Community Action Fund 2017/18", fundID: "CAF-2017-18", awards: 2,
            awarded: Money(pence: Int64.max), released: .zero, committed: Money(pence: Int64.max),
            paidInPeriod: Made.money("2000.00"), paidToDate: Made.money("2000.00"), outstanding: Money(pence: Int64.max),
            returned: .zero)
        try ReturnXMLWriter.write(header: Made.header(), lines: lines, totals: [total], contributions: [], to: path)
        let document = try String(contentsOfFile: path, encoding: .utf8)
        let fundTotal = try #require(lineNumber(of: "<fundTotal>", in: document))
        let expected = try ["awarded", "committed", "outstanding"].map { field in
            ValidationIssue(
                line: try #require(lineNumber(of: "<\(field)>", in: document, after: fundTotal)),
                message: "Element '\(field)': the total of fund CAF-2017-18 is \(most), but its award lines add up to more "
                    + "than a 64-bit count of pence holds; expected award lines whose sum fits.",
                check: .consistency)
        }
        #expect(try ReturnValidator.validate(file: path).issues == expected)
    }

    /// xmllint, the reference for "the schema alone".
    static let xmllint = "/usr/bin/xmllint"

    @Test("xmllint refuses every case the schema refuses, and passes every inconsistent one",
          .enabled(if: FileManager.default.isExecutableFile(atPath: xmllint)))
    func xmllintAgrees() throws {
        let schema = try #require(ReturnValidator.schemaURL).path
        let folder = try TemporaryFolder()
        for (cases, refused) in [(BrokenReturn.refusedBySchema, true), (BrokenReturn.inconsistent, false)] {
            for broken in cases {
                let path = try folder.write("broken.xml", try broken.document())
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Self.xmllint)
                process.arguments = ["--noout", "--nonet", "--schema", schema, path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect((process.terminationStatus != 0) == refused, "\(broken.name): xmllint exit \(process.terminationStatus)")
            }
        }
    }

    /// Validates the broken return and compares every issue with those the case lists.
    static func expectRefused(_ broken: BrokenReturn, by check: ValidationIssue.Check) throws {
        let folder = try TemporaryFolder()
        let document = try broken.document()
        let result = try ReturnValidator.validate(file: try folder.write("broken.xml", document))
        let expected = try broken.expected(in: document, check: check)
        #expect(result.issues == expected, "\n  found:    \(result.issues)\n  expected: \(expected)")
    }
}
