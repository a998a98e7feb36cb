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

extension Timestamp {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64 {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int64 { bytes[range].reduce(0) { $0 * 10 + Int64($1 - 48) } }
        // The text was checked when it was made: a real day, then two-digit hours, minutes, seconds.
        return Int64(day.ordinal) * 86_400 + number(11..<13) * 3_600 + number(14..<16) * 60 + number(17..<19)
    }

    /// The day of the moment, in UTC.
    public var day: Day {
        // Its first ten bytes were read as a real day when the timestamp was made.
        (try? Day(parsing: String(text.prefix(10)))) ?? Day(uncheckedYear: 1970, month: 1, day: 1)
    }

    /// The moment `seconds` after 1970-01-01T00:00:00Z, or nil outside years 1 to 9999.
    public init?(secondsSinceEpoch seconds: Int64) {
        // 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z; checked first, so that nothing below can overflow.
        guard (-62_135_596_800...253_402_300_799).contains(seconds) else { return nil }
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let within = seconds - days * 86_400
        guard let day = Day(ordinal: Int(days)) else { return nil }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = "\(day)T\(two(within / 3_600)):\(two(within / 60 % 60)):\(two(within % 60))Z"
        guard let timestamp = try? Timestamp(parsing: text) else { return nil }
        self = timestamp
    }

    /// The moment `seconds` later (earlier when negative), or nil outside years 1 to 9999.
    public func adding(seconds: Int64) -> Timestamp? {
        let (sum, overflow) = secondsSinceEpoch.addingReportingOverflow(seconds)
        return overflow ? nil : Timestamp(secondsSinceEpoch: sum)
    }
}
