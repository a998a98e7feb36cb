import GrantsCore
import Yams

/// Parses YAML or JSON into a `DocNode` tree with the line of every value.
package enum DocumentParser {
    /// Parses `text`: as JSON when `file` ends in `.json`, as YAML otherwise.
    package static func root(of text: String, file: String) throws(ImportError) -> DocNode {
        if file.lowercased().hasSuffix(".json") {
            return try JSONParser.parse(Array(text.utf8), file: file)
        }
        return try yaml(text, file: file)
    }

    static func yaml(_ text: String, file: String) throws(ImportError) -> DocNode {
        if let line = aliasKeyLine(in: text) {
            throw ImportError(
                file: file, line: line, field: "",
                "anchors and aliases (&name, *name, <<) are not accepted; write the value out in full")
        }
        let parser: Parser
        let root: Node?
        do {
            parser = try Parser(yaml: text)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            throw describe(error, file: file, lineCount: lineCount(text))
        } catch {
            throw ImportError(file: file, line: 0, field: "", "cannot parse the file: \(error)")
        }
        guard let root else {
            throw ImportError(file: file, line: 0, field: "", "the file is empty; expected a mapping starting with format:")
        }
        // libyaml places a value it finds at the very end (the empty document `---`) on the line after the last:
        // such a value is on the last line.
        let lastLine = lineCount(text)
        // Yams replaces each alias by the node it names, and a node's anchor is held only while the parser
        // lives: so look for anchors now. They are refused because a ledger entry must say what it means where
        // it stands, and aliases are how small files grow into huge ones.
        return try withExtendedLifetime(parser) { () throws(ImportError) -> DocNode in
            try convert(root, path: "", file: file, lastLine: lastLine)
        }
    }

    /// The line of the first alias (`*name`) used as a mapping's key, found before the YAML library builds its
    /// tree. The library resolves every alias as it builds and checks a mapping's keys for duplicates by hashing
    /// them whole, so ten lines of aliases of aliases, the last used as a key, would have it hash a billion nodes
    /// for a file of a few hundred bytes. The tree walk refuses anchors and aliases anyway, naming the field; an
    /// alias as a key is refused here, before the library can be made to work. A scan of the text, conservative:
    /// an alias-like key inside quoted text is refused too (no real bid or ledger file has one).
    package static func aliasKeyLine(in text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        func isBreak(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D }
        func isFlowIndicator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            // An alias starts a token: at the start of the text, or after a space, a line break, a flow indicator
            // or a colon; its name runs to the next space, line break or flow indicator.
            guard byte == UInt8(ascii: "*"),
                  index == 0 || isSpace(bytes[index - 1]) || isBreak(bytes[index - 1])
                    || isFlowIndicator(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: ":")
            else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count && !isSpace(bytes[end]) && !isBreak(bytes[end]) && !isFlowIndicator(bytes[end]) {
                end += 1
            }
            // A key: the name ends in a colon (`*a:`), or a colon follows on the line (`*a : 1`), or an explicit
            // key's `?` comes before it (`? *a`).
            var after = end
            while after < bytes.count && isSpace(bytes[after]) { after += 1 }
            var before = index - 1
            while before >= 0 && isSpace(bytes[before]) { before -= 1 }
            if end > index + 1
                && (bytes[end - 1] == UInt8(ascii: ":") || (after < bytes.count && bytes[after] == UInt8(ascii: ":"))
                    || (before >= 0 && bytes[before] == UInt8(ascii: "?")))
            {
                return line
            }
            index = end
        }
        return nil
    }

    /// The number of lines as libyaml counts them (a line ends at LF, CR, CR LF, NEL, LS or PS), not counting
    /// the empty one after a final line break.
    private static func lineCount(_ text: String) -> Int {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        var count = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if breaks.contains(scalar) && !(scalar == "\n" && previous == "\r") { count += 1 }
            previous = scalar
        }
        let endsWithBreak = previous.map(breaks.contains) ?? true  // an empty text has no lines
        return endsWithBreak ? count : count + 1
    }

    /// Converts Yams's tree, refusing anchors and aliases on the way.
    private static func convert(_ node: Node, path: String, file: String, lastLine: Int) throws(ImportError) -> DocNode {
        let anchored: Bool
        switch node {
        case .scalar(let scalar): anchored = scalar.anchor != nil
        case .mapping(let mapping): anchored = mapping.anchor != nil
        case .sequence(let sequence): anchored = sequence.anchor != nil
        case .alias: anchored = true
        }
        let line = min(node.mark?.line ?? 0, lastLine)
        if anchored {
            throw ImportError(
                file: file, line: line, field: path,
                "anchors and aliases (&name, *name, <<) are not accepted; write the value out in full")
        }
        switch node {
        case .scalar(let scalar):
            let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            return .scalar(scalar.string, isNull: isNull, line: line)
        case .mapping(let mapping):
            var members: [(key: String, value: DocNode)] = []
            members.reserveCapacity(mapping.count)
            var seen = Set<String>()
            for (key, value) in mapping {
                guard case .scalar(let name) = key, name.anchor == nil else {
                    throw ImportError(
                        file: file, line: key.mark.map { min($0.line, lastLine) } ?? line, field: path,
                        "a key must be plain text")
                }
                let childPath = path.isEmpty ? name.string : "\(path).\(name.string)"
                // Yams refuses a key given twice only when both have the same tag (`!a key:` and `!b key:` differ).
                guard seen.insert(name.string).inserted else {
                    throw ImportError(
                        file: file, line: key.mark.map { min($0.line, lastLine) } ?? line, field: childPath,
                        "the key is given twice")
                }
                members.append((name.string, try convert(value, path: childPath, file: file, lastLine: lastLine)))
            }
            return .mapping(members, line: line)
        case .sequence(let sequence):
            var items: [DocNode] = []
            for (index, item) in sequence.enumerated() {
                items.append(try convert(item, path: "\(path)[\(index)]", file: file, lastLine: lastLine))
            }
            return .sequence(items, line: line)
        case .alias:
            throw ImportError(file: file, line: line, field: path, "anchors and aliases are not accepted")
        }
    }

    private static func describe(_ error: YamlError, file: String, lineCount: Int) -> ImportError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // libyaml may place the end of the file on the line after the last: never name a line past the end.
            guard let context else {
                return ImportError(
                    file: file, line: min(mark.line, lineCount), field: "", "not valid YAML or JSON: \(problem)")
            }
            // An unclosed bracket is often noticed past the end of the file: then point at where it opened, or at
            // the last line when that is past the end too (a value still expected when the file ends).
            let contextLine = min(context.mark.line, lineCount)
            let line = mark.line > lineCount ? contextLine : mark.line
            return ImportError(
                file: file, line: line, field: "",
                "not valid YAML or JSON: \(problem) (\(context.text) at line \(contextLine))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ImportError(
                file: file, line: context.mark.line, field: "",
                "a key is given twice in one mapping: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, _, _, _):
            return ImportError(file: file, line: 0, field: "", "not readable text: \(problem)")
        default:
            return ImportError(file: file, line: 0, field: "", "not valid YAML or JSON: \(error)")
        }
    }
}
