/// Text put into an HTML page: `&`, `<`, `>` and quotes escaped, so a title or a name can never become markup.
public enum HTMLText {
    /// `text` safe in an element's content or an attribute value in double quotes. Escaped a Unicode scalar at a
    /// time, as a browser reads it: a quote followed by a combining mark is one Swift `Character`, and compared as
    /// Characters it would pass unescaped and end the attribute.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
