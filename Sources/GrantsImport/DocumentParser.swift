import GrantsCore
import Yams

/// Parses YAML (and JSON, which YAML reads too) into a node tree with line marks.
enum DocumentParser {
    static func root(of text: String, file: String) throws(ImportError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error, file: file)
        } catch {
            throw ImportError(file: file, line: 0, field: "", "cannot parse the file: \(error)")
        }
        guard let root else {
            throw ImportError(file: file, line: 0, field: "", "the file is empty; expected a mapping starting with format:")
        }
        return root
    }

    private static func describe(_ error: YamlError, file: String) -> ImportError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ImportError(file: file, line: mark.line, field: "", "not valid YAML or JSON: \(detail)")
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
