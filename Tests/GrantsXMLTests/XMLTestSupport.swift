import CLibXML2
import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import GrantsXML
import Testing

let year2017 = FinancialYear(startYear: 2017)!

/// The whole-year 2017/18 return of the sample ledger.
func sampleReturn() throws -> SpendReturn { try Fixtures.samplesReturn(reason: "samples") }

/// The golden files in Tests/GrantsXMLTests/Golden, found from this source file (so no resources entry is needed).
let goldenFiles = GoldenFiles()

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// The 1-based number of the first line that contains `needle`, after line `after`.
func lineNumber(of needle: String, in document: String, after: Int = 0) -> Int? {
    let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.indices.first { $0 + 1 > after && lines[$0].contains(needle) }.map { $0 + 1 }
}

/// A read-only element tree of a document we wrote ourselves, parsed back with libxml2 (no DTD, no network),
/// to check values after escaping.
struct Element: Equatable {
    let name: String
    let text: String
    let children: [Element]

    static func parse(_ bytes: [UInt8]) throws -> Element {
        let options = Int32(XML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), "return.xml", "UTF-8", options)
            }
        }
        let parsed = try #require(document, "the document does not parse")
        defer { xmlFreeDoc(parsed) }
        let root = try #require(xmlDocGetRootElement(parsed))
        return Element(root)
    }

    private init(_ node: xmlNodePtr) {
        name = String(cString: node.pointee.name)
        var children: [Element] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { children.append(Element(current)) }
            child = current.pointee.next
        }
        self.children = children
        if children.isEmpty, let content = xmlNodeGetContent(node) {
            text = String(cString: content)
            grants_xml_free(content)
        } else {
            text = ""
        }
    }

    /// The children named `name`.
    func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

    /// The first child at the path, such as `header/period/label`.
    func first(_ path: String) -> Element? {
        var current: Element? = self
        for step in path.split(separator: "/") {
            current = current?.children.first { $0.name == step }
        }
        return current
    }

    /// The text of the first child at the path.
    func value(_ path: String) -> String? { first(path)?.text }
}

/// Hand-made return values, for the cases the sample ledger does not hold.
enum Made {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }
    static func money(_ text: String) -> Money { try! Money(parsing: text) }

    static func header(period: SpendReturn.Period = .init(year: year2017)) -> SpendReturn.Header {
        SpendReturn.Header(
            funderID: "360G-Test-OPCC", funderName: "Office of the Police and Crime Commissioner (test)",
            period: period, fund: nil, csp: nil, asOf: period.days.upperBound, fingerprint: "fnv1a64:0000000000000000/0")
    }

    static func line(
        _ id: String, title: String = "Youth diversionary project", recipientName: String = "Leyland Youth Club",
        awarded: String = "2500.00", paid: String = "1000.00", fund: String = "CAF-2017-18"
    ) -> SpendReturn.AwardLine {
        let awardedMoney = money(awarded)
        let paidMoney = money(paid)
        return SpendReturn.AwardLine(
            awardID: id, decision: "2017/81", title: title, recipientID: "360G-Test-ORG-0001",
            recipientName: recipientName, charityNumber: nil, companyNumber: nil, cspID: nil, cspName: nil,
            cspLocationCode: nil, fundID: fund, fundName: "Community Action Fund 2017/18",
            scheme: .communityActionFund, priorities: ["reoffending"], awardDate: day("2017-07-03"),
            plannedStart: day("2017-07-10"), plannedEnd: day("2018-03-31"), state: .claiming, awarded: awardedMoney,
            released: .zero, paidInPeriod: paidMoney, paidToDate: paidMoney,
            outstanding: Money(pence: awardedMoney.pence - paidMoney.pence), returned: .zero)
    }

    static func spendReturn(_ lines: [SpendReturn.AwardLine]) -> SpendReturn {
        SpendReturn(header: header(), lines: lines, contributions: [])
    }
}
