/// The one set of rules for the ids and references people give entries (an award's id, a claim's id, a decision
/// reference): a letter or digit, then letters, digits and `- . _ /`, no spaces or control characters, at most 100
/// characters. Every entry point applies them (ledger files, the command line, the web app, and the ledger itself),
/// so an id that would break a return's schema for ever is refused when it is typed.
public enum Identifier {
    /// The longest id accepted, in characters (all of them ASCII).
    public static let maximumLength = 100

    /// What an id must look like, for messages.
    public static let expected =
        "a letter or digit, then letters, digits and - . _ / (no spaces), at most \(maximumLength) characters"

    /// Whether `text` is a well-formed id.
    public static func isValid(_ text: String) -> Bool {
        func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        let bytes = text.utf8
        return bytes.count <= maximumLength && bytes.first.map(isLetterOrDigit) == true
            && bytes.allSatisfy {
                isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
                    || $0 == UInt8(ascii: "/")
            }
    }

    /// Why `text` is not an id, or `nil` when it is one.
    public static func problem(_ text: String) -> String? {
        isValid(text) ? nil : "'\(text)' is not an id; expected \(expected)"
    }
}

/// The rules for free text a person writes into an entry (a title, a reason, a name): no NUL and no control
/// characters, which a return cannot carry and a terminal would act on; a line break only where a field allows
/// several lines.
public enum FreeText {
    /// Why `text` cannot be kept, or `nil` when it can. Tabs are allowed; line breaks only when `multiline`.
    public static func problem(_ text: String, multiline: Bool = false) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: continue
            case 0x0A, 0x0D:
                if multiline { continue }
                return "holds a line break; write it on one line"
            case 0x00:
                return "holds a NUL character, which no return can carry; remove it"
            case 0x01...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF:
                return "holds the control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4)), "
                    + "which no return can carry; remove it"
            default: continue
            }
        }
        return nil
    }
}

extension String {
    /// The text with zeros before it to make `width` characters: `1B` → `001B`.
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
