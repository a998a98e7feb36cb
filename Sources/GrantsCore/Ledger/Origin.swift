/// Where a record came from: a file and the line its entry starts on, and the line of each field.
public struct Origin: Hashable, Sendable {
    /// The path of the file, as it was given to the reader.
    public let file: String
    /// The line the entry starts on, from 1.
    public let line: Int
    /// The line each field was written on, by field name, so an error can point at the field itself.
    public let fieldLines: [String: Int]

    /// Creates the origin of a record read from a file.
    public init(file: String, line: Int, fieldLines: [String: Int] = [:]) {
        self.file = file
        self.line = line
        self.fieldLines = fieldLines
    }

    /// `file:line` for `field`, or the record's own line when the field's is unknown.
    public func location(of field: String? = nil) -> String {
        "\(file):\(field.flatMap { fieldLines[$0] } ?? line)"
    }
}

/// A value together with where it was read from, when it was read from a file.
public struct Sourced<Value: Hashable & Sendable>: Hashable, Sendable {
    /// The record itself.
    public let value: Value
    /// Where it was read from; `nil` for a record made in code.
    public let origin: Origin?

    /// Pairs a record with where it was read from, if anywhere.
    public init(_ value: Value, origin: Origin? = nil) {
        self.value = value
        self.origin = origin
    }
}
