import GrantsCore

/// Why a ledger file could not be read: the file, the line, the field and what was expected.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whether the fault is in the data (exit 65) or in reading the file at all (exit 74).
    public enum Kind: Sendable {
        case data
        case io
    }

    public let kind: Kind
    public let file: String
    /// 1-based; 0 when the whole file is at fault.
    public let line: Int
    /// The key path of the field at fault, such as `awards[2].amount`; empty for the whole file.
    public let field: String
    public let message: String

    init(_ kind: Kind = .data, file: String, line: Int, field: String, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return field.isEmpty ? "\(place): \(message)" : "\(place): \(field): \(message)"
    }
}

extension ImportError: ClassifiedError {
    /// Bad data, unless the file could not be read at all.
    public var failureKind: FailureKind { kind == .io ? .io : .badData }
}
