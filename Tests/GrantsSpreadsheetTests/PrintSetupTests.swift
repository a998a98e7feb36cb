import Foundation
import GrantsCore
import GrantsTestSupport
import Testing
@testable import GrantsSpreadsheet

/// How the return workbook prints, read back from its parts: A4 landscape, one page wide, the header row on every
/// page, panes frozen on the header and the ID column, and a header and footer naming the return and the page.
@Suite struct PrintSetupTests {
    typealias Support = WorkbookSupport

    /// Each sheet's part, the panes frozen (columns, rows) and the rows printed on every page.
    static let sheets: [(part: String, name: String, frozen: (columns: Int, rows: Int), titles: String)] = [
        ("sheet1", "Summary", (2, 13), "$13:$13"),
        ("sheet2", "Awards", (1, 1), "$1:$1"),
        ("sheet3", "Contributions", (1, 1), "$1:$1"),
        ("sheet4", "Budgets", (1, 1), "$1:$1"),
        ("sheet5", "Payments", (1, 1), "$1:$1"),
        ("sheet6", "Claims", (1, 1), "$1:$1"),
    ]

    @Test func everySheetPrintsLandscapeOnePageWide() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: file)
        for sheet in Self.sheets {
            let xml = try Support.part("xl/worksheets/\(sheet.part).xml", of: file)
            let setup = try #require(Support.attributes(of: "pageSetup", in: xml), "\(sheet.name)")
            #expect(setup["orientation"] == "landscape", "\(sheet.name)")
            #expect(setup["paperSize"] == "9", "\(sheet.name): A4")
            // fitToWidth's default in the schema is 1, and libxlsxwriter writes it only when it is not.
            #expect((setup["fitToWidth"] ?? "1") == "1", "\(sheet.name)")
            #expect(setup["fitToHeight"] == "0", "\(sheet.name): as many pages down as it needs")
            #expect(xml.contains(#"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#), "\(sheet.name)")
            let margins = try #require(Support.attributes(of: "pageMargins", in: xml))
            #expect(margins["left"] == "0.25" && margins["right"] == "0.25", "\(sheet.name)")
        }
    }

    @Test func panesAreFrozenOnTheHeaderAndTheIDColumn() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: file)
        for sheet in Self.sheets {
            let xml = try Support.part("xl/worksheets/\(sheet.part).xml", of: file)
            let pane = try #require(Support.attributes(of: "pane", in: xml), "\(sheet.name)")
            #expect(pane["xSplit"] == String(sheet.frozen.columns), "\(sheet.name)")
            #expect(pane["ySplit"] == String(sheet.frozen.rows), "\(sheet.name)")
            #expect(pane["state"] == "frozen", "\(sheet.name)")
        }
    }

    @Test func theHeaderRowsArePrintedOnEveryPage() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: file)
        let workbook = try Support.part("xl/workbook.xml", of: file)
        var titles: [String: String] = [:]
        for match in workbook.matches(
            of: /<definedName name="_xlnm.Print_Titles" localSheetId="([0-9]+)">([^<]*)<\/definedName>/)
        {
            titles[String(match.output.1)] = String(match.output.2)
        }
        var expected: [String: String] = [:]
        for (index, sheet) in Self.sheets.enumerated() { expected[String(index)] = "\(sheet.name)!\(sheet.titles)" }
        #expect(titles == expected)
        #expect(titles["0"] == "Summary!$13:$13", "the totals' header row, under the header block")
    }

    @Test func theHeaderAndFooterNameTheReturnAndThePage() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        let r = try Fixtures.samplesReturn()
        try ReturnWorkbook.write(r, to: file)
        let header = "&LSpend return: grants, every fund and every CSP&C&A&RPeriod 2017/18, as of 2018-03-31"
        let footer = "&LOffice of the Police and Crime Commissioner for Lancashire"
            + "&RLedger \(r.header.fingerprint), page &P of &N"
        #expect(r.header.fingerprint.hasPrefix("fnv1a64:"))
        for sheet in Self.sheets {
            let xml = try Support.part("xl/worksheets/\(sheet.part).xml", of: file)
            let found = try #require(Support.headerFooter(in: xml), "\(sheet.name)")
            #expect(found.header == header, "\(sheet.name)")
            #expect(found.footer == footer, "\(sheet.name)")
        }
    }

    /// A funder called "Devon & Cornwall" is printed as such: the `&` is doubled, or Excel would read `& C` as a code.
    @Test func anAmpersandInTheReturnIsPrintedNotReadAsACode() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        let r = try Self.samplesReturn(funderName: "OPCC for Devon & Cornwall", fund: "CSP-2017-18")
        try ReturnWorkbook.write(r, to: file)
        let found = try #require(Support.headerFooter(in: try Support.part("xl/worksheets/sheet1.xml", of: file)))
        #expect(found.footer.hasPrefix("&LOPCC for Devon && Cornwall&RLedger "))
        #expect(found.header == "&LSpend return: grants, fund CSP-2017-18&C&A&RPeriod 2017/18, as of 2018-03-31")
    }

    /// Excel allows 255 characters in a header or footer, codes included, and libxlsxwriter refuses more: a long
    /// funder name is cut, with `…`, and the fingerprint and page number are kept whole.
    @Test(arguments: [
        String(repeating: "Office of the Police, Fire and Crime Commissioner ", count: 8),
        String(repeating: "£", count: 300),
        String(repeating: "&", count: 200),
        String(repeating: "🚓", count: 300),
    ])
    func aLongFunderNameIsCutToExcelsLimit(funderName: String) throws {
        let folder = try TemporaryFolder()
        let file = folder.file("return.xlsx")
        let r = try Self.samplesReturn(funderName: funderName)
        try ReturnWorkbook.write(r, to: file)
        let found = try #require(Support.headerFooter(in: try Support.part("xl/worksheets/sheet2.xml", of: file)))
        let tail = "…&RLedger \(r.header.fingerprint), page &P of &N"
        #expect(found.footer.unicodeScalars.count <= 255)
        #expect(found.footer.hasSuffix(tail), "\(found.footer)")
        // What is left of the name is its beginning, escaped whole (never half of a `&&`).
        let kept = String(found.footer.dropFirst(2).dropLast(tail.count))
        #expect(!kept.isEmpty)
        #expect((1...funderName.count).contains { HeaderFooter.escaped(String(funderName.prefix($0))) == kept }, "\(kept)")
        // Nothing was left over to shorten the header with.
        #expect(found.header.hasPrefix("&LSpend return: grants, every fund and every CSP&C&A&R"))
    }

    @Test func composeCutsTheLongestTextFirstAndEscapesWhatIsKept() {
        let long = String(repeating: "a", count: 300)
        let composed = HeaderFooter.compose([.code("&L"), .text(long), .code("&R"), .text("B & C")])
        #expect(composed.unicodeScalars.count == 255)
        #expect(composed == "&L" + String(repeating: "a", count: 244) + "…&RB && C")
        #expect(HeaderFooter.compose([.code("&L"), .text("line one\nline two\ttab")]) == "&Lline one line two tab")
        #expect(HeaderFooter.compose([.code("&L"), .text("")]) == "&L")
    }

    /// The samples' 2017/18 return with another funder name and scope in its header.
    static func samplesReturn(funderName: String, fund: String? = nil) throws -> SpendReturn {
        let r = try Fixtures.samplesReturn()
        let h = r.header
        let header = SpendReturn.Header(
            funderID: h.funderID, funderName: funderName, period: h.period, fund: fund, csp: h.csp, asOf: h.asOf,
            fingerprint: h.fingerprint)
        return SpendReturn(header: header, lines: r.lines, contributions: r.contributions)
    }
}
