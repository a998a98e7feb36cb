import GrantsCore
@testable import GrantsRules
import Testing

/// applicant-type: who may apply, and which kinds of group must be constituted.
@Suite struct ApplicantTypeCheckTests {
    static let withConstitution = RT.rule(
        "CAF-APPLICANT", .applicantType, ["allowed": "eligible_applicant_types", "must_be_constituted": "must_be_constituted"])
    static let typeOnly = RT.rule("CAF-APPLICANT", .applicantType, ["allowed": "eligible_applicant_types"])
    static let allowedLimit = "community-group, registered-charity, cic"

    @Test func aConstitutedCommunityGroupPasses() throws {
        let result = try RT.result(Self.withConstitution, bid: RT.bid(type: .communityGroup, constituted: true))
        #expect(result.status == .pass)
        #expect(result.found == "community-group, constituted")
        #expect(result.limit == Self.allowedLimit)
        #expect(result.message == "community-group, constituted is eligible")
        #expect(result.applied == [RT.applied("eligible_applicant_types"), RT.applied("must_be_constituted")])
        #expect(result.applied[0].reference == "ref eligible_applicant_types 2017-04-01")
        #expect(result.applied[0].from == RT.day("2017-04-01"))
        #expect(result.applied[0].value == .list(["community-group", "registered-charity", "cic"]))
    }

    @Test func aCharityNeedNotSayWhetherItIsConstituted() throws {
        let result = try RT.result(Self.withConstitution, bid: RT.bid(type: .registeredCharity, constituted: nil))
        #expect(result.status == .pass)
        #expect(result.found == "registered-charity")
        #expect(result.limit == Self.allowedLimit)
        #expect(result.applied == [RT.applied("eligible_applicant_types"), RT.applied("must_be_constituted")])
    }

    @Test func withoutMustBeConstitutedOnlyTheTypeIsChecked() throws {
        let result = try RT.result(Self.typeOnly, bid: RT.bid(type: .communityGroup, constituted: nil))
        #expect(result.status == .pass)
        #expect(result.found == "community-group")
        #expect(result.applied == [RT.applied("eligible_applicant_types")])
    }

    @Test(arguments: [BidForm.ApplicantType.individual, .company, .school, .other])
    func aTypeTheSchemeDoesNotFundFails(_ type: BidForm.ApplicantType) throws {
        let result = try RT.result(Self.withConstitution, bid: RT.bid(type: type, constituted: true))
        #expect(result.status == .fail)
        #expect(result.found == type.rawValue)
        #expect(result.limit == Self.allowedLimit)
        #expect(result.message == "\(type.rawValue) is not one of \(Self.allowedLimit)")
        // The constitution is not looked at once the type has failed.
        #expect(result.applied == [RT.applied("eligible_applicant_types")])
    }

    @Test func anUnconstitutedCommunityGroupFails() throws {
        let result = try RT.result(Self.withConstitution, bid: RT.bid(type: .communityGroup, constituted: false))
        #expect(result.status == .fail)
        #expect(result.found == "community-group, not constituted")
        #expect(result.limit == Self.allowedLimit)
        #expect(result.message == "a community-group must be constituted")
        #expect(result.applied == [RT.applied("eligible_applicant_types"), RT.applied("must_be_constituted")])
    }

    @Test func aCommunityGroupThatDoesNotSayIsUnknown() throws {
        let result = try RT.result(Self.withConstitution, bid: RT.bid(type: .communityGroup, constituted: nil))
        #expect(result.status == .unknown)
        #expect(result.found == "community-group")
        #expect(result.limit == "")
        #expect(result.message.contains("applicant.constituted"))
        #expect(result.message.contains("must be constituted"))
        #expect(result.applied == [RT.applied("eligible_applicant_types"), RT.applied("must_be_constituted")])
    }

    @Test func anAllowedListNotYetInForceIsUnknown() throws {
        let late = RT.parameter("eligible_applicant_types", .list(["community-group"]), from: "2017-09-01")
        let result = try RT.result(Self.typeOnly, parameters: [late], bid: RT.bid(submitted: "2017-06-01"))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.applied.isEmpty)
        #expect(result.message == "no value of eligible_applicant_types applies on 2017-06-01")
    }
}
