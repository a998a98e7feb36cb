extension DocNode {
    /// The tree as JSON text, every value a string (or `null`), keys in their order: what `BidFile` reads back to
    /// the same tree, since every reader takes a value from its text whether or not it was quoted.
    public var jsonText: String {
        var text = ""
        write(into: &text)
        return text
    }

    private func write(into text: inout String) {
        switch self {
        case .scalar(let value, let isNull, _):
            if isNull { text += "null" } else { Self.quoted(value, into: &text) }
        case .sequence(let items, _):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                item.write(into: &text)
            }
            text += "]"
        case .mapping(let pairs, _):
            text += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { text += "," }
                Self.quoted(pair.key, into: &text)
                text += ":"
                pair.value.write(into: &text)
            }
            text += "}"
        }
    }

    private static func quoted(_ value: String, into text: inout String) {
        text += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }

    /// The mapping with `key` set to `value` (replaced where it was, else added at the end); any other node as it is.
    public func setting(_ key: String, to value: DocNode) -> DocNode {
        guard case .mapping(var pairs, let line) = self else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            pairs[index].value = value
        } else {
            pairs.append((key, value))
        }
        return .mapping(pairs, line: line)
    }

    /// The value under `key` of a mapping, or nil.
    public subscript(key: String) -> DocNode? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }
}
