/// Finds what is wrong with a rulebook before any bid is checked against it: arguments a check kind does not
/// take or is missing, parameters that do not exist or have the wrong type, dated values outside the year or out
/// of order, duplicate ids, and unknown placeholders in messages. Findings are values, never thrown.
public enum RulebookLinter {
    /// One thing wrong with a rulebook, with where it is.
    public struct Finding: Hashable, Sendable, CustomStringConvertible {
        /// How bad a finding is.
        public enum Level: String, Hashable, Sendable {
            /// The rulebook is wrong and must be fixed: `grants` refuses to check bids against it.
            case error
            /// The rulebook works, but something in it is probably a mistake, such as a parameter no rule uses.
            case warning
        }

        /// Whether the finding is an error or a warning.
        public let level: Level
        /// The key path of the part at fault, such as `rules[2].parameters.limit`.
        public let path: String
        /// 0 when the line is not known.
        public let line: Int
        /// What is wrong, in words for the rulebook's author.
        public let message: String

        /// The finding on one line, such as `line 12: error: rules[2].id: …`, without the line when it is not known.
        public var description: String {
            "\(line > 0 ? "line \(line): " : "")\(level.rawValue): \(path): \(message)"
        }
    }

    /// Every finding, in the order of the file.
    public static func lint(_ rulebook: Rulebook) -> [Finding] {
        var findings: [Finding] = []
        func add(_ level: Finding.Level, _ path: String, _ message: String) {
            let line = rulebook.lines[path] ?? rulebook.lines[String(path.prefix { $0 != "." })] ?? 0
            findings.append(Finding(level: level, path: path, line: line, message: message))
        }

        var names = Set<String>()
        for parameter in rulebook.parameters {
            let path = "parameters.\(parameter.name)"
            if !names.insert(parameter.name).inserted { add(.error, path, "the parameter is defined twice") }
            if parameter.values.isEmpty { add(.error, path, "has no values") }
            for (index, dated) in parameter.values.enumerated() {
                let valuePath = "\(path).values[\(index)]"
                if dated.value.type != parameter.type {
                    add(.error, valuePath, "is a \(dated.value.type.rawValue), but the parameter is a \(parameter.type.rawValue)")
                }
                if !rulebook.year.contains(dated.from) {
                    add(.error, valuePath, "applies from \(dated.from), outside \(rulebook.year.label)")
                }
                if index > 0, dated.from <= parameter.values[index - 1].from {
                    add(.error, valuePath, "applies from \(dated.from), not after the value before it (\(parameter.values[index - 1].from))")
                }
                if dated.reference.allSatisfy(\.isWhitespace) {
                    add(.error, valuePath, "has no reference to the text it comes from")
                }
            }
            if let first = parameter.values.first, first.from > rulebook.year.firstDay {
                add(.warning, "\(path).values[0]", "the first value applies from \(first.from): bids submitted earlier will be unknown")
            }
        }

        var ids = Set<String>()
        var used = Set<String>()
        for (index, rule) in rulebook.rules.enumerated() {
            let path = "rules[\(index)]"
            if !ids.insert(rule.id).inserted { add(.error, "\(path).id", "the rule id \(rule.id) is used twice") }
            let specs = rule.check.arguments
            for name in rule.arguments.keys.sorted() where !specs.contains(where: { $0.name == name }) {
                let known = specs.map(\.name).joined(separator: ", ")
                add(.error, "\(path).parameters.\(name)",
                    "\(rule.check.rawValue) takes no parameter \(name); it takes \(known.isEmpty ? "none" : known)")
            }
            for spec in specs {
                let argumentPath = "\(path).parameters.\(spec.name)"
                guard let value = rule.arguments[spec.name] else {
                    if spec.required { add(.error, argumentPath, "\(rule.check.rawValue) needs the parameter \(spec.name)") }
                    continue
                }
                switch spec.kind {
                case .choice(let choices):
                    if !choices.contains(value) {
                        add(.error, argumentPath, "'\(value)' is not one of \(choices.joined(separator: ", "))")
                    }
                case .parameter(let type):
                    used.insert(value)
                    guard let parameter = rulebook.parameter(value) else {
                        add(.error, argumentPath, "names \(value), which is not a parameter of this rulebook")
                        continue
                    }
                    if parameter.type != type {
                        add(.error, argumentPath, "names \(value), a \(parameter.type.rawValue); expected a \(type.rawValue)")
                    }
                }
            }
            for placeholder in rule.messages.unknownPlaceholders {
                add(.error, "\(path).message", "{\(placeholder)} is not a placeholder; use {found}, {limit} or {detail}")
            }
        }
        for parameter in rulebook.parameters where !used.contains(parameter.name) {
            add(.warning, "parameters.\(parameter.name)", "no rule uses this parameter")
        }
        return findings
    }
}
