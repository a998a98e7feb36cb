/// Text from the ledger made safe to print on a terminal: a reason, an actor or a title cannot start a new line
/// that looks like another entry, move the cursor, clear the screen or reorder what is shown.
public enum TerminalText {
    /// `text` with every control character shown as an escape: a new line as `\n`, a tab as `\t`, a carriage return
    /// as `\r`, anything else (C0 and C1 controls, DEL, the bidirectional overrides and isolates, the line and
    /// paragraph separators) as `\u{1B}`. Text without them comes back as it was.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Whether a scalar can change what a terminal shows beyond its own glyph.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
