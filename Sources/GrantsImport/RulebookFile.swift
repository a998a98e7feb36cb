import Foundation
import GrantsCore
import GrantsRules

/// Reads rulebooks (`format: grants-rulebook/1`) and the test cases kept beside them
/// (`format: grants-rulebook-tests/1`).
public enum RulebookFile {
    public static let format = "grants-rulebook/1"
    public static let testsFormat = "grants-rulebook-tests/1"

    /// Reads a rulebook; `source` names it in reports (the path by default).
    public static func read(file: String, source: String? = nil) throws(ImportError) -> Rulebook {
        try parse(try SourceFile.text(of: file), file: file, source: source)
    }

    public static func parse(_ text: String, file: String, source: String? = nil) throws(ImportError) -> Rulebook {
        var r = try FieldReader.document(text, file: file, format: Self.format)
        let scheme = try r.choice("scheme", of: Scheme.self)
        let year = try r.year("financial_year")
        let title = try r.text("title")
        var lines: [String: Int] = [:]

        var parameters: [Parameter] = []
        guard let parameterNode = r.take("parameters"), case .mapping(let members, _) = parameterNode else {
            throw r.error("parameters", "is missing; expected a mapping of named parameters")
        }
        for (name, node) in members {
            let path = "parameters.\(name)"
            lines[path] = node.line
            var p = try FieldReader(file: file, path: path, node: node)
            let type = try p.choice("type", of: ParameterType.self)
            let description = try p.text("description")
            var values: [DatedValue] = []
            for (index, var v) in (try p.optionalRecords("values") ?? []).enumerated() {
                lines["\(path).values[\(index)]"] = v.line
                let from = try v.day("from")
                let value = try parameterValue(&v, type: type)
                let reference = try v.text("reference", expected: "the published text this value comes from")
                try v.finish()
                values.append(DatedValue(from: from, value: value, reference: reference))
            }
            try p.finish()
            parameters.append(Parameter(name: name, type: type, description: description, values: values))
        }

        var rules: [Rule] = []
        for (index, var rr) in (try r.optionalRecords("rules") ?? []).enumerated() {
            lines["rules[\(index)]"] = rr.line
            let id = try rr.identifier("id")
            let check = try rr.choice("check", of: CheckKind.self)
            let severity = try rr.choice("severity", of: Severity.self)
            var arguments: [String: String] = [:]
            if let node = rr.take("parameters"), !node.isNull {
                guard case .mapping(let pairs, _) = node else {
                    throw rr.error("parameters", "expected a mapping of the check's parameters")
                }
                for (name, value) in pairs {
                    guard case .scalar(let text, false, _) = value else {
                        throw ImportError(
                            file: file, line: value.line, field: "rules[\(index)].parameters.\(name)",
                            "expected a parameter name or a word")
                    }
                    arguments[name] = text
                    lines["rules[\(index)].parameters.\(name)"] = value.line
                }
            }
            var m = try rr.nested("message")
            let messages = MessageTemplates(
                pass: try m.optionalText("pass"), fail: try m.text("fail"), unknown: try m.optionalText("unknown"))
            try m.finish()
            lines["rules[\(index)].message"] = m.line
            try rr.finish()
            rules.append(Rule(id: id, check: check, arguments: arguments, severity: severity, messages: messages))
        }
        try r.finish()
        return Rulebook(
            scheme: scheme, year: year, title: title, source: source ?? file, parameters: parameters, rules: rules,
            lines: lines)
    }

    /// Reads `value:` as the parameter's type says.
    static func parameterValue(_ v: inout FieldReader, type: ParameterType) throws(ImportError) -> ParameterValue {
        switch type {
        case .money: return .money(try v.money("value"))
        case .count:
            let text = try v.text("value", expected: "a whole number")
            guard let count = Int(text), count >= 0 else { throw v.error("value", "'\(text)' is not a whole number") }
            return .count(count)
        case .list: return .list(try v.list("value"))
        case .text: return .text(try v.text("value"))
        }
    }

    /// Reads a `--set name=value` what-if against the parameter's type.
    public static func override(_ assignment: String, in rulebook: Rulebook) throws(ImportError) -> Rulebook {
        guard let equals = assignment.firstIndex(of: "=") else {
            throw ImportError(file: "--set", line: 0, field: "", "'\(assignment)' is not name=value")
        }
        let name = String(assignment[..<equals])
        let text = String(assignment[assignment.index(after: equals)...])
        guard let parameter = rulebook.parameter(name) else {
            let known = rulebook.parameters.map(\.name).joined(separator: ", ")
            throw ImportError(file: "--set", line: 0, field: name, "is not a parameter of \(rulebook.title); expected one of \(known)")
        }
        let value: ParameterValue
        switch parameter.type {
        case .money:
            do {
                value = .money(try Money(parsing: text))
            } catch {
                throw ImportError(file: "--set", line: 0, field: name, error.description)
            }
        case .count:
            guard let count = Int(text), count >= 0 else {
                throw ImportError(file: "--set", line: 0, field: name, "'\(text)' is not a whole number")
            }
            value = .count(count)
        case .list: value = .list(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        case .text: value = .text(text)
        }
        return rulebook.setting(name, to: value, reference: "what-if: --set \(assignment)")
    }
}
