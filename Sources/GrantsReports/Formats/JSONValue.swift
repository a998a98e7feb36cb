/// A JSON value whose objects keep their keys in the order given, so output is byte-for-byte repeatable.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    /// A decimal number's JSON text, such as `2500.05`, made exact beforehand (never from a binary floating point).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered())
    }

    /// Pretty-printed with two-space indents (no final newline).
    public func rendered() -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the value as UTF-8 into `out`, as `rendered()` would at nesting level `indent` (its first line not
    /// indented, its later lines indented for that level): strings are escaped byte by byte.
    public func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): out.append(contentsOf: String(value).utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let value): Self.quote(value, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (index < items.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            for (index, (key, value)) in members.enumerated() {
                Self.pad(indent + 1, into: &out)
                Self.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (index < members.count - 1 ? ",\n" : "\n").utf8)
            }
            Self.pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Two spaces per level.
    static func pad(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<(2 * level) { out.append(0x20) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (\n, \r and \t by name, the rest as
    /// \u00xx), every other byte of the UTF-8 copied as it is.
    static func quote(_ text: String, into out: inout [UInt8]) {
        JSONBytes.string(text, into: &out, namingBackspaceAndFormFeed: false)
    }
}
