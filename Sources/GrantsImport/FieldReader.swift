import GrantsCore

/// Reads the fields of one YAML or JSON mapping, knowing the file, the key path and the line of every value,
/// so that each error can say exactly where it is and what was expected. Reading is strict: a key it was not
/// asked for is an error, since a misspelt key would otherwise be silently dropped.
struct FieldReader {
    let file: String
    let path: String
    let line: Int
    private let values: [(key: String, value: DocNode)]
    /// The keys asked for, in order (for the list of known fields in an error).
    private var asked: [String] = []
    /// Which of `values` have been read.
    private var readFlags: [Bool]

    init(file: String, path: String, node: DocNode) throws(ImportError) {
        self.file = file
        self.path = path
        self.line = node.line
        guard case .mapping(let members, _) = node else {
            throw ImportError(file: file, line: line, field: path, "expected a mapping of fields, found \(node.kindName)")
        }
        self.values = members
        self.readFlags = Array(repeating: false, count: members.count)
        asked.reserveCapacity(members.count + 8)
    }

    /// The line each key was written on, for errors found later (such as an unknown reference).
    var fieldLines: [String: Int] {
        Dictionary(values.map { ($0.key, $0.value.line) }, uniquingKeysWith: { first, _ in first })
    }

    var origin: Origin { Origin(file: file, line: line, fieldLines: fieldLines) }

    /// The node of a key read as a whole (such as a section), marking it read.
    mutating func take(_ key: String) -> DocNode? {
        markRead(key)
    }

    /// Marks `key` asked for and, when present, read; returns its node.
    private mutating func markRead(_ key: String) -> DocNode? {
        asked.append(key)
        guard let index = values.firstIndex(where: { $0.key == key }) else { return nil }
        readFlags[index] = true
        return values[index].value
    }

    func node(_ key: String) -> DocNode? {
        values.first { $0.key == key }?.value
    }

    /// The top of a YAML or JSON document, whose `format:` must be `format`.
    static func document(_ text: String, file: String, format: String) throws(ImportError) -> FieldReader {
        var top = try FieldReader(file: file, path: "", node: try DocumentParser.root(of: text, file: file))
        try top.format(format)
        return top
    }

    /// Reads `format:`, refusing any format but `expected`.
    mutating func format(_ expected: String) throws(ImportError) {
        let format = try text("format", expected: expected)
        guard format == expected else {
            throw error("format", "'\(format)' is not a format this version reads; expected \(expected)")
        }
    }

    func error(_ key: String, _ message: String) -> ImportError {
        ImportError(file: file, line: node(key)?.line ?? line, field: Self.join(path, key), message)
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    // MARK: - Scalars

    /// The text of an optional field; `nil` when absent or null.
    mutating func optionalText(_ key: String) throws(ImportError) -> String? {
        guard let node = markRead(key) else { return nil }
        guard case .scalar(let text, let isNull, _) = node else {
            throw error(key, "expected a single value, found \(node.kindName)")
        }
        if isNull { return nil }
        // NUL and control characters would be cut or break a return later: refused here, with the field.
        if let problem = FreeText.problem(text, multiline: true) { throw error(key, problem) }
        return text
    }

    /// The text of a required field; must not be empty or blank.
    mutating func text(_ key: String, expected: String = "text") throws(ImportError) -> String {
        guard let value = try optionalText(key) else { throw error(key, "is missing; expected \(expected)") }
        // A first byte that is ASCII but not white space settles it without walking the characters (a first byte of
        // a longer character, such as a no-break space, does not).
        if let first = value.utf8.first, first < 0x80, first != 0x20, first != 0x09, first != 0x0A, first != 0x0D {
            return value
        }
        guard !value.allSatisfy(\.isWhitespace) else { throw error(key, "is empty; expected \(expected)") }
        return value
    }

    /// An id: letters, digits and `-._/`, no spaces, at most 100 characters.
    mutating func identifier(_ key: String) throws(ImportError) -> String {
        let value = try text(key, expected: "an id")
        try checkIdentifier(value, key: key)
        return value
    }

    mutating func optionalIdentifier(_ key: String) throws(ImportError) -> String? {
        guard let value = try optionalText(key) else { return nil }
        try checkIdentifier(value, key: key)
        return value
    }

    private func checkIdentifier(_ value: String, key: String) throws(ImportError) {
        if let problem = Identifier.problem(value) { throw error(key, problem) }
    }

    /// Converts `value`, read from `key`, with a parser whose error says what was wrong and what was expected.
    func convert<T, E: Error & CustomStringConvertible>(
        _ value: String, key: String, _ parse: (String) throws(E) -> T
    ) throws(ImportError) -> T {
        do {
            return try parse(value)
        } catch {
            throw self.error(key, error.description)
        }
    }

    mutating func money(_ key: String) throws(ImportError) -> Money {
        try convert(try text(key, expected: "an amount such as 2500.00"), key: key, Money.init(parsing:))
    }

    mutating func day(_ key: String) throws(ImportError) -> Day {
        try convert(try text(key, expected: "a day such as 2017-04-01"), key: key, Day.init(parsing:))
    }

    mutating func year(_ key: String) throws(ImportError) -> FinancialYear {
        try convert(try text(key, expected: "a financial year such as 2017/18"), key: key, FinancialYear.init(parsing:))
    }

    mutating func organisationID(_ key: String) throws(ImportError) -> OrganisationID {
        let value = try text(key, expected: "an organisation id such as GB-CHC-1164883")
        return try convert(value, key: key, OrganisationID.init(parsing:))
    }

    mutating func optionalOrganisationID(_ key: String) throws(ImportError) -> OrganisationID? {
        guard let value = try optionalText(key) else { return nil }
        return try convert(value, key: key, OrganisationID.init(parsing:))
    }

    mutating func flag(_ key: String) throws(ImportError) -> Bool {
        try optionalFlag(key) ?? false
    }

    /// `true`, `false`, or `nil` when absent: for facts a rule must not assume.
    mutating func optionalFlag(_ key: String) throws(ImportError) -> Bool? {
        guard let value = try optionalText(key) else { return nil }
        // Spreadsheets write TRUE and FALSE.
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw error(key, "'\(value)' is not true or false")
        }
    }

    mutating func optionalMoney(_ key: String) throws(ImportError) -> Money? {
        guard let value = try optionalText(key) else { return nil }
        return try convert(value, key: key, Money.init(parsing:))
    }

    mutating func optionalDay(_ key: String) throws(ImportError) -> Day? {
        guard let value = try optionalText(key) else { return nil }
        return try convert(value, key: key, Day.init(parsing:))
    }

    /// A required mapping of fields, read by its own reader.
    mutating func nested(_ key: String) throws(ImportError) -> FieldReader {
        guard let node = take(key), !node.isNull else { throw error(key, "is missing; expected a mapping of fields") }
        return try FieldReader(file: file, path: Self.join(path, key), node: node)
    }

    /// An optional list of mappings, each read by its own reader; `nil` when absent or null.
    mutating func optionalRecords(_ key: String) throws(ImportError) -> [FieldReader]? {
        guard let node = take(key), !node.isNull else { return nil }
        guard case .sequence(let items, _) = node else {
            throw error(key, "expected a list, found \(node.kindName)")
        }
        var readers: [FieldReader] = []
        for (index, item) in items.enumerated() {
            readers.append(try FieldReader(file: file, path: "\(Self.join(path, key))[\(index)]", node: item))
        }
        return readers
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, of type: T.Type) throws(ImportError) -> T
    where T.RawValue == String {
        let options = T.allCases.map(\.rawValue).joined(separator: ", ")
        let value = try text(key, expected: "one of \(options)")
        guard let result = T(rawValue: value) else {
            throw error(key, "'\(value)' is not one of \(options)")
        }
        return result
    }

    // MARK: - Lists and maps

    /// A list of single values (`[a, b]` or one per line); absent or null is empty.
    mutating func list(_ key: String) throws(ImportError) -> [String] {
        guard let node = markRead(key) else { return [] }
        switch node {
        case .scalar(_, true, _):
            return []
        case .sequence(let sequence, _):
            var items: [String] = []
            items.reserveCapacity(sequence.count)
            for (index, item) in sequence.enumerated() {
                guard case .scalar(let text, false, _) = item else {
                    throw ImportError(
                        file: file, line: item.line, field: "\(Self.join(path, key))[\(index)]",
                        "expected a single value, found \(item.isNull ? "nothing" : item.kindName)")
                }
                items.append(text)
            }
            return items
        default:
            throw error(key, "expected a list such as [a, b], found \(node.kindName)")
        }
    }

    /// A mapping of single values, in the order written.
    mutating func pairs(_ key: String, expected: String) throws(ImportError) -> [(key: String, value: String, line: Int)] {
        guard let node = markRead(key) else { throw error(key, "is missing; expected \(expected)") }
        guard case .mapping(let members, _) = node else {
            throw error(key, "expected \(expected), found \(node.kindName)")
        }
        var result: [(key: String, value: String, line: Int)] = []
        for (name, value) in members {
            guard case .scalar(let text, false, _) = value else {
                throw error(key, "expected \(expected)")
            }
            result.append((name, text, value.line))
        }
        return result
    }

    /// Refuses any key that was not read: a typo must not vanish silently.
    func finish() throws(ImportError) {
        if let index = readFlags.firstIndex(of: false) {
            let stray = values[index]
            let known = Set(asked).sorted().joined(separator: ", ")
            throw ImportError(
                file: file, line: stray.value.line, field: Self.join(path, stray.key),
                "is not a known field; expected one of \(known)")
        }
    }
}
