import Testing
@testable import GrantsCore

@Suite struct FinancialYearTests {
    private func day(_ text: String) throws -> Day { try Day(parsing: text) }
    private func year(_ start: Int) throws -> FinancialYear { try #require(FinancialYear(startYear: start)) }

    @Test(arguments: [
        ("2017/18", 2017, "2017/18"),
        ("2017-18", 2017, "2017/18"),
        ("1999/00", 1999, "1999/00"),
        ("1999-00", 1999, "1999/00"),
        ("2009/10", 2009, "2009/10"),
        ("2000/01", 2000, "2000/01"),
        ("9998/99", 9998, "9998/99"),
    ])
    func parses(text: String, startYear: Int, label: String) throws {
        let year = try FinancialYear(parsing: text)
        #expect(year.startYear == startYear)
        #expect(year.label == label)
        #expect(year.description == label)
    }

    @Test(arguments: [
        ("2017/19", FinancialYearError.notConsecutive("2017/19")),
        ("2017/17", .notConsecutive("2017/17")),
        ("2017/16", .notConsecutive("2017/16")),
        ("1999/99", .notConsecutive("1999/99")),
        ("2017", .malformed("2017")),
        ("17/18", .malformed("17/18")),
        ("2017/2018", .malformed("2017/2018")),
        ("2017 18", .malformed("2017 18")),
        ("2017_18", .malformed("2017_18")),
        ("2017/1a", .malformed("2017/1a")),
        ("", .malformed("")),
        ("0000/01", .malformed("0000/01")),
        ("9999/00", .malformed("9999/00")),
    ])
    func refuses(text: String, error: FinancialYearError) {
        #expect(throws: error) { try FinancialYear(parsing: text) }
    }

    @Test func labelRoundTripsForFourDigitYears() throws {
        for start in 1000...9998 {
            let year = try #require(FinancialYear(startYear: start))
            #expect(try FinancialYear(parsing: year.label) == year, "\(year.label)")
            #expect(year.firstDay == Day(year: start, month: 4, day: 1))
            #expect(year.lastDay == Day(year: start + 1, month: 3, day: 31))
            #expect(FinancialYear(containing: year.firstDay) == year)
            #expect(FinancialYear(containing: year.lastDay) == year)
        }
    }

    @Test func startYearRange() throws {
        #expect(FinancialYear(startYear: 0) == nil)
        #expect(FinancialYear(startYear: 999) == nil)
        #expect(FinancialYear(startYear: 9999) == nil)
        #expect(FinancialYear(startYear: 1000)?.label == "1000/01")
        #expect(FinancialYear(startYear: 1000)?.firstDay.description == "1000-04-01")
        #expect(FinancialYear(containing: try #require(Day(year: 1000, month: 3, day: 31))) == nil)
        #expect(FinancialYear(containing: try #require(Day(year: 9999, month: 4, day: 1))) == nil)
        #expect(FinancialYear(startYear: 9998)?.label == "9998/99")
    }

    @Test(arguments: [
        ("2018-03-31", 2017),
        ("2018-04-01", 2018),
        ("2017-04-01", 2017),
        ("2017-12-31", 2017),
        ("2018-01-01", 2017),
        ("2020-02-29", 2019),
        ("2017-03-31", 2016),
    ])
    func containing(text: String, startYear: Int) throws {
        let year = try #require(FinancialYear(containing: try day(text)))
        #expect(year.startYear == startYear)
        #expect(year.contains(try day(text)))
    }

    @Test func containsBoundaries() throws {
        let year = try FinancialYear(parsing: "2017/18")
        #expect(year.contains(try day("2017-04-01")))
        #expect(year.contains(try day("2018-03-31")))
        #expect(!year.contains(try day("2017-03-31")))
        #expect(!year.contains(try day("2018-04-01")))
    }

    @Test func firstAndLastDay() throws {
        let year = try FinancialYear(parsing: "2017/18")
        #expect(year.firstDay == (try day("2017-04-01")))
        #expect(year.lastDay == (try day("2018-03-31")))
        #expect(year.firstDay.description == "2017-04-01")
        #expect(year.lastDay.description == "2018-03-31")
    }

    @Test func leapYear() throws {
        let year = try FinancialYear(parsing: "2019/20")
        #expect(year.contains(try day("2020-02-29")))
        #expect(year.lastDay.ordinal - year.firstDay.ordinal + 1 == 366)
        let ordinary = try FinancialYear(parsing: "2017/18")
        #expect(ordinary.lastDay.ordinal - ordinary.firstDay.ordinal + 1 == 365)
    }

    @Test(arguments: [
        ("2017-04-01", Quarter.q1),
        ("2017-06-30", .q1),
        ("2017-07-01", .q2),
        ("2017-09-30", .q2),
        ("2017-10-01", .q3),
        ("2017-12-31", .q3),
        ("2018-01-01", .q4),
        ("2018-03-31", .q4),
    ])
    func quarterOfDay(text: String, quarter: Quarter) throws {
        #expect(try FinancialYear(parsing: "2017/18").quarter(of: day(text)) == quarter)
    }

    @Test(arguments: ["2017-03-31", "2018-04-01", "2016-06-30", "2019-01-01"])
    func quarterOfDayOutsideYearIsNil(text: String) throws {
        #expect(try FinancialYear(parsing: "2017/18").quarter(of: day(text)) == nil)
    }

    @Test(arguments: [
        (Quarter.q1, "2019-04-01", "2019-06-30"),
        (.q2, "2019-07-01", "2019-09-30"),
        (.q3, "2019-10-01", "2019-12-31"),
        (.q4, "2020-01-01", "2020-03-31"),
    ])
    func daysOfQuarter(quarter: Quarter, first: String, last: String) throws {
        let year = try FinancialYear(parsing: "2019/20")
        let range = year.days(of: quarter)
        #expect(range.lowerBound == (try day(first)))
        #expect(range.upperBound == (try day(last)))
        #expect(year.quarter(of: range.lowerBound) == quarter)
        #expect(year.quarter(of: range.upperBound) == quarter)
    }

    @Test func quarterFourOfALeapYearIncludes29February() throws {
        let q4 = try FinancialYear(parsing: "2019/20").days(of: .q4)
        #expect(q4.contains(try day("2020-02-29")))
        #expect(q4.upperBound.ordinal - q4.lowerBound.ordinal + 1 == 91)
        let ordinaryQ4 = try FinancialYear(parsing: "2017/18").days(of: .q4)
        #expect(ordinaryQ4.upperBound.ordinal - ordinaryQ4.lowerBound.ordinal + 1 == 90)
    }

    @Test func quartersTileTheYear() throws {
        let year = try FinancialYear(parsing: "2019/20")
        let ranges = Quarter.allCases.map { year.days(of: $0) }
        #expect(ranges.first?.lowerBound == year.firstDay)
        #expect(ranges.last?.upperBound == year.lastDay)
        for (earlier, later) in zip(ranges, ranges.dropFirst()) {
            #expect(earlier.upperBound.adding(days: 1) == later.lowerBound)
        }
    }

    @Test func nextAndOrder() throws {
        #expect(try FinancialYear(parsing: "2017/18").next?.label == "2018/19")
        #expect(try FinancialYear(parsing: "1999/00").next?.label == "2000/01")
        #expect(try year(9998).next == nil)
        #expect(try FinancialYear(parsing: "2017/18") < FinancialYear(parsing: "2018/19"))
    }

    @Test func parsesQuarter() throws {
        #expect(try Quarter(parsing: "q2") == .q2)
        #expect(try Quarter(parsing: "Q1") == .q1)
        #expect(try Quarter(parsing: "Q4") == .q4)
        #expect(throws: FinancialYearError.badQuarter("Q5")) { try Quarter(parsing: "Q5") }
        #expect(throws: FinancialYearError.badQuarter("")) { try Quarter(parsing: "") }
        #expect(throws: FinancialYearError.badQuarter("Q 1")) { try Quarter(parsing: "Q 1") }
    }

    @Test func quartersOrder() {
        #expect(Quarter.allCases == [.q1, .q2, .q3, .q4])
        #expect(Quarter.allCases.sorted(by: >) == [.q4, .q3, .q2, .q1])
        #expect(Quarter.q1 < .q4)
    }

    @Test func errorDescriptions() {
        #expect(
            FinancialYearError.notConsecutive("2017/19").description
                == "'2017/19' is not a financial year: the second year must follow the first, as in 2017/18"
        )
        #expect(FinancialYearError.badQuarter("Q5").description == "'Q5' is not a quarter; expected Q1, Q2, Q3 or Q4")
    }
}
