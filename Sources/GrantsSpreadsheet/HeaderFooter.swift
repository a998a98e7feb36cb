import CXlsxWriter
import GrantsCore

/// The header and footer printed on every page of a return workbook, so that a page come loose from the rest still
/// says which return it is, which sheet, which state of the ledger and which page.
///
/// The header has the title on the left, the sheet's name in the centre and the period and as-of day on the right;
/// the footer has the funder on the left and the ledger's fingerprint and the page number on the right. Both are in
/// Excel's codes: `&L`, `&C` and `&R` start the left, centre and right sections, `&A` is the sheet's name, `&P` the
/// page and `&N` the number of pages. Text from the return is escaped (`&` is written `&&`, or it would be read as a
/// code), and shortened with `…` if need be to keep within Excel's limit, which libxlsxwriter enforces by refusing.
struct HeaderFooter: Equatable {
    /// Excel's limit on a header or on a footer, codes included, in characters (libxlsxwriter counts code points).
    static let limit = Int(LXW_HEADER_FOOTER_MAX)

    let header: String
    let footer: String

    init(_ header: SpendReturn.Header, title: String) {
        self.header = Self.compose([
            .code("&L"), .text(title), .code("&C&A&R"),
            .text("Period \(header.period.label), as of \(header.asOf)"),
        ])
        self.footer = Self.compose([
            .code("&L"), .text(header.funderName), .code("&R"), .text("Ledger \(header.fingerprint), page "),
            .code("&P"), .text(" of "), .code("&N"),
        ])
    }

    /// A piece of a header or footer: a code written as it is, or text from the return.
    enum Part: Equatable {
        case code(String)
        case text(String)
    }

    /// The parts written out, the text escaped; while that is over the limit, the longest text is cut by one
    /// character at a time and ends in `…`. A header is one line, so line breaks and tabs in the text become spaces.
    static func compose(_ parts: [Part]) -> String {
        var texts: [Int: [Character]] = [:]
        for (index, part) in parts.enumerated() {
            if case .text(let text) = part { texts[index] = Array(oneLine(text)) }
        }
        var cut: Set<Int> = []
        func written() -> String {
            parts.indices.map { index in
                switch parts[index] {
                case .code(let code): code
                case .text: escaped(String(texts[index] ?? []) + (cut.contains(index) ? "…" : ""))
                }
            }.joined()
        }
        var result = written()
        while result.unicodeScalars.count > limit {
            // The longest text, the first of equals, so the same return always comes out the same.
            guard let longest = texts.keys.sorted().max(by: { (texts[$0]?.count ?? 0) < (texts[$1]?.count ?? 0) }),
                  let characters = texts[longest], !characters.isEmpty
            else { break }
            texts[longest] = Array(characters.dropLast())
            cut.insert(longest)
            result = written()
        }
        return result
    }

    /// `text` with every `&` doubled, so Excel prints it rather than reading a code.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&&")
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
