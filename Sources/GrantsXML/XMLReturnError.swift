import GrantsCore

/// Why an XML return could not be written, or a file could not be validated at all.
///
/// A document that is merely invalid is not an error: `ReturnValidator.validate(file:)` reports that as a
/// `ValidationResult`. This is for what stops the work: a file that cannot be opened, read or written, a schema
/// that is missing, or a value that XML cannot carry.
public struct XMLReturnError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, to match on.
    public enum Code: String, Sendable {
        /// The output file could not be created or opened.
        case cannotCreate
        /// Writing, flushing or closing the output failed (a full disk, a closed pipe).
        case writeFailed
        /// A text in the return holds a character XML 1.0 cannot carry (a control character, U+FFFE, U+FFFF).
        case unrepresentableText
        /// A total does not fit in 64-bit pence.
        case overflow
        /// The file to validate could not be opened or is not a file.
        case unreadable
        /// The shipped XSD could not be found or compiled.
        case schemaUnavailable
        /// libxml2 failed inside the validator (out of memory, or a fault of its own).
        case validatorFailed
    }

    /// What went wrong.
    public let code: Code
    /// Why, in words for the person running the command.
    public let message: String
    /// The file concerned, when there is one.
    public let path: String?

    /// An error with its code, message and the file concerned.
    public init(_ code: Code, _ message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    /// Whether the fault is in the data (exit 65) rather than in files or the system (exit 74).
    public var isDataError: Bool { code == .unrepresentableText || code == .overflow }

    /// `path: message`, or the message alone.
    public var description: String {
        guard let path else { return message }
        return "\(path): \(message)"
    }
}

extension XMLReturnError: ClassifiedError {
    /// Bad data when the return cannot be represented, otherwise a failure to write.
    public var failureKind: FailureKind { isDataError ? .badData : .io }
}
