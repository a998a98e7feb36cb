/// A value read from YAML or JSON, with the line it starts on: the one tree every reader walks, whatever the
/// syntax, so that every error can name its line.
public indirect enum DocNode: Sendable {
    /// A single value as written; `isNull` for YAML's `~`, `null` or nothing, and JSON's `null`.
    case scalar(String, isNull: Bool, line: Int)
    /// Keys in the order written (each key once).
    case mapping([(key: String, value: DocNode)], line: Int)
    case sequence([DocNode], line: Int)

    /// The 1-based line the value starts on.
    public var line: Int {
        switch self {
        case .scalar(_, _, let line), .mapping(_, let line), .sequence(_, let line): line
        }
    }

    var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    var isNull: Bool {
        if case .scalar(_, true, _) = self { return true }
        return false
    }
}
