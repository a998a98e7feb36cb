import Foundation
import GrantsCore
import GrantsStore
import GrantsTestSupport
import GrantsXML
import Testing

@Suite("Writing a spend return as XML")
struct WriterTests {
    @Test("the sample 2017/18 return is written and is valid against the shipped schema")
    func sampleReturnValidates() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("return-2017-18.xml")
        let r = try sampleReturn()
        #expect(r.lines.count == 13)
        try ReturnXMLWriter.write(r, to: path)
        #expect(try ReturnValidator.validate(file: path) == .valid)
        let root = try Element.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(root.name == "return")
        #expect(root.first("awards")?.all("award").count == 13)
        #expect(root.value("header/period/label") == "2017/18")
        #expect(root.value("header/period/financialYear") == "2017/18")
        #expect(root.value("header/asOf") == "2018-03-31")
        #expect(root.first("header/scope/allFunds") != nil)
        #expect(root.first("header/scope/allCSPs") != nil)
        #expect(root.value("header/fingerprint") == r.header.fingerprint)
        #expect(root.first("contributions")?.all("contribution").count == r.contributions.count)
    }

    @Test("the sample return matches its golden file byte for byte")
    func golden() throws {
        try goldenFiles.check(try ReturnXMLWriter.data(try sampleReturn()), against: "return-2017-18.xml")
    }

    @Test("the same return gives the same bytes, in a file or in memory, every time")
    func deterministic() throws {
        let folder = try TemporaryFolder()
        let r = try sampleReturn()
        try ReturnXMLWriter.write(r, to: folder.file("a.xml"))
        try ReturnXMLWriter.write(try sampleReturn(), to: folder.file("b.xml"))
        let a = try Data(contentsOf: URL(fileURLWithPath: folder.file("a.xml")))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder.file("b.xml")))
        #expect(a == b)
        #expect(Array(a) == (try ReturnXMLWriter.data(r)))
        #expect(try ReturnXMLWriter.data(r) == (try ReturnXMLWriter.data(r)))
        #expect(text(Array(a)).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<return xmlns=\"urn:lancashire-opcc:grants:return:1\">\n  <header>\n"))
    }

    @Test("the fund totals equal the ledger's status, committed and paid, to the penny")
    func totalsReconcileWithStatus() throws {
        let ledger = try Fixtures.sampleLedger(reason: "samples")
        let root = try Element.parse(try ReturnXMLWriter.data(try ledger.spendReturn(period: .init(year: year2017))))
        let status = try ledger.status(.init(year: year2017))
        let fundTotals = try #require(root.first("totals")).all("fundTotal")
        // Every fund of the status has its total, the IDVA fund (no awards) with zeros.
        #expect(fundTotals.count == 3)
        #expect(status.funds.count == 3)
        for fund in status.funds {
            let total = try #require(fundTotals.first { $0.value("fund") == fund.fundID }, "\(fund.fundID)")
            #expect(total.value("committed") == fund.committed.plain, "committed of \(fund.fundID)")
            #expect(total.value("paidToDate") == fund.paid.plain, "paid of \(fund.fundID)")
            #expect(total.value("returned") == fund.returned.plain, "returned of \(fund.fundID)")
        }
        #expect(fundTotals.first { $0.value("fund") == "IDVA-2017-18" }?.value("awards") == "0")
        #expect(fundTotals.first { $0.value("fund") == "CSP-2017-18" }?.value("committed") == "83250.00")
        #expect(fundTotals.first { $0.value("fund") == "CSP-2017-18" }?.value("paidToDate") == "47750.00")
        #expect(fundTotals.first { $0.value("fund") == "CAF-2017-18" }?.value("committed") == "9925.00")

        // Per CSP too: every CSP line of the status with awards has its total.
        let cspTotals = try #require(root.first("totals")).all("cspTotal")
        for csp in status.csps where csp.committed != .zero || csp.paid != .zero {
            let total = cspTotals.first { $0.value("csp") == csp.csp?.rawValue && $0.value("fund") == csp.fundID }
            #expect(total?.value("committed") == csp.committed.plain, "committed of \(csp.cspName ?? "")")
            #expect(total?.value("paidToDate") == csp.paid.plain, "paid of \(csp.cspName ?? "")")
        }
        // And the award lines add up to their fund's total.
        for total in fundTotals {
            let awards = try #require(root.first("awards")).all("award").filter { $0.value("fund/id") == total.value("fund") }
            let committed = try Money.sum(awards.map { try Money(parsing: $0.value("committed") ?? "") })
            #expect(committed.plain == total.value("committed"))
            #expect(String(awards.count) == total.value("awards"))
        }
    }

    @Test("quarter, year-to-date and scoped returns are valid too")
    func otherPeriodsAndScopes() throws {
        let ledger = try Fixtures.sampleLedger(reason: "samples")
        let folder = try TemporaryFolder()
        let southRibble = try OrganisationID(parsing: "360G-LancashirePCC-CSP-SOUTH-RIBBLE")
        let returns: [(String, SpendReturn)] = [
            ("q2", try ledger.spendReturn(period: .init(year: year2017, quarter: .q2))),
            ("ytd", try ledger.spendReturn(period: .init(year: year2017, asOf: Made.day("2017-12-31")))),
            ("fund", try ledger.spendReturn(period: .init(year: year2017), fund: "CSP-2017-18")),
            ("csp", try ledger.spendReturn(period: .init(year: year2017), csp: southRibble)),
            ("empty", try ledger.spendReturn(period: .init(year: FinancialYear(startYear: 2030)!))),
        ]
        for (name, r) in returns {
            let path = folder.file("\(name).xml")
            try ReturnXMLWriter.write(r, to: path)
            #expect(try ReturnValidator.validate(file: path) == .valid, "\(name)")
        }
        let q2 = try Element.parse(try ReturnXMLWriter.data(returns[0].1))
        #expect(q2.value("header/period/label") == "2017/18 Q2")
        #expect(q2.value("header/period/quarter") == "Q2")
        #expect(q2.value("header/period/firstDay") == "2017-07-01")
        #expect(q2.value("header/period/lastDay") == "2017-09-30")
        let ytd = try Element.parse(try ReturnXMLWriter.data(returns[1].1))
        #expect(ytd.value("header/period/asOf") == "2017-12-31")
        #expect(ytd.value("header/asOf") == "2017-12-31")
        let csp = try Element.parse(try ReturnXMLWriter.data(returns[3].1))
        #expect(csp.value("header/scope/csp") == southRibble.rawValue)
        #expect(csp.first("header/scope/allFunds") != nil)
        #expect(csp.first("awards")?.all("award").count == 3)
        let empty = try Element.parse(try ReturnXMLWriter.data(returns[4].1))
        #expect(empty.first("header/funder") == nil)
        #expect(empty.first("awards")?.children.isEmpty == true)
    }

    @Test("& < > quotes and a leading = are escaped by libxml2 and read back exactly")
    func escapingRoundTrips() throws {
        let awkward = "Tom & Jerry's <b>bold</b> \"quoted\" ]]> a > b; café £10,000.00 — done"
        let formula = "=HYPERLINK(\"http://example.invalid/\",\"click\")"
        let carriage = "two\r\nlines\tand a tab"
        let r = Made.spendReturn([
            Made.line("AWD-1", title: awkward, recipientName: "Smith & Sons <Ltd>"),
            Made.line("AWD-2", title: formula, recipientName: "@group +plus -minus"),
            Made.line("AWD-3", title: carriage),
        ])
        let bytes = try ReturnXMLWriter.data(r)
        let document = text(bytes)
        #expect(document.contains("<title>Tom &amp; Jerry's &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot; ]]&gt; a &gt; b; café £10,000.00 — done</title>"))
        #expect(document.contains("<name>Smith &amp; Sons &lt;Ltd&gt;</name>"))
        #expect(document.contains("<title>=HYPERLINK(&quot;http://example.invalid/&quot;,&quot;click&quot;)</title>"))
        #expect(document.contains("&#13;"))
        let awards = try #require(try Element.parse(bytes).first("awards")).all("award")
        #expect(awards.map { $0.value("title") } == [awkward, formula, carriage])
        #expect(awards.map { $0.value("recipient/name") } == ["Smith & Sons <Ltd>", "@group +plus -minus", "Leyland Youth Club"])

        let folder = try TemporaryFolder()
        let path = folder.file("escaped.xml")
        try ReturnXMLWriter.write(r, to: path)
        #expect(try ReturnValidator.validate(file: path) == .valid)
    }

    @Test("a control character XML cannot carry is refused, and nothing is left behind")
    func controlCharacterRefused() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("return.xml", "the old return\n")
        let r = Made.spendReturn([Made.line("AWD-1"), Made.line("AWD-2", title: "bell\u{07}here")])
        let error = try #require(throws: XMLReturnError.self) { try ReturnXMLWriter.write(r, to: path) }
        #expect(error.code == .unrepresentableText)
        #expect(error.isDataError)
        #expect(error.message.contains("AWD-2"))
        #expect(error.message.contains("U+0007"))
        #expect(throws: XMLReturnError.self) { try ReturnXMLWriter.data(Made.spendReturn([Made.line("X", title: "\u{FFFF}")])) }
        // The old file is untouched and no temporary file remains.
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "the old return\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.xml"])
    }

    @Test("an existing return is replaced whole")
    func replacesExisting() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("return.xml", String(repeating: "old content that is longer than the new\n", count: 10_000))
        let r = Made.spendReturn([Made.line("AWD-1")])
        try ReturnXMLWriter.write(r, to: path)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == (try ReturnXMLWriter.data(r)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["return.xml"])
    }

    @Test("a folder that does not exist and a full disk are errors, not half-written returns")
    func outputErrors() throws {
        let folder = try TemporaryFolder()
        let missing = try #require(throws: XMLReturnError.self) {
            try ReturnXMLWriter.write(Made.spendReturn([]), to: folder.file("no-such-folder/return.xml"))
        }
        #expect(missing.code == .cannotCreate)
        #expect(!missing.isDataError)
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let lines = (0..<2_000).lazy.map { Made.line("AWD-\($0)") }
            let full = try #require(throws: XMLReturnError.self) {
                try ReturnXMLWriter.write(header: Made.header(), lines: lines, totals: [], contributions: [], to: "/dev/full")
            }
            #expect(full.code == .writeFailed)
            #expect(full.message.contains("No space left on device"), "\(full.message)")
        }
    }

    @Test("award lines stream to the file from a sequence, one at a time")
    func streams() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("big.xml")
        let count = 5_000
        // Sizes of whatever is in the folder (the file being written), seen while the sequence is consumed.
        let seen = SizeLog()
        let lines = (0..<count).lazy.map { index -> SpendReturn.AwardLine in
            if index == count / 2 { seen.sizes.append(Self.bytesIn(folder.path)) }
            return Made.line(String(format: "AWD-%07d", index))
        }
        let totals = try Made.spendReturn((0..<count).map { Made.line(String(format: "AWD-%07d", $0)) }).totals()
        try ReturnXMLWriter.write(header: Made.header(), lines: lines, totals: totals, contributions: [], to: path)
        // Half-way through, libxml2 had already written well over half a megabyte to disk.
        #expect(seen.sizes.count == 1)
        #expect((seen.sizes.first ?? 0) > 500_000)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 2 * (seen.sizes.first ?? 0) - 100_000)
        #expect(try ReturnValidator.validate(file: path) == .valid)
    }

    final class SizeLog: @unchecked Sendable {
        var sizes: [Int] = []
    }

    static func bytesIn(_ folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.reduce(0) { sum, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            return sum + ((attributes?[.size] as? Int) ?? 0)
        }
    }
}
