/// An entry written as named text fields, in a fixed order: what the history keeps and what a conflict compares.
public struct Fields: Hashable, Sendable {
    /// The fields in their fixed order, with those that have no value left out.
    public let pairs: [(name: String, value: String)]

    /// Creates fields from name and value pairs in order, dropping those whose value is `nil` so that an absent
    /// optional leaves no trace.
    public init(_ pairs: [(String, String?)]) {
        self.pairs = pairs.compactMap { name, value in value.map { (name: name, value: $0) } }
    }

    /// Whether both hold the same fields with the same values in the same order, as a re-recorded entry must.
    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes the names and values in order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }

    /// The value of a field, if present.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Each field whose value differs, as (name, stored, incoming); a field absent on one side shows as `(none)`.
    public func differences(from other: Fields) -> [(field: String, mine: String, theirs: String)] {
        var names: [String] = pairs.map(\.name)
        for pair in other.pairs where !names.contains(pair.name) { names.append(pair.name) }
        return names.compactMap { name in
            let mine = self[name]
            let theirs = other[name]
            return mine == theirs ? nil : (name, mine ?? "(none)", theirs ?? "(none)")
        }
    }

    /// `name=value; name=value`, for a line of history.
    public var summary: String {
        pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }
}
