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
}
