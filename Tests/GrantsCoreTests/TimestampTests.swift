import Testing
@testable import GrantsCore

@Suite struct TimestampTests {
    @Test(arguments: ["2018-04-01T09:00:00Z", "2016-02-29T23:59:59Z", "2018-04-01T00:00:00Z"])
    func accepts(text: String) throws {
        let timestamp = try Timestamp(parsing: text)
        #expect(timestamp.text == text)
        #expect(timestamp.description == text)
    }

    @Test(arguments: [
        "2018-04-01 09:00:00",
        "2018-04-01 09:00:00Z",
        "2018-04-01T24:00:00Z",
        "2018-04-01T09:60:00Z",
        "2018-04-01T09:00:60Z",
        "2018-02-30T00:00:00Z",
        "2017-02-29T00:00:00Z",
        "2018-04-01T09:00:00",
        "2018-04-01T09:00:00+00:00",
        "2018-04-01T09:00:00.000Z",
        "2018-04-01t09:00:00z",
        "2018-04-01T9:00:00Z",
        "2018-04-01T0a:00:00Z",
        "2018-04-01T09-00-00Z",
        "2018-4-01T09:00:00Z",
        "",
    ])
    func refuses(text: String) {
        #expect(throws: TimestampError.malformed(text)) { try Timestamp(parsing: text) }
    }

    @Test func ordersByTime() throws {
        #expect(try Timestamp(parsing: "2018-04-01T09:00:00Z") < Timestamp(parsing: "2018-04-01T09:00:01Z"))
        #expect(try Timestamp(parsing: "2017-12-31T23:59:59Z") < Timestamp(parsing: "2018-01-01T00:00:00Z"))
    }

    @Test func errorDescription() {
        #expect(
            TimestampError.malformed("x").description == "'x' is not a time; expected UTC such as 2018-04-01T09:00:00Z"
        )
    }

    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)), ("1970-01-01T00:00:59Z", 59), ("2026-12-03T14:05:09Z", 1_796_306_709),
        ("2024-02-29T23:59:59Z", 1_709_251_199), ("1969-12-31T23:59:59Z", -1), ("0001-01-01T00:00:00Z", -62_135_596_800),
    ])
    func secondsSinceTheEpochGoBothWays(text: String, seconds: Int64) throws {
        let time = try Timestamp(parsing: text)
        #expect(time.secondsSinceEpoch == seconds)
        #expect(Timestamp(secondsSinceEpoch: seconds) == time)
        #expect(time.adding(seconds: 86_400)?.adding(seconds: -86_400) == time)
    }

    @Test func timesOutsideTheCalendarAreNil() throws {
        #expect(Timestamp(secondsSinceEpoch: -62_135_596_801) == nil)
        #expect(Timestamp(secondsSinceEpoch: .max) == nil && Timestamp(secondsSinceEpoch: .min) == nil)
        #expect(try Timestamp(parsing: "9999-12-31T23:59:59Z").adding(seconds: 1) == nil)
        #expect(try Timestamp(parsing: "2000-01-01T00:00:00Z").adding(seconds: .max) == nil)
    }
}
