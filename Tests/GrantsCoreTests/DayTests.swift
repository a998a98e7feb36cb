import Testing
@testable import GrantsCore

@Suite struct DayTests {
    @Test func parsesDay() throws {
        let day = try Day(parsing: "2017-04-01")
        #expect(day.year == 2017)
        #expect(day.month == 4)
        #expect(day.day == 1)
        #expect(day == Day(year: 2017, month: 4, day: 1))
    }

    @Test(arguments: ["2016-02-29", "2000-02-29", "2020-02-29", "0001-01-01", "9999-12-31", "2017-12-31", "2017-01-31"])
    func acceptsRealDays(text: String) throws {
        #expect(try Day(parsing: text).description == text)
    }

    @Test(arguments: [
        ("2017-4-1", DayError.malformed("2017-4-1")),
        ("2017-04-1", .malformed("2017-04-1")),
        ("17-04-01", .malformed("17-04-01")),
        ("abcd-ef-gh", .malformed("abcd-ef-gh")),
        ("", .malformed("")),
        ("2017-04-01T00:00", .malformed("2017-04-01T00:00")),
        ("2017/04/01", .malformed("2017/04/01")),
        ("2017-04-0a", .malformed("2017-04-0a")),
        ("+017-04-01", .malformed("+017-04-01")),
        (" 2017-04-01", .malformed(" 2017-04-01")),
        ("2017-04-01 ", .malformed("2017-04-01 ")),
        ("2017-02-29", .noSuchDay("2017-02-29")),
        ("1900-02-29", .noSuchDay("1900-02-29")),
        ("2100-02-29", .noSuchDay("2100-02-29")),
        ("2017-13-01", .noSuchDay("2017-13-01")),
        ("2017-00-01", .noSuchDay("2017-00-01")),
        ("2017-04-00", .noSuchDay("2017-04-00")),
        ("2017-04-31", .noSuchDay("2017-04-31")),
        ("2017-01-32", .noSuchDay("2017-01-32")),
        ("0000-01-01", .noSuchDay("0000-01-01")),
    ])
    func refusesDay(text: String, error: DayError) {
        #expect(throws: error) { try Day(parsing: text) }
    }

    @Test func refusesImpossibleComponents() {
        #expect(Day(year: 2017, month: 2, day: 29) == nil)
        #expect(Day(year: 2017, month: 6, day: 31) == nil)
        #expect(Day(year: 2017, month: 0, day: 1) == nil)
        #expect(Day(year: 2017, month: 13, day: 1) == nil)
        #expect(Day(year: 0, month: 1, day: 1) == nil)
        #expect(Day(year: 10_000, month: 1, day: 1) == nil)
        #expect(Day(year: 2017, month: 1, day: 0) == nil)
    }

    @Test func descriptionPads() throws {
        #expect(try #require(Day(year: 2017, month: 4, day: 1)).description == "2017-04-01")
        #expect(try #require(Day(year: 33, month: 12, day: 9)).description == "0033-12-09")
        #expect(try #require(Day(year: 1, month: 1, day: 1)).description == "0001-01-01")
    }

    @Test func descriptionRoundTripsForEveryDayOf2016() throws {
        var day = try #require(Day(year: 2016, month: 1, day: 1))
        for _ in 0..<366 {
            #expect(try Day(parsing: day.description) == day)
            day = try #require(day.adding(days: 1))
        }
        #expect(day.description == "2017-01-01")
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2016))
        #expect(Day.isLeap(2000))
        #expect(Day.isLeap(2400))
        #expect(!Day.isLeap(1900))
        #expect(!Day.isLeap(2100))
        #expect(!Day.isLeap(2017))
        #expect(Day.daysIn(month: 2, year: 2016) == 29)
        #expect(Day.daysIn(month: 2, year: 2017) == 28)
        #expect(Day.daysIn(month: 2, year: 1900) == 28)
        #expect((1...12).map { Day.daysIn(month: $0, year: 2017) } == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])
    }

    @Test(arguments: [
        ("1970-01-01", 0),
        ("1970-01-02", 1),
        ("1969-12-31", -1),
        ("2000-03-01", 11_017),
        ("2000-02-29", 11_016),
        ("2017-04-01", 17_257),
        ("1900-01-01", -25_567),
        ("2100-12-31", 47_846),
        ("0001-01-01", -719_162),
        ("9999-12-31", 2_932_896),
    ])
    func ordinal(text: String, ordinal: Int) throws {
        let day = try Day(parsing: text)
        #expect(day.ordinal == ordinal)
        #expect(Day(ordinal: ordinal) == day)
    }

    @Test func ordinalRoundTripsEveryDayFrom1900To2100() throws {
        // Walk the calendar by hand, independently of the ordinal arithmetic.
        var (year, month, dayOfMonth) = (1900, 1, 1)
        var expectedOrdinal = -25_567
        var previous: Day?
        while year <= 2100 {
            let day = try #require(Day(year: year, month: month, day: dayOfMonth))
            #expect(day.ordinal == expectedOrdinal, "\(day)")
            #expect(Day(ordinal: expectedOrdinal) == day, "\(expectedOrdinal)")
            if let previous {
                #expect(previous < day)
                #expect(previous.adding(days: 1) == day)
                #expect(day.adding(days: -1) == previous)
            }
            previous = day
            expectedOrdinal += 1
            dayOfMonth += 1
            if dayOfMonth > Day.daysIn(month: month, year: year) {
                dayOfMonth = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        #expect(expectedOrdinal == 47_847)
    }

    @Test func ordinalOutsideYears1To9999IsNil() {
        #expect(Day(ordinal: -719_163) == nil)
        #expect(Day(ordinal: 2_932_897) == nil)
        #expect(Day(ordinal: -719_162) != nil)
        #expect(Day(ordinal: 2_932_896) != nil)
    }

    @Test(arguments: [
        ("2017-03-31", 1, "2017-04-01"),
        ("2016-02-28", 1, "2016-02-29"),
        ("2017-02-28", 1, "2017-03-01"),
        ("2017-01-01", -1, "2016-12-31"),
        ("2017-04-01", 364, "2018-03-31"),
        ("2019-04-01", 366, "2020-04-01"),
        ("2017-04-01", 0, "2017-04-01"),
        ("2018-04-01", -365, "2017-04-01"),
        ("1970-01-01", 10_000, "1997-05-19"),
    ])
    func addingDays(start: String, count: Int, end: String) throws {
        #expect(try Day(parsing: start).adding(days: count) == Day(parsing: end))
    }

    @Test func addingDaysPastTheCalendarIsNil() throws {
        #expect(try Day(parsing: "9999-12-31").adding(days: 1) == nil)
        #expect(try Day(parsing: "0001-01-01").adding(days: -1) == nil)
    }

    @Test func ordersByDate() throws {
        #expect(try Day(parsing: "2017-12-31") < Day(parsing: "2018-01-01"))
        #expect(try Day(parsing: "2018-01-31") < Day(parsing: "2018-02-01"))
        #expect(try Day(parsing: "2018-02-01") < Day(parsing: "2018-02-02"))
        #expect(try !(Day(parsing: "2018-02-02") < Day(parsing: "2018-02-02")))
    }

    @Test func errorDescriptions() {
        #expect(DayError.malformed("x").description == "'x' is not a day; expected YYYY-MM-DD such as 2017-04-01")
        #expect(DayError.noSuchDay("2017-02-29").description == "'2017-02-29' is not a day in the calendar")
    }
}
