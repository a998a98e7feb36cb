import GrantsCore
@testable import GrantsRules
import Testing

/// within-year (the project inside the rulebook's financial year) and not-retrospective (no start before the bid
/// was submitted). Neither takes parameters, so neither reports any applied.
@Suite struct DatesCheckTests {
    static let withinYear = RT.rule("CAF-DATES", .withinYear)
    static let notRetrospective = RT.rule("CAF-RETROSPECTIVE", .notRetrospective)
    static let yearLimit = "2017-04-01 to 2018-03-31 (2017/18)"

    // MARK: within-year

    @Test func aProjectEndingOn31MarchPasses() throws {
        let result = try RT.result(Self.withinYear, bid: RT.bid(start: "2017-07-01", end: "2018-03-31"))
        #expect(result.status == .pass)
        #expect(result.found == "2017-07-01 to 2018-03-31")
        #expect(result.limit == Self.yearLimit)
        #expect(result.message == "inside 2017/18")
        #expect(result.applied.isEmpty)
    }

    @Test func aProjectEndingOn1AprilFails() throws {
        let result = try RT.result(Self.withinYear, bid: RT.bid(start: "2017-07-01", end: "2018-04-01"))
        #expect(result.status == .fail)
        #expect(result.found == "2017-07-01 to 2018-04-01")
        #expect(result.limit == Self.yearLimit)
        #expect(result.message == "it ends after 2018-03-31")
        #expect(result.applied.isEmpty)
    }

    @Test func aProjectRunningTheWholeYearPasses() throws {
        let result = try RT.result(
            Self.withinYear, bid: RT.bid(submitted: "2017-03-01", start: "2017-04-01", end: "2018-03-31"))
        #expect(result.status == .pass)
    }

    @Test func aProjectStartingOn31MarchBeforeTheYearFails() throws {
        let result = try RT.result(
            Self.withinYear, bid: RT.bid(submitted: "2017-03-01", start: "2017-03-31", end: "2017-12-31"))
        #expect(result.status == .fail)
        #expect(result.message == "it starts before 2017-04-01")
    }

    @Test func aProjectEndingBeforeItStartsFails() throws {
        let result = try RT.result(Self.withinYear, bid: RT.bid(start: "2017-09-01", end: "2017-08-31"))
        #expect(result.status == .fail)
        #expect(result.found == "2017-09-01 to 2017-08-31")
        #expect(result.message == "the project ends before it starts")
    }

    @Test(arguments: [("2017-07-01", nil), (nil, "2018-03-31"), (nil, nil)] as [(String?, String?)])
    func aMissingDateIsUnknown(start: String?, end: String?) throws {
        let result = try RT.result(Self.withinYear, bid: RT.bid(start: start, end: end))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.limit == "")
        #expect(result.message == "the bid does not give both planned_start and planned_end")
        #expect(result.applied.isEmpty)
    }

    // MARK: not-retrospective

    @Test func startingOnTheSubmittedDatePasses() throws {
        let result = try RT.result(Self.notRetrospective, bid: RT.bid(submitted: "2017-06-01", start: "2017-06-01"))
        #expect(result.status == .pass)
        #expect(result.found == "starts 2017-06-01")
        #expect(result.limit == "submitted 2017-06-01")
        #expect(result.message == "no earlier than submission")
        #expect(result.applied.isEmpty)
    }

    @Test func startingADayBeforeSubmissionFails() throws {
        let result = try RT.result(Self.notRetrospective, bid: RT.bid(submitted: "2017-06-01", start: "2017-05-31"))
        #expect(result.status == .fail)
        #expect(result.found == "starts 2017-05-31")
        #expect(result.limit == "submitted 2017-06-01")
        #expect(result.message == "before the bid was submitted")
        #expect(result.applied.isEmpty)
    }

    @Test func noPlannedStartIsUnknown() throws {
        let result = try RT.result(Self.notRetrospective, bid: RT.bid(start: nil))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "the bid does not give planned_start")
        #expect(result.applied.isEmpty)
    }

    @Test func theSubmittedDateNotAsOfDecidesRetrospection() throws {
        // --as-of picks parameter values; it does not move the day the bid was submitted.
        let result = try RT.result(
            Self.notRetrospective, bid: RT.bid(submitted: "2017-06-01", start: "2017-06-01"), asOf: RT.day("2017-12-01"))
        #expect(result.status == .pass)
        #expect(result.limit == "submitted 2017-06-01")
    }
}
