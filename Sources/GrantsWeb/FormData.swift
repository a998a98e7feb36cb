import Foundation

/// The fields of a submitted HTML form (`application/x-www-form-urlencoded`), each name with every value given for
/// it in order (a group of checkboxes gives one name many times).
struct FormData: Sendable {
    private(set) var values: [String: [String]] = [:]

    init(_ pairs: [(String, String)] = []) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    /// Decodes a body, or nil when it is not form encoding (a `%` not followed by two hex digits, or bytes that are
    /// not UTF-8 once decoded).
    init?(body: [UInt8]) {
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = FormData.decode(parts[0]) else { return nil }
            let value = parts.count > 1 ? FormData.decode(parts[1]) : ""
            guard let value else { return nil }
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value for `name`, trimmed of spaces at either end; empty when the field was not sent.
    subscript(name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The same fields with `name` given the one value `value`.
    func setting(_ name: String, to value: String) -> FormData {
        var copy = self
        copy.values[name] = [value]
        return copy
    }

    /// Every value for `name`.
    func all(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// The same fields without `names` (the CSRF token and the button pressed, say).
    func removing(_ names: Set<String>) -> FormData {
        var copy = self
        for name in names { copy.values[name] = nil }
        return copy
    }

    /// The fields encoded as a form sends them, names in order, each name's values in theirs: what a draft keeps,
    /// and `init(body:)` reads back to the same fields.
    var encoded: String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._*")
        func encode(_ text: String) -> String {
            (text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return values.keys.sorted().flatMap { name in
            (values[name] ?? []).map { "\(encode(name))=\(encode($0))" }
        }.joined(separator: "&")
    }
}
