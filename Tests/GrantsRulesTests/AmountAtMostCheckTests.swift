import GrantsCore
@testable import GrantsRules
import Testing

/// amount-at-most on each of its three fields: requested, total_project_cost and unrestricted_reserves.
@Suite struct AmountAtMostCheckTests {
    static let request = RT.rule("CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"])
    static let projectCost = RT.rule(
        "CAF-PROJECT-COST", .amountAtMost, ["field": "total_project_cost", "limit": "max_total_project_cost"])
    static let reserves = RT.rule(
        "CAF-RESERVES", .amountAtMost, ["field": "unrestricted_reserves", "limit": "max_unrestricted_reserves"])

    // MARK: requested

    @Test func aRequestAtTheCapPasses() throws {
        let result = try RT.result(Self.request, bid: RT.bid(requested: "2500.00"))
        #expect(result.status == .pass)
        #expect(result.found == "£2,500.00")
        #expect(result.limit == "£2,500.00")
        #expect(result.message == "requested")
        #expect(result.applied == [RT.applied("max_request", .money(RT.money("2500.00")))])
    }

    @Test func aRequestAPennyOverTheCapFails() throws {
        let result = try RT.result(Self.request, bid: RT.bid(requested: "2500.01"))
        #expect(result.status == .fail)
        #expect(result.found == "£2,500.01")
        #expect(result.limit == "£2,500.00")
        #expect(result.applied == [RT.applied("max_request")])
    }

    @Test(arguments: [("0.01", RuleStatus.pass), ("2499.99", .pass), ("2500.00", .pass), ("2500.01", .fail), ("3000.00", .fail)])
    func theCapIsInclusive(requested: String, expected: RuleStatus) throws {
        #expect(try RT.result(Self.request, bid: RT.bid(requested: requested)).status == expected)
    }

    @Test func aCapNotYetInForceOnTheDayIsUnknownAndSaysWhichAndWhen() throws {
        let late = RT.parameter("max_request", .money(RT.money("2500.00")), from: "2017-07-01")
        let result = try RT.result(Self.request, parameters: [late], bid: RT.bid(submitted: "2017-06-30"))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.limit == "")
        #expect(result.applied.isEmpty)
        #expect(result.message.contains("max_request"))
        #expect(result.message.contains("2017-06-30"))
        #expect(result.message == "no value of max_request applies on 2017-06-30")
    }

    @Test func withoutAnUnknownTemplateTheDefaultMessageNamesTheParameterAndTheDay() throws {
        let late = RT.parameter("max_request", .money(RT.money("2500.00")), from: "2017-07-01")
        let rule = RT.rule(
            "CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"],
            messages: MessageTemplates(fail: "Requested {found} exceeds the {limit} cap"))
        let result = try RT.result(rule, parameters: [late], bid: RT.bid(submitted: "2017-06-30"))
        #expect(result.status == .unknown)
        #expect(result.message == "Cannot decide: no value of max_request applies on 2017-06-30")
    }

    // MARK: total_project_cost

    @Test func aProjectCostAtTheLimitPasses() throws {
        let result = try RT.result(Self.projectCost, bid: RT.bid(totalProjectCost: "10000.00"))
        #expect(result.status == .pass)
        #expect(result.found == "£10,000.00")
        #expect(result.limit == "£10,000.00")
        #expect(result.message == "total project cost")
        #expect(result.applied == [RT.applied("max_total_project_cost", .money(RT.money("10000.00")))])
    }

    @Test func aProjectCostAPennyOverFails() throws {
        let result = try RT.result(Self.projectCost, bid: RT.bid(totalProjectCost: "10000.01"))
        #expect(result.status == .fail)
        #expect(result.found == "£10,000.01")
        #expect(result.limit == "£10,000.00")
        #expect(result.applied == [RT.applied("max_total_project_cost")])
    }

    @Test func aMissingProjectCostIsUnknownNotZero() throws {
        let result = try RT.result(Self.projectCost, bid: RT.bid(totalProjectCost: nil))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "the bid does not give total_project_cost")
        #expect(result.applied == [RT.applied("max_total_project_cost")])
    }

    // MARK: unrestricted_reserves

    @Test func reservesAtTheLimitPass() throws {
        let result = try RT.result(Self.reserves, bid: RT.bid(reserves: "25000.00"))
        #expect(result.status == .pass)
        #expect(result.found == "£25,000.00")
        #expect(result.limit == "£25,000.00")
        #expect(result.message == "unrestricted reserves")
        #expect(result.applied == [RT.applied("max_unrestricted_reserves", .money(RT.money("25000.00")))])
    }

    @Test func reservesAPennyOverFail() throws {
        let result = try RT.result(Self.reserves, bid: RT.bid(reserves: "25000.01"))
        #expect(result.status == .fail)
        #expect(result.found == "£25,000.01")
        #expect(result.limit == "£25,000.00")
        #expect(result.applied == [RT.applied("max_unrestricted_reserves")])
    }

    @Test func missingReservesAreUnknownAndNameTheKey() throws {
        let result = try RT.result(Self.reserves, bid: RT.bid(reserves: nil))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "the bid does not give applicant.unrestricted_reserves")
        #expect(result.applied == [RT.applied("max_unrestricted_reserves")])
    }

    @Test func aLimitOfTheWrongTypeIsUnknown() throws {
        let wrong = RT.parameter("max_request", .count(2500))
        let result = try RT.result(Self.request, parameters: [wrong])
        #expect(result.status == .unknown)
        #expect(result.message == "the parameter max_request is not a money")
    }
}
