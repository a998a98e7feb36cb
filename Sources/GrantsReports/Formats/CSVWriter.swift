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
        var bytes: [UInt8] = []
        Self.row(cells, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    public mutating func row(values: [String]) {
        row(values.map { .value($0) })
    }

    /// Appends one row, its cells encoded and separated by commas and ended by CRLF, to `out`.
    public static func row(_ cells: [Cell], into out: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            encode(cell, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends one row of plain values (no formula guard) to `out`.
    public static func row(values: [String], into out: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            field(value, into: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// Appends a cell to `out`: text made inert first (see `neutralise`), then quoted if it holds a comma, a quote,
    /// a carriage return or a line feed, each checked byte by byte (so a CRLF inside a field is quoted too).
    static func encode(_ cell: Cell, into out: inout [UInt8]) {
        switch cell {
        case .text(let text):
            if let first = text.utf8.first, Self.formulaStarts.contains(first) {
                var guarded = "'"
                guarded += text
                field(guarded, into: &out)
            } else {
                field(text, into: &out)
            }
        case .value(let value):
            field(value, into: &out)
        }
    }

    /// The first bytes that make a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, tab and carriage return.
    private static let formulaStarts: [UInt8] = [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D]

    /// Appends `text` as one RFC 4180 field, quoted only when it needs to be.
    static func field(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var needsQuotes = false
            for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0D || byte == 0x0A {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(0x22)
            for byte in bytes {
                out.append(byte)
                if byte == 0x22 { out.append(0x22) }
            }
            out.append(0x22)
        }
    }

    /// Prefixes a text that a spreadsheet would read as a formula with an apostrophe, so it shows as typed.
    public static func neutralise(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }
}
