/// A plain-text table for terminals: a header, a rule, rows, and numbers aligned right.
public struct TextTable: Sendable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    let columns: [(title: String, alignment: Alignment)]
    var rows: [[String]] = []
    var footers: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { (title: $0.0, alignment: $0.1) }
    }

    /// Adds a row; control characters in its cells are shown as escapes (see `TerminalText`).
    public mutating func add(_ row: [String]) {
        rows.append(row.map(TerminalText.inert))
    }

    /// A row below a rule, such as a total.
    public mutating func addFooter(_ row: [String]) {
        footers.append(row.map(TerminalText.inert))
    }

    public func rendered() -> String {
        var widths = columns.map(\.title.count)
        for row in rows + footers {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        let alignments = columns.map(\.alignment)
        let rule = Self.rule(widths)
        var out = Self.line(columns.map(\.title), widths: widths, alignments: alignments) + "\n" + rule + "\n"
        for row in rows { out += Self.line(row, widths: widths, alignments: alignments) + "\n" }
        if !footers.isEmpty {
            out += rule + "\n"
            for row in footers { out += Self.line(row, widths: widths, alignments: alignments) + "\n" }
        }
        return out
    }

    /// One line of a table whose column widths (in characters) are known, without trailing spaces; for a table
    /// written a row at a time, its widths found in an earlier pass over the rows.
    public static func line(_ cells: [String], widths: [Int], alignments: [Alignment]) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : ""
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            parts.append(alignments[index] == .left ? cell + padding : padding + cell)
        }
        var text = parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The rule under the header, as wide as the columns and the gaps between them.
    public static func rule(_ widths: [Int]) -> String {
        String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
    }
}
