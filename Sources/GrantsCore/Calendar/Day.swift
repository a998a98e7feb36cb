/// A calendar day with no time of day and no time zone, as a finance officer writes it: `2017-04-01`.
public struct Day: Hashable, Comparable, Sendable {
    /// The calendar year, from 1 to 9999.
    public let year: Int
    /// The month, from 1 (January) to 12 (December).
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// Creates a day, or `nil` when there is no such day (30 February, month 13, …).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For days known to exist (the bounds of a financial year or quarter); never for input.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly: four-digit year, two-digit month and day, a day that exists.
    public init(parsing text: String) throws(DayError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
            throw .malformed(text)
        }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { throw .malformed(text) }
        guard let day = Day(year: y, month: m, day: d) else { throw .noSuchDay(text) }
        self = day
    }

    /// Orders days by date, earliest first.
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whether `year` has a 29 February.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before), by the proleptic Gregorian calendar.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil, shifted so that March starts the computational year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `ordinal` days after 1970-01-01, or `nil` outside years 1 to 9999.
    public init?(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let m = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)
    }

    /// The day `count` days later (earlier when negative), or `nil` outside years 1 to 9999.
    public func adding(days count: Int) -> Day? {
        Day(ordinal: ordinal + count)
    }
}

extension Day: CustomStringConvertible {
    /// `YYYY-MM-DD`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { buffer in
            func digits(_ value: Int, _ width: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(48 + value % 10)
                    value /= 10
                }
            }
            digits(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            digits(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            digits(day, 2, at: 8)
            return 10
        }
    }
}

/// Why a day could not be read.
public enum DayError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not in the `YYYY-MM-DD` shape.
    case malformed(String)
    /// The text has the right shape but names a day the calendar does not have, such as `2018-02-30`.
    case noSuchDay(String)

    /// The error as shown to the person who wrote the day, with an example of what is expected.
    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a day; expected YYYY-MM-DD such as 2017-04-01"
        case .noSuchDay(let text): "'\(text)' is not a day in the calendar"
        }
    }
}
