import GrantsCore
import Yams

/// Parses YAML (and JSON, which YAML reads too) into a node tree with line marks.
enum DocumentParser {
    static func root(of text: String, file: String) throws(ImportError) -> Node {
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
        // Yams replaces each alias by the node it names, and a node's anchor is held only while the parser
        // lives: so look for anchors now. They are refused because a ledger entry must say what it means where
        // it stands, and aliases are how small files grow into huge ones.
        try withExtendedLifetime(parser) { () throws(ImportError) in
            try refuseAnchors(in: root, path: "", file: file)
        }
        return root
    }

    /// The number of lines, not counting the empty one after a final newline.
    private static func lineCount(_ text: String) -> Int {
        var count = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") { count += 1 }
        return text.utf8.last == UInt8(ascii: "\n") || text.isEmpty ? count : count + 1
    }

    private static func refuseAnchors(in node: Node, path: String, file: String) throws(ImportError) {
        let anchored: Bool
        switch node {
        case .scalar(let scalar): anchored = scalar.anchor != nil
        case .mapping(let mapping): anchored = mapping.anchor != nil
        case .sequence(let sequence): anchored = sequence.anchor != nil
        case .alias: anchored = true
        }
        if anchored {
            throw ImportError(
                file: file, line: node.mark?.line ?? 0, field: path,
                "anchors and aliases (&name, *name, <<) are not accepted; write the value out in full")
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                try refuseAnchors(in: key, path: path, file: file)
                let name = key.scalar?.string ?? "?"
                try refuseAnchors(in: value, path: path.isEmpty ? name : "\(path).\(name)", file: file)
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                try refuseAnchors(in: item, path: "\(path)[\(index)]", file: file)
            }
        default:
            break
        }
    }

    private static func describe(_ error: YamlError, file: String, lineCount: Int) -> ImportError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            guard let context else {
                return ImportError(file: file, line: mark.line, field: "", "not valid YAML or JSON: \(problem)")
            }
            // An unclosed bracket is often noticed past the end of the file: then point at where it opened.
            let line = mark.line > lineCount ? context.mark.line : mark.line
            return ImportError(
                file: file, line: line, field: "",
                "not valid YAML or JSON: \(problem) (\(context.text) at line \(context.mark.line))")
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
