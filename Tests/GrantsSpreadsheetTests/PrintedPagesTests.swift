import Foundation
import GrantsTestSupport
import Testing
import GrantsSpreadsheet

/// The return workbook printed for real: converted to PDF by LibreOffice, its pages counted with pdfinfo and read
/// with pdftotext. LibreOffice prints every sheet into one PDF; each page's header names its sheet (`&A`), which is
/// how a page is told to be the Summary's.
@Suite struct PrintedPagesTests {
    @Test(.enabled(if: PrintToPDF.isAvailable || PrintToPDF.isRequired, Comment(rawValue: PrintToPDF.whyDisabled)))
    func theSamplesSummaryPrintsOnOnePage() throws {
        let folder = try TemporaryFolder()
        let workbook = folder.file("return.xlsx")
        try ReturnWorkbook.write(try Fixtures.samplesReturn(), to: workbook)
        let pdf = try PrintToPDF.convert(workbook, in: folder)
        let pages = try PrintToPDF.pages(of: pdf, in: folder)
        let texts = try (1...pages).map { try PrintToPDF.text(ofPage: $0, of: pdf, in: folder) }
        let sheets = texts.map(Self.sheet(headedBy:))
        #expect(!sheets.contains(nil), "a page without its sheet's name in its header: \(texts)")
        // The sheets print in order, the Summary on the first page and on no other.
        let names = ReturnWorkbook.sheets
        let order = sheets.compactMap { $0.flatMap { names.firstIndex(of: $0) } }
        #expect(order == order.sorted(), "pages by sheet: \(sheets)")
        #expect(sheets.filter { $0 == ReturnWorkbook.summarySheet }.count == 1, "pages by sheet: \(sheets)")
        #expect(sheets.first == ReturnWorkbook.summarySheet)
        // One page wide: each CSP's name is on the same printed line as its money, and the total line is whole.
        let summary = try #require(texts.first).split(separator: "\n")
        #expect(summary.contains { $0.contains("Blackpool Community Safety Partnership") && $0.contains("£40,000.00") })
        #expect(summary.contains { $0.contains("Every award line") && $0.contains("£98,175.00") })
        // The footer's page number and the ledger's fingerprint are printed.
        #expect(summary.contains { $0.contains("Ledger fnv1a64:") && $0.contains("page 1 of \(pages)") })
    }

    /// The sheet named in a page's header (its first printed line), if any.
    static func sheet(headedBy page: String) -> String? {
        guard let header = page.split(separator: "\n").first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        let words = header.split(whereSeparator: \.isWhitespace).map(String.init)
        return ReturnWorkbook.sheets.first { words.contains($0) }
    }
}
