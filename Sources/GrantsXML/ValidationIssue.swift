/// One reason a document is not a valid return: where, and what.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// The line of the document (1-based); 0 when libxml2 could not place it.
    public let line: Int
    /// libxml2's message, with the return's namespace left out of element names.
    public let message: String

    /// An issue at a line.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 12: Element 'awarded': …`.
    public var description: String { line > 0 ? "line \(line): \(message)" : message }
}
