import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules

/// The JSON API's bodies: the schemes, a rulebook as data, and a bid read from a request.
enum API {
    /// `GET /api/v1/schemes`: every scheme and year there is a rulebook for, with where its rules are.
    static func schemes(_ books: [Rulebook]) -> [UInt8] {
        let items: [JSONValue] = books.map { book in
            .object([
                ("scheme", .string(book.scheme.rawValue)), ("financial_year", .string(book.year.label)),
                ("title", .string(book.title)),
                ("href", .string("/api/v1/schemes/\(book.scheme.rawValue)/\(SchemePage.slug(book.year))")),
                ("page", .string("/schemes/\(book.scheme.rawValue)/\(SchemePage.slug(book.year))")),
            ])
        }
        return bytes(.object([("schemes", .array(items))]))
    }

    /// `GET /api/v1/schemes/{scheme}/{year}`: the rulebook as data, every parameter with its dated values and
    /// references, every rule with the check it runs and the parameters it reads.
    static func rulebook(_ book: Rulebook) -> [UInt8] {
        let parameters: [JSONValue] = book.parameters.map { parameter in
            .object([
                ("name", .string(parameter.name)), ("type", .string(parameter.type.rawValue)),
                ("description", .string(parameter.description)),
                ("values", .array(parameter.values.map { dated in
                    .object([
                        ("from", .string(dated.from.description)), ("value", EligibilityRenderer.value(dated.value)),
                        ("reference", .string(dated.reference)),
                    ])
                })),
            ])
        }
        let rules: [JSONValue] = book.rules.map { rule in
            .object([
                ("id", .string(rule.id)), ("check", .string(rule.check.rawValue)),
                ("checks", .string(rule.check.summary)), ("severity", .string(rule.severity.rawValue)),
                ("parameters", .object(rule.arguments.keys.sorted().map { ($0, .string(rule.arguments[$0] ?? "")) })),
            ])
        }
        return bytes(.object([
            ("scheme", .string(book.scheme.rawValue)), ("financial_year", .string(book.year.label)),
            ("title", .string(book.title)), ("source", .string(book.source)),
            ("parameters", .array(parameters)), ("rules", .array(rules)),
        ]))
    }

    /// The bid in a request body: JSON in the grants-bid/1 format (its `format` key may be left out), or a problem
    /// naming each field at fault by its JSON pointer.
    static func bid(from body: [UInt8]) throws(Problem) -> BidForm {
        guard !body.isEmpty else { throw Problem.badRequest("The request has no body; send a grants-bid/1 document.") }
        let node: DocNode
        do {
            node = try JSONParser.parse(body, file: "request", firstLine: 1)
        } catch {
            throw Problem.badRequest("The body is not JSON: \(error.message) (line \(error.line)).")
        }
        do {
            return try BidFile.bid(from: node, file: "request", formatRequired: false).value
        } catch {
            let pointer = Problem.pointer(error.field)
            throw Problem(
                status: .unprocessableContent, title: "Unprocessable Content",
                detail: error.field.isEmpty ? error.message : "\(error.field): \(error.message)",
                fields: [Problem.FieldError(pointer: pointer, detail: error.message)])
        }
    }

    private static func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        value.write(into: &out, indent: 0)
        out.append(0x0A)
        return out
    }
}
