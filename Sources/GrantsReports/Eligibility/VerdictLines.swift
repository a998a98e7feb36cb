import GrantsCore
import GrantsRules

extension EligibilityRenderer {
    /// One bid's verdict as a line of JSON: `{"id":…,"outcome":…,"failed":[…]}`, the failed rules as
    /// `Eligibility.failedRules` lists them (blocking first, then warnings).
    public static func verdictLine(_ verdict: Eligibility, into output: inout [UInt8]) {
        output.append(contentsOf: #"{"id":"#.utf8)
        JSONBytes.string(verdict.bidID, into: &output)
        output.append(contentsOf: #","outcome":""#.utf8)
        output.append(contentsOf: verdict.outcome.rawValue.utf8)
        output.append(contentsOf: #"","failed":["#.utf8)
        for (position, rule) in verdict.failedRules.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            JSONBytes.string(rule, into: &output)
        }
        output.append(contentsOf: "]}\n".utf8)
    }

    /// Every verdict as a line of JSON (see `verdictLine`).
    public static func verdictLines(_ verdicts: [Eligibility]) -> String {
        var output: [UInt8] = []
        for verdict in verdicts { verdictLine(verdict, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }
}

/// JSON text written straight as UTF-8 bytes: a string's quotes, backslashes and control characters escaped, every
/// other byte copied (RFC 8259; the same bytes as Python's `json.dumps(…, ensure_ascii=False)`).
public enum JSONBytes {
    private static let hex = Array("0123456789abcdef".utf8)

    /// `namingBackspaceAndFormFeed: false` writes them as `\u0008` and `\u000c`, as the reports always have.
    public static func string(_ text: String, into output: inout [UInt8], namingBackspaceAndFormFeed: Bool = true) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escape: copied in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08 where namingBackspaceAndFormFeed: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C where namingBackspaceAndFormFeed: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
