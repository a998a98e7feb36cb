import Foundation
import GrantsCore
import GrantsSpreadsheet
import GrantsTestSupport
import Testing

@Suite struct ReturnWorkbookTests {
    typealias Support = WorkbookSupport

    /// The sample ledger's 2017/18 return, written once per test into its own folder.
    private func writeSamples(_ folder: TemporaryFolder) throws -> String {
        let file = folder.file("return.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: file)
        return file
    }

    @Test func theSamplesReturnHasItsNamedSheets() throws {
        let folder = try TemporaryFolder()
        let file = try writeSamples(folder)
        let workbook = try Support.part("xl/workbook.xml", of: file)
        let names = workbook.matches(of: /<sheet name="([^"]*)"/).map { String($0.output.1) }
        #expect(names == ["Summary", "Awards", "Contributions", "Budgets", "Payments", "Claims"])
        // Nothing but the workbook is left in the folder: no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.xlsx"])
    }

    @Test func headerRowsAreBoldAndFrozen() throws {
        let folder = try TemporaryFolder()
        let file = try writeSamples(folder)
        for sheet in ["sheet2", "sheet3"] {
            let xml = try Support.part("xl/worksheets/\(sheet).xml", of: file)
            #expect(xml.contains(#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#))
            let a1 = try #require(try Support.cells(sheet, of: file)["A1"])
            #expect(try Support.isBold(style: try #require(a1.style), of: file))
        }
        // The Summary keeps its header block and the totals' header row (row 13) in view, with the level and ID.
        let summary = try Support.part("xl/worksheets/sheet1.xml", of: file)
        #expect(summary.contains(#"<pane xSplit="2" ySplit="13" topLeftCell="C14" activePane="bottomRight" state="frozen"/>"#))
        let header = try #require(try Support.cells("sheet1", of: file)["F13"])
        #expect(header.text == "Awarded")
        #expect(try Support.isBold(style: try #require(header.style), of: file))
        // Columns are sized, not left at the default.
        #expect(summary.contains("<cols>") && summary.contains(#"customWidth="1""#))
    }

    @Test func moneyIsANumberInThePoundsFormat() throws {
        let folder = try TemporaryFolder()
        let file = try writeSamples(folder)
        let awards = try Support.cells("sheet2", of: file)
        let header = ReturnWorkbook.awardColumns
        #expect(header.firstIndex(of: "Awarded") == 21)  // column V
        let row = try #require(Support.row(withText: "AWD-CAF-2017-18-01", in: awards))
        let awarded = try #require(awards["V\(row)"])
        #expect(awarded.type == nil)  // a number, not a string
        #expect(awarded.value == "2500")
        #expect(try Support.numberFormat(style: try #require(awarded.style), of: file) == "£#,##0.00")
        // The award date is a date cell shown as yyyy-mm-dd: 2017-07-24 is serial 42940.
        #expect(header.firstIndex(of: "Award date") == 16)  // column Q
        let date = try #require(awards["Q\(row)"])
        #expect(date.type == nil && date.value == "42940")
        #expect(try Support.numberFormat(style: try #require(date.style), of: file) == "yyyy-mm-dd")
    }

    @Test func summaryTotalsReconcileWithTheLedger() throws {
        let folder = try TemporaryFolder()
        let file = try writeSamples(folder)
        let summary = try Support.cells("sheet1", of: file)
        func text(_ reference: String) -> String? { summary[reference]?.text }
        // Rows 14 on: the totals; find the fund rows and the grand total by their first two columns.
        var fundRows: [String: Int] = [:]
        var allRow: Int?
        for row in 14...40 {
            if text("A\(row)") == "Fund", let key = text("B\(row)") { fundRows[key] = row }
            if text("A\(row)") == "All" { allRow = row }
        }
        let csp = try #require(fundRows["CSP-2017-18"])
        let caf = try #require(fundRows["CAF-2017-18"])
        let all = try #require(allRow)
        // README: CSP pot committed £83,250.00 after the lifecycle file (awarded £88,250.00), paid £47,750.00.
        #expect(summary["F\(csp)"]?.value == "88250")
        #expect(summary["H\(csp)"]?.value == "83250")
        #expect(summary["J\(csp)"]?.value == "47750")
        #expect(summary["F\(caf)"]?.value == "9925")
        #expect(summary["F\(all)"]?.value == "98175")
        #expect(summary["E\(all)"]?.value == "13")
        #expect(try Support.isBold(style: try #require(summary["F\(all)"]?.style), of: file))
    }

    @Test func formulaLikeTextStaysAString() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("formula.xlsx")
        let title = #"=HYPERLINK("http://example.org","click")"#
        try ReturnWorkbook.write(
            try Fixtures.handMadeReturn([(id: "AWD-1", title: title, pence: 250_005)]), to: file)
        let awards = try Support.cells("sheet2", of: file)
        let cell = try #require(awards["C2"])
        #expect(cell.text == title && !cell.hasFormula)
        for sheet in ["sheet1", "sheet2", "sheet3", "sheet4", "sheet5", "sheet6"] {
            #expect(!(try Support.part("xl/worksheets/\(sheet).xml", of: file)).contains("<f"))
        }
        // Pence survive: £2,500.05 is 2500.05 in the cell.
        #expect(awards["V2"]?.value == "2500.05")
    }

    @Test func theSameReturnGivesTheSameBytes() throws {
        let folder = try TemporaryFolder()
        let r = try Fixtures.samplesReturn()
        try ReturnWorkbook.write(r, to: folder.file("a.xlsx"))
        try ReturnWorkbook.write(r, to: folder.file("b.xlsx"))
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.xlsx")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.xlsx")))
        #expect(a == b)
        // No bytes come from the clock, shown without waiting for it to move: the two places libxlsxwriter could put
        // the time are the document's created and modified times, which come from the return's as-of day…
        let core = try Support.part("docProps/core.xml", of: folder.file("a.xlsx"))
        #expect(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2018-03-31T00:00:00Z</dcterms:created>"))
        #expect(core.contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2018-03-31T00:00:00Z</dcterms:modified>"))
        // …and each zip entry's DOS date and time, in its local header and in the central directory, which are the
        // fixed 1980-01-01 00:00:00.
        let stamps = try Support.zipEntryTimes(a)
        #expect(stamps.count == 2 * 14, "\(stamps)")  // 14 parts (text is in the cells: no shared strings), each stamped twice
        #expect(stamps.allSatisfy { $0.date == Support.dosDate1980January1 && $0.time == 0 }, "\(stamps)")
    }

    @Test func aMissingFolderIsAnError() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("no-such-folder/return.xlsx")
        #expect {
            try ReturnWorkbook.write(try Fixtures.handMadeReturn([]), to: file)
        } throws: { error in
            guard case .cannotSave(let path, _) = error as? SpreadsheetError else { return false }
            return path == file
        }
    }

    @Test func aFailedWriteLeavesTheOldFileAlone() throws {
        let folder = try TemporaryFolder()
        let file = try folder.write("return.xlsx", "the previous return")
        let tooLarge = Int64(1_000_000_000_000_000)  // £10,000,000,000,000.00: more digits than a cell holds exactly
        #expect(throws: SpreadsheetError.amountTooLarge(Money(pence: tooLarge))) {
            try ReturnWorkbook.write(try Fixtures.handMadeReturn([(id: "AWD-1", title: "Big", pence: tooLarge)]), to: file)
        }
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "the previous return")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.xlsx"])
    }

    @Test func anEmptyReturnStillWrites() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("empty.xlsx")
        try ReturnWorkbook.write(try Fixtures.handMadeReturn([]), to: file)
        let awards = try Support.cells("sheet2", of: file)
        #expect(awards.keys.allSatisfy { $0.drop(while: \.isLetter) == "1" })  // the header row only
    }
}
