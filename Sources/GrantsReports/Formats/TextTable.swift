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
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: widths[index] - cell.count)
                parts.append(column.alignment == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        var out = line(columns.map(\.title)) + "\n" + rule + "\n"
        for row in rows { out += line(row) + "\n" }
        if !footers.isEmpty {
            out += rule + "\n"
            for row in footers { out += line(row) + "\n" }
        }
        return out
    }
}
