/// Writes RFC 4180 CSV: UTF-8, CRLF line ends, fields quoted when they need it, and text that a spreadsheet
/// would run as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) made inert.
public struct CSVWriter: Sendable {
    /// Whether a field holds free text from a person (neutralised) or a value we produced (a number, a date, an id).
    public enum Cell: Sendable {
        case text(String)
        case value(String)
    }

    public private(set) var output = ""

    public init() {}

    /// Appends one record.
    public mutating func row(_ cells: [Cell]) {
        output += cells.map(Self.encode).joined(separator: ",")
        output += "\r\n"
    }

    /// Appends a header or any record of plain values.
    public mutating func row(values: [String]) {
        row(values.map { .value($0) })
    }

    static func encode(_ cell: Cell) -> String {
        var field: String
        switch cell {
        case .text(let text): field = neutralise(text)
        case .value(let value): field = value
        }
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) {
            field = "\"" + field.replacingAll("\"", with: "\"\"") + "\""
        }
        return field
    }

    /// Prefixes a text that a spreadsheet would read as a formula with an apostrophe, so it shows as typed.
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
