import Foundation
import Testing
import GrantsTestSupport

/// `grants return` and `grants validate-return` run as the built binary.
@Suite struct ReturnCommandTests {
    @Test(arguments: ["csv", "xml", "xlsx", "360giving-json", "360giving-csv"])
    func everyFormatIsWrittenWholeAndTheSameTwice(format: String) async throws {
        let folder = try SampleLedger.copy()
        let first = try await GrantsBinary.run(["return", "--year", "2017/18", "--format", format, "-o", "a.out"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try await GrantsBinary.run(["return", "--year", "2017/18", "--format", format, "-o", "b.out"], in: folder.path)
        #expect(second.status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.out")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.out")))
        #expect(!a.isEmpty)
        #expect(a == b)
        // Nothing else is left behind: no temporary files.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == ["grants.sqlite", "grants.sqlite-wal", "grants.sqlite-shm", "a.out", "b.out"]
                || Set(names) == ["grants.sqlite", "a.out", "b.out"], "\(names)")
    }

    @Test func theCSVOnStandardOutputCarriesTheTotals() async throws {
        let folder = try SampleLedger.copy()
        let result = try await GrantsBinary.run(["return", "--year", "2017/18", "--quarter", "Q3", "--format", "csv"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("record,period,as_of,"))
        #expect(result.stdout.contains("\r\nreturn,2017/18 Q3,2017-12-31,360G-LancashirePCC-OPCC,"))
        #expect(result.stdout.contains("\r\nfund-total,"))
        let excel = try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "csv", "--excel"], in: folder.path)
        #expect(excel.stdout.hasPrefix("\u{FEFF}record,"))
    }

    @Test func theXMLValidatesAndABrokenOneDoesNot() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "xml", "-o", "r.xml"], in: folder.path).status == 0)
        let valid = try await GrantsBinary.run(["validate-return", "r.xml"], in: folder.path)
        #expect(valid.status == 0)
        #expect(valid.stdout == "r.xml: valid against grants-return-1.xsd\n")
        let text = try String(contentsOfFile: folder.file("r.xml"), encoding: .utf8)
        try folder.write("broken.xml", text.replacingOccurrences(of: "<awarded>2500.00</awarded>", with: "<awarded>2,500.00</awarded>"))
        let broken = try await GrantsBinary.run(["validate-return", "broken.xml"], in: folder.path)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken.xml:"))
        #expect(broken.stdout.contains("Element 'awarded'"))
        try folder.write("doctype.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE return [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <return xmlns="urn:lancashire-opcc:grants:return:1">&x;</return>

            """)
        let doctype = try await GrantsBinary.run(["validate-return", "doctype.xml"], in: folder.path)
        #expect(doctype.status == 1)
        #expect(doctype.stdout.contains("a DOCTYPE is not accepted"))
        #expect(!doctype.stdout.contains("root:"))
        #expect(try await GrantsBinary.run(["validate-return", "missing.xml"], in: folder.path).status == 74)
    }

    /// What the schema cannot say is reported as a schema error is: file, line, element, what is wrong and what was
    /// expected; a quarter's return, written by `grants return`, passes.
    @Test func anInconsistentReturnIsRefusedLikeASchemaError() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "xml", "-o", "r.xml"], in: folder.path).status == 0)
        let text = try String(contentsOfFile: folder.file("r.xml"), encoding: .utf8)
        let broken = text
            .replacingOccurrences(of: "<financialYear>2017/18</financialYear>\n      <firstDay>2017-04-01</firstDay>",
                                  with: "<financialYear>2017/18</financialYear>\n      <firstDay>2017-03-31</firstDay>")
            .replacingOccurrences(of: "<awarded>9925.00</awarded>", with: "<awarded>9952.00</awarded>")
        try folder.write("inconsistent.xml", broken)
        let refused = try await GrantsBinary.run(["validate-return", "inconsistent.xml"], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stdout == """
            inconsistent.xml:11: Element 'firstDay': 2017-03-31 is outside the financial year 2017/18 (2017-04-01 to \
            2018-03-31); expected 2017-04-01, the first day of 2017/18.
            inconsistent.xml:545: Element 'awarded': the total of fund CAF-2017-18 is 9952.00, but its award lines add \
            up to 9925.00; expected 9925.00.
            inconsistent.xml: 2 problem(s)

            """)
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--quarter", "Q3", "--format", "xml", "-o", "q3.xml"],
                                           in: folder.path).status == 0)
        let quarter = try await GrantsBinary.run(["validate-return", "q3.xml"], in: folder.path)
        #expect(quarter.status == 0)
        #expect(quarter.stdout == "q3.xml: valid against grants-return-1.xsd\n")
    }

    @Test func badArgumentsAreUsageErrorsAndAFailedWriteLeavesTheOldFile() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "xlsx"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--quarter", "Q1", "--as-of", "2017-06-30",
                                      "--format", "csv"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--as-of", "2018-06-30", "--format", "csv"],
                                     in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "pdf"], in: folder.path).status == 64)
        try folder.write("keep.csv", "old\n")
        let failed = try await GrantsBinary.run(
            ["return", "--year", "2017/18", "--format", "csv", "-o", "no-such-folder/keep.csv"], in: folder.path)
        #expect(failed.status == 74)
        #expect(try String(contentsOfFile: folder.file("keep.csv"), encoding: .utf8) == "old\n")
    }

    /// A workbook that cannot be written whole (here, a file-size limit stands in for a full disk) is exit 74 naming
    /// the path, and nothing is left where the return was asked for. libxlsxwriter does not notice that a sheet's
    /// temporary file was cut short, and says it succeeded; the workbook is read back and refused.
    @Test func aWorkbookTheDiskCannotHoldIsOneClearError() async throws {
        let folder = try TemporaryFolder()
        try folder.write("base.yaml", Fixtures.base)
        // Four hundred awards make a sheet bigger than the limit; the ledger's files that a reader writes stay within it.
        let awards = (1...400).map { number in
            String(Fixtures.award(id: "AWD-\(number)", amount: "10.00").split(separator: "\n", omittingEmptySubsequences: false)
                .dropFirst(2).joined(separator: "\n"))
        }
        try folder.write("awards.yaml", "format: grants-ledger/1\nawards:\n" + awards.joined())
        #expect(try await GrantsBinary.run(["init"], in: folder.path).status == 0)
        let imported = try await GrantsBinary.run(["import", "base.yaml", "awards.yaml"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let failed = try await GrantsBinary.run(["return", "--year", "2017/18", "--format", "xlsx", "-o", "r.xlsx"],
                                                in: folder.path, fileSizeLimitKiB: 32)
        #expect(failed.status == 74)
        #expect(failed.stderr == "error: cannot save the workbook at r.xlsx: the workbook came out incomplete "
                + "(its part xl/worksheets/sheet2.xml was cut short); is the disk full?\n")
        #expect(!FileManager.default.fileExists(atPath: folder.file("r.xlsx")))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(left.isEmpty, "\(left)")
    }
}
