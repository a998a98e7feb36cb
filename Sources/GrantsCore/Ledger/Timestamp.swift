/// A moment in UTC written as `2018-04-01T09:00:00Z`, for the history; the caller reads the clock, never the ledger.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The timestamp exactly as given.
    public let text: String

    /// Accepts `YYYY-MM-DDTHH:MM:SSZ` only.
    public init(parsing text: String) throws(TimestampError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { throw .malformed(text) }
        guard (try? Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self))) != nil else { throw .malformed(text) }
        let fields = [bytes[11..<13], bytes[14..<16], bytes[17..<19]].map { part -> Int? in
            guard part.allSatisfy({ (48...57).contains($0) }) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let hour = fields[0], let minute = fields[1], let second = fields[2],
              hour < 24, minute < 60, second < 60 else { throw .malformed(text) }
        self.text = text
    }

    /// Orders timestamps in time: with one fixed format, text order is time order.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.text < rhs.text }
    /// The timestamp as written.
    public var description: String { text }
}

/// Why a timestamp could not be read.
public enum TimestampError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not of the form `YYYY-MM-DDTHH:MM:SSZ`, or names no real day or time.
    case malformed(String)

    /// The error as shown to the person who gave the time, with an example of what is expected.
    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a time; expected UTC such as 2018-04-01T09:00:00Z"
        }
    }
}
