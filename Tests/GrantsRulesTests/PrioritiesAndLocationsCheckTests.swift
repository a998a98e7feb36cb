import GrantsCore
@testable import GrantsRules
import Testing

/// priorities (at least the minimum of the plan's priorities) and locations (every location in the force area).
@Suite struct PrioritiesAndLocationsCheckTests {
    static let priorities = RT.rule(
        "CAF-PRIORITIES", .priorities, ["allowed": "plan_priorities", "minimum": "minimum_priorities"])
    static let locations = RT.rule("CAF-AREA", .locations, ["allowed": "force_area"])
    static let prioritiesLimit = "at least 1 of \(RT.priorityList.joined(separator: ", "))"

    // MARK: priorities

    @Test func aBidAddressingPlanPrioritiesPasses() throws {
        let result = try RT.result(Self.priorities, bid: RT.bid(priorities: ["anti-social-behaviour", "reoffending"]))
        #expect(result.status == .pass)
        #expect(result.found == "anti-social-behaviour, reoffending")
        #expect(result.limit == Self.prioritiesLimit)
        #expect(result.message == "anti-social-behaviour, reoffending")
        #expect(result.applied == [
            RT.applied("plan_priorities", .list(RT.priorityList)), RT.applied("minimum_priorities", .count(1)),
        ])
    }

    @Test func oneAllowedAmongOthersIsEnoughAndTheOthersAreNamed() throws {
        let result = try RT.result(Self.priorities, bid: RT.bid(priorities: ["knitting", "hate-crime"]))
        #expect(result.status == .pass)
        #expect(result.message == "hate-crime; not plan priorities: knitting")
    }

    @Test func aBidAddressingNoPlanPriorityFails() throws {
        let result = try RT.result(Self.priorities, bid: RT.bid(priorities: ["knitting"]))
        #expect(result.status == .fail)
        #expect(result.found == "knitting")
        #expect(result.limit == Self.prioritiesLimit)
        #expect(result.message == "none of the plan's priorities; not plan priorities: knitting")
        #expect(result.applied == [RT.applied("plan_priorities"), RT.applied("minimum_priorities")])
    }

    @Test func aBidNamingNoPrioritiesFails() throws {
        let result = try RT.result(Self.priorities, bid: RT.bid(priorities: []))
        #expect(result.status == .fail)
        #expect(result.found == "no priorities")
    }

    @Test func aHigherMinimumCounts() throws {
        var parameters = RT.cafParameters.filter { $0.name != "minimum_priorities" }
        parameters.append(RT.parameter("minimum_priorities", .count(3)))
        let result = try RT.result(
            Self.priorities, parameters: parameters, bid: RT.bid(priorities: ["anti-social-behaviour", "reoffending"]))
        #expect(result.status == .fail)
        #expect(result.limit.hasPrefix("at least 3 of "))
        #expect(result.applied[1] == RT.applied("minimum_priorities", .count(3)))
    }

    @Test func aMinimumNotYetInForceIsUnknown() throws {
        var parameters = RT.cafParameters.filter { $0.name != "minimum_priorities" }
        parameters.append(RT.parameter("minimum_priorities", .count(1), from: "2017-06-02"))
        let result = try RT.result(Self.priorities, parameters: parameters, bid: RT.bid(submitted: "2017-06-01"))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.applied.isEmpty)
        #expect(result.message == "no value of minimum_priorities applies on 2017-06-01")
    }

    // MARK: locations

    @Test func locationsInTheForceAreaPass() throws {
        let result = try RT.result(Self.locations, bid: RT.bid(locations: ["South Ribble", "Preston"]))
        #expect(result.status == .pass)
        #expect(result.found == "South Ribble, Preston")
        #expect(result.limit == RT.forceArea.joined(separator: ", "))
        #expect(result.message == "all inside the area")
        #expect(result.applied == [RT.applied("force_area", .list(RT.forceArea))])
    }

    @Test func locationsAreMatchedWithoutRegardToCase() throws {
        let result = try RT.result(Self.locations, bid: RT.bid(locations: ["south ribble", "BLACKPOOL"]))
        #expect(result.status == .pass)
    }

    @Test func aLocationOutsideTheAreaFailsAndIsNamed() throws {
        let result = try RT.result(Self.locations, bid: RT.bid(locations: ["South Ribble", "Manchester"]))
        #expect(result.status == .fail)
        #expect(result.found == "South Ribble, Manchester")
        #expect(result.limit == RT.forceArea.joined(separator: ", "))
        #expect(result.message == "outside the area: Manchester")
        #expect(result.applied == [RT.applied("force_area")])
    }

    @Test func noLocationsIsUnknown() throws {
        let result = try RT.result(Self.locations, bid: RT.bid(locations: []))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "the bid gives no locations")
        #expect(result.applied == [RT.applied("force_area")])
    }

    @Test func aForceAreaNotYetInForceIsUnknown() throws {
        let late = RT.parameter("force_area", .list(RT.forceArea), from: "2017-10-01")
        let result = try RT.result(Self.locations, parameters: [late], bid: RT.bid(submitted: "2017-09-30"))
        #expect(result.status == .unknown)
        #expect(result.message == "no value of force_area applies on 2017-09-30")
        #expect(result.applied.isEmpty)
    }
}
