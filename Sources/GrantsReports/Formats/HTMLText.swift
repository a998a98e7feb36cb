/// Text put into an HTML page: `&`, `<`, `>` and quotes escaped, so a title or a name can never become markup.
public enum HTMLText {
    /// `text` safe in an element's content or an attribute value in double quotes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
