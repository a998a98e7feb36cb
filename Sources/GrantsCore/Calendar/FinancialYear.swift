/// A UK financial year, 1 April to 31 March, labelled `2017/18`.
public struct FinancialYear: Hashable, Comparable, Sendable {
    /// The calendar year in which the financial year starts: 2017 for 2017/18.
    public let startYear: Int

    /// Creates the financial year that starts on 1 April of `startYear`, or `nil` outside 1000 to 9998
    /// (labels have four-digit years).
    public init?(startYear: Int) {
        guard (1000...9998).contains(startYear) else { return nil }
        self.startYear = startYear
    }

    /// The financial year that contains `day`, or `nil` for a day outside 1000/01 to 9998/99.
    public init?(containing day: Day) {
        self.init(startYear: day.month >= 4 ? day.year : day.year - 1)
    }

    /// Parses `2017/18` or `2017-18`; the second part must be the year after the first.
    public init(parsing text: String) throws(FinancialYearError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "/") || bytes[4] == UInt8(ascii: "-"),
              bytes[0..<4].allSatisfy({ (48...57).contains($0) }),
              bytes[5..<7].allSatisfy({ (48...57).contains($0) }) else {
            throw .malformed(text)
        }
        let start = bytes[0..<4].reduce(0) { $0 * 10 + Int($1 - 48) }
        let end = bytes[5..<7].reduce(0) { $0 * 10 + Int($1 - 48) }
        guard end == (start + 1) % 100 else { throw .notConsecutive(text) }
        guard let year = FinancialYear(startYear: start) else { throw .malformed(text) }
        self = year
    }

    /// Orders financial years by the year they start in, earliest first.
    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    /// 1 April of the start year.
    public var firstDay: Day { Day(uncheckedYear: startYear, month: 4, day: 1) }
    /// 31 March of the following year.
    public var lastDay: Day { Day(uncheckedYear: startYear + 1, month: 3, day: 31) }

    /// Whether `day` falls inside this financial year.
    public func contains(_ day: Day) -> Bool { firstDay <= day && day <= lastDay }

    /// `2017/18`.
    public var label: String {
        let end = (startYear + 1) % 100
        return "\(startYear)/\(end < 10 ? "0" : "")\(end)"
    }

    /// The next financial year, or `nil` past 9998/99.
    public var next: FinancialYear? { FinancialYear(startYear: startYear + 1) }

    /// The quarter of this financial year that contains `day`, or `nil` when the day is outside the year.
    public func quarter(of day: Day) -> Quarter? {
        guard contains(day) else { return nil }
        switch day.month {
        case 4...6: return .q1
        case 7...9: return .q2
        case 10...12: return .q3
        default: return .q4
        }
    }

    /// The first and last day of a quarter of this year.
    public func days(of quarter: Quarter) -> ClosedRange<Day> {
        let (startMonth, calendarYear) = switch quarter {
        case .q1: (4, startYear)
        case .q2: (7, startYear)
        case .q3: (10, startYear)
        case .q4: (1, startYear + 1)
        }
        let endMonth = startMonth + 2
        let first = Day(uncheckedYear: calendarYear, month: startMonth, day: 1)
        let last = Day(uncheckedYear: calendarYear, month: endMonth, day: Day.daysIn(month: endMonth, year: calendarYear))
        return first...last
    }
}

extension FinancialYear: CustomStringConvertible {
    /// The label, such as `2017/18`, as reports and files write the year.
    public var description: String { label }
}

/// A quarter of a financial year: Q1 April to June, Q2 July to September, Q3 October to December, Q4 January to March.
public enum Quarter: String, CaseIterable, Hashable, Comparable, Sendable {
    /// The four quarters, written `Q1` to `Q4` in files and reports.
    case q1 = "Q1", q2 = "Q2", q3 = "Q3", q4 = "Q4"

    /// Parses `Q1` to `Q4` (any case).
    public init(parsing text: String) throws(FinancialYearError) {
        guard let quarter = Quarter(rawValue: text.uppercased()) else { throw .badQuarter(text) }
        self = quarter
    }

    /// Orders quarters through the financial year, from Q1 (April to June) to Q4 (January to March).
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Why a financial year or quarter could not be read.
public enum FinancialYearError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not a label of the form `2017/18` or `2017-18`, or its year is out of range.
    case malformed(String)
    /// The two years of the label do not follow one another, as in `2017/19`.
    case notConsecutive(String)
    /// The text is not one of `Q1` to `Q4`.
    case badQuarter(String)

    /// The error as shown to the person who wrote the year or quarter, with an example of what is expected.
    public var description: String {
        switch self {
        case .malformed(let text): "'\(text)' is not a financial year; expected a label such as 2017/18 or 2017-18"
        case .notConsecutive(let text):
            "'\(text)' is not a financial year: the second year must follow the first, as in 2017/18"
        case .badQuarter(let text): "'\(text)' is not a quarter; expected Q1, Q2, Q3 or Q4"
        }
    }
}
