/// A calendar month, as the grant register is published: `2017-07`.
public struct CalendarMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year.
    public let year: Int
    /// The month, from 1 (January) to 12 (December).
    public let month: Int

    /// The month holding `day`.
    public init(containing day: Day) {
        year = day.year
        month = day.month
    }

    /// Parses `YYYY-MM` strictly: a four-digit year and a two-digit month from 01 to 12.
    public init(parsing text: String) throws(CalendarMonthError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) })
        else { throw .malformed(text) }
        let number = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        let year = number(0..<4), month = number(5..<7)
        guard year >= 1, (1...12).contains(month) else { throw .malformed(text) }
        self.year = year
        self.month = month
    }

    /// The months of a financial year, April to March.
    public static func months(of year: FinancialYear) -> [CalendarMonth] {
        (0..<12).map { offset in
            let month = 4 + offset
            return CalendarMonth(
                containing: Day(uncheckedYear: month > 12 ? year.startYear + 1 : year.startYear,
                                month: month > 12 ? month - 12 : month, day: 1))
        }
    }

    /// Orders months by date, earliest first.
    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// The month's first day.
    public var firstDay: Day { Day(uncheckedYear: year, month: month, day: 1) }
    /// The month's last day.
    public var lastDay: Day { Day(uncheckedYear: year, month: month, day: Day.daysIn(month: month, year: year)) }
    /// Its days.
    public var days: ClosedRange<Day> { firstDay...lastDay }

    /// `July 2017`.
    public var label: String {
        let names = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(names[month - 1]) \(year)"
    }

    /// `2017-07`.
    public var description: String {
        let digits = String(year)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + (month < 10 ? "-0" : "-") + String(month)
    }
}

/// Why a month could not be read.
public enum CalendarMonthError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not `YYYY-MM` with a month from 01 to 12.
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a month; expected YYYY-MM, such as 2017-07"
        }
    }
}
