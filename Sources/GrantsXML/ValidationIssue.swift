/// One reason a document is not a valid return: where, what, and which check found it.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Which check found an issue.
    public enum Check: String, Hashable, Sendable {
        /// libxml2: the document is malformed, carries a DOCTYPE, or is not valid against the XSD.
        case schema
        /// A document valid against the XSD says something XSD 1.0 cannot rule out: a total that is not the sum
        /// of its lines, a figure that does not follow from the others, a day outside its period.
        case consistency
    }

    /// The line of the document (1-based); 0 when libxml2 could not place it.
    public let line: Int
    /// What is wrong, with the return's namespace left out of element names: libxml2's message for a schema issue.
    public let message: String
    /// Which check found it.
    public let check: Check

    /// An issue at a line, found by `check`.
    public init(line: Int, message: String, check: Check = .schema) {
        self.line = line
        self.message = message
        self.check = check
    }

    /// `line 12: Element 'awarded': …`.
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
