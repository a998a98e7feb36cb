import GrantsCore
@testable import GrantsRules
import Testing

/// The checks that read the ledger: applications-per-year, not-funded-elsewhere, csp-member and
/// within-allocation. With no facts each is unknown and says what is missing and to give --db; with facts built
/// in code each passes or fails.
@Suite struct LedgerRulesCheckTests {
    static let perYear = RT.rule("CAF-ONE-A-YEAR", .applicationsPerYear, ["maximum": "applications_per_year"])
    static let elsewhere = RT.rule("CAF-NOT-FUNDED-ELSEWHERE", .notFundedElsewhere)
    static let member = RT.rule("CSP-MEMBER", .cspMember)
    static let allocation = RT.rule("CSP-ALLOCATION", .withinAllocation)

    // MARK: applications-per-year

    @Test func withoutALedgerOneBidIsUnknown() throws {
        let result = try RT.result(Self.perYear, bid: RT.bid())
        #expect(result.status == .unknown)
        #expect(result.found == "1")
        #expect(result.message.contains("--db"))
        #expect(result.message == "no ledger to count the applicant's other bids in 2017/18 (give --db)")
        #expect(result.applied == [RT.applied("applications_per_year", .count(1))])
    }

    @Test func withoutALedgerASecondBidInTheSameRunFails() throws {
        let first = RT.bid(id: "CAF-2017-014")
        let second = RT.bid(id: "CAF-2017-015", title: "Saturday sessions")
        let verdicts = RuleEngine(rulebook: RT.rulebook([Self.perYear])).check([first, second])
        #expect(verdicts.count == 2)
        for (verdict, other) in zip(verdicts, ["CAF-2017-015", "CAF-2017-014"]) {
            let result = try #require(verdict.results.first)
            #expect(result.status == .fail)
            #expect(result.found == "2")
            #expect(result.limit == "1 a year")
            #expect(result.message == "also \(other) in this run")
            #expect(result.applied == [RT.applied("applications_per_year")])
        }
    }

    @Test func theOnlyBidInTheLedgerYearPasses() throws {
        let facts = RT.facts(applications: [RT.application("CAF-OTHER", applicant: "360G-Test-ORG-0001")])
        let result = try RT.result(Self.perYear, bid: RT.bid(), facts: facts)
        #expect(result.status == .pass)
        #expect(result.found == "1")
        #expect(result.limit == "1 a year")
        #expect(result.message == "no other bids")
        #expect(result.applied == [RT.applied("applications_per_year")])
    }

    @Test func aSecondApplicationInTheLedgerFails() throws {
        let facts = RT.facts(applications: [RT.application("CAF-2017-003")])
        let result = try RT.result(Self.perYear, bid: RT.bid(id: "CAF-2017-014"), facts: facts)
        #expect(result.status == .fail)
        #expect(result.found == "2")
        #expect(result.limit == "1 a year")
        #expect(result.message == "also CAF-2017-003 in the ledger")
        #expect(result.applied == [RT.applied("applications_per_year")])
    }

    @Test func aSecondApplicationInTheSameRunWithALedgerFails() throws {
        let first = RT.bid(id: "CAF-2017-014")
        let second = RT.bid(id: "CAF-2017-015")
        let verdicts = RuleEngine(rulebook: RT.rulebook([Self.perYear]), facts: RT.facts()).check([first, second])
        let results = try verdicts.map { try #require($0.results.first) }
        #expect(results.map(\.status) == [.fail, .fail])
        #expect(results.map(\.found) == ["2", "2"])
        #expect(results.map(\.message) == ["also CAF-2017-015 in this run", "also CAF-2017-014 in this run"])
    }

    @Test func aBidAlreadyRecordedInTheLedgerIsNotCountedTwice() throws {
        // Re-checking a bid that is in the ledger (and in this run) counts it once.
        let facts = RT.facts(applications: [RT.application("CAF-2017-014")])
        let result = try RT.result(Self.perYear, bid: RT.bid(id: "CAF-2017-014"), facts: facts)
        #expect(result.status == .pass)
        #expect(result.found == "1")
    }

    @Test func bidsInTheLedgerAndTheRunAddUp() throws {
        let facts = RT.facts(applications: [RT.application("CAF-2017-003")])
        let result = try RT.result(
            Self.perYear, bid: RT.bid(id: "CAF-2017-014"), facts: facts, round: [RT.bid(id: "CAF-2017-015")])
        #expect(result.status == .fail)
        #expect(result.found == "3")
        #expect(result.message == "also CAF-2017-003 in the ledger; CAF-2017-015 in this run")
    }

    @Test func anApplicationToAnotherSchemeOrByAnotherApplicantDoesNotCount() throws {
        let facts = RT.facts(applications: [
            RT.application("CSP-2017-001", scheme: .cspGrant, fund: "CSP-2017-18"),
            RT.application("CAF-2017-009", applicant: "360G-Test-ORG-0001"),
        ])
        let round = [RT.bid(id: "CSP-X", scheme: .cspGrant), RT.bid(id: "CAF-Y", applicantID: "360G-Test-ORG-0002")]
        let result = try RT.result(Self.perYear, bid: RT.bid(), facts: facts, round: round)
        #expect(result.status == .pass)
        #expect(result.found == "1")
    }

    @Test func aHigherMaximumAllowsASecondApplication() throws {
        var parameters = RT.cafParameters.filter { $0.name != "applications_per_year" }
        parameters.append(RT.parameter("applications_per_year", .count(2)))
        let facts = RT.facts(applications: [RT.application("CAF-2017-003")])
        let result = try RT.result(Self.perYear, parameters: parameters, bid: RT.bid(), facts: facts)
        #expect(result.status == .pass)
        #expect(result.limit == "2 a year")
        #expect(result.applied == [RT.applied("applications_per_year", .count(2))])
    }

    // MARK: not-funded-elsewhere

    @Test func withoutALedgerOtherFundingIsUnknown() throws {
        let result = try RT.result(Self.elsewhere, bid: RT.bid())
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "no ledger to look up the applicant's other awards in 2017/18 (give --db)")
        #expect(result.applied.isEmpty)
    }

    @Test func anAwardFromAnotherSchemesFundFails() throws {
        let facts = RT.facts(fundings: [
            RT.funding("AW-CSP-1", scheme: .cspGrant, fund: "CSP-2017-18", amount: "1000.00"),
        ])
        let result = try RT.result(Self.elsewhere, bid: RT.bid(), facts: facts)
        #expect(result.status == .fail)
        #expect(result.found == "AW-CSP-1 (CSP-2017-18, £1,000.00)")
        #expect(result.limit == "no award from another stream in 2017/18")
        #expect(result.message == "already funded: AW-CSP-1 (CSP-2017-18, £1,000.00)")
        #expect(result.applied.isEmpty)
    }

    @Test func anAwardFromTheSameSchemeOrToSomeoneElseIsNotElsewhere() throws {
        let facts = RT.facts(fundings: [
            RT.funding("AW-CAF-1", scheme: .communityActionFund, fund: "CAF-2017-18", amount: "500.00"),
            RT.funding(
                "AW-CSP-2", recipient: "360G-Test-ORG-0001", scheme: .cspGrant, fund: "CSP-2017-18", amount: "700.00"),
        ])
        let result = try RT.result(Self.elsewhere, bid: RT.bid(), facts: facts)
        #expect(result.status == .pass)
        #expect(result.found == "no other awards")
        #expect(result.limit == "no award from another stream in 2017/18")
        #expect(result.message == "not funded elsewhere")
        #expect(result.applied.isEmpty)
    }

    // MARK: csp-member

    @Test func withoutALedgerMembershipIsUnknown() throws {
        let result = try RT.result(Self.member, bid: RT.cspBid())
        #expect(result.status == .unknown)
        #expect(result.found == "GB-LAE-SRI")
        #expect(result.message == "no ledger to look up the members of South Ribble (give --db)")
        #expect(result.applied.isEmpty)
    }

    @Test func aBidNamingNoCSPIsUnknown() throws {
        let result = try RT.result(Self.member, bid: RT.cspBid(csp: nil), facts: RT.facts())
        #expect(result.status == .unknown)
        #expect(result.message == "the bid does not name its csp")
    }

    @Test(arguments: [
        "South Ribble", "South Ribble Community Safety Partnership", "360G-Test-CSP-SR", "south  ribble",
        "SOUTH RIBBLE community safety partnership",
    ])
    func aMemberPassesWhicheverWayTheCSPIsNamed(csp: String) throws {
        let result = try RT.result(Self.member, bid: RT.cspBid(csp: csp), facts: RT.facts())
        #expect(result.status == .pass)
        #expect(result.found == "South Ribble Borough Council (GB-LAE-SRI)")
        #expect(result.limit == "South Ribble Community Safety Partnership or one of its responsible authorities")
        #expect(result.message == "a member of South Ribble Community Safety Partnership")
        #expect(result.applied.isEmpty)
    }

    @Test(arguments: ["360G-Test-POLICE", "360G-Test-CSP-SR"])
    func theOtherMemberAndThePartnershipItselfPass(applicant: String) throws {
        let result = try RT.result(
            Self.member, bid: RT.cspBid(applicantID: applicant, applicantName: "Someone"), facts: RT.facts())
        #expect(result.status == .pass)
    }

    @Test func aNonMemberFails() throws {
        let bid = RT.cspBid(applicantID: "GB-LAE-PRE", applicantName: "Preston City Council")
        let result = try RT.result(Self.member, bid: bid, facts: RT.facts())
        #expect(result.status == .fail)
        #expect(result.found == "Preston City Council (GB-LAE-PRE)")
        #expect(result.limit == "South Ribble Community Safety Partnership or one of its responsible authorities")
        #expect(result.message == "not a member of South Ribble Community Safety Partnership")
    }

    @Test func anUnknownCSPFails() throws {
        let result = try RT.result(Self.member, bid: RT.cspBid(csp: "Preston"), facts: RT.facts())
        #expect(result.status == .fail)
        #expect(result.found == "Preston")
        #expect(result.limit == "a partnership in the ledger")
        #expect(result.message == "no community safety partnership called Preston is in the ledger")
    }

    @Test func aPartOfTheNameIsNotTheName() throws {
        #expect(try RT.result(Self.member, bid: RT.cspBid(csp: "Ribble"), facts: RT.facts()).status == .fail)
    }

    // MARK: within-allocation

    @Test func withoutALedgerTheAllocationIsUnknown() throws {
        let result = try RT.result(Self.allocation, bid: RT.cspBid(requested: "1000.00"))
        #expect(result.status == .unknown)
        #expect(result.found == "£1,000.00")
        #expect(result.message == "no ledger to look up what is left of South Ribble's allocation (give --db)")
        #expect(result.applied.isEmpty)
    }

    @Test func aBidNamingNoCSPLeavesTheAllocationUnknown() throws {
        let result = try RT.result(Self.allocation, bid: RT.cspBid(csp: nil), facts: RT.facts())
        #expect(result.status == .unknown)
        #expect(result.message == "the bid does not name its csp")
    }

    @Test func exactlyTheRemainingAmountPasses() throws {
        let facts = RT.facts(partnerships: [RT.southRibble(allocated: "5000.00", committed: "1500.00")])
        let result = try RT.result(Self.allocation, bid: RT.cspBid(requested: "3500.00"), facts: facts)
        #expect(result.status == .pass)
        #expect(result.found == "£3,500.00")
        #expect(result.limit == "£3,500.00")
        #expect(result.message
            == "£5,000.00 allocated to South Ribble Community Safety Partnership, £1,500.00 committed")
        #expect(result.applied.isEmpty)
    }

    @Test func aPennyOverTheRemainingAmountFails() throws {
        let facts = RT.facts(partnerships: [RT.southRibble(allocated: "5000.00", committed: "1500.00")])
        let result = try RT.result(Self.allocation, bid: RT.cspBid(requested: "3500.01"), facts: facts)
        #expect(result.status == .fail)
        #expect(result.found == "£3,500.01")
        #expect(result.limit == "£3,500.00")
        #expect(result.message
            == "£5,000.00 allocated to South Ribble Community Safety Partnership, £1,500.00 committed")
    }

    @Test func anAllocationForAnUnknownCSPFails() throws {
        let result = try RT.result(Self.allocation, bid: RT.cspBid(csp: "Preston"), facts: RT.facts())
        #expect(result.status == .fail)
        #expect(result.found == "£1,000.00")
        #expect(result.limit == "an allocation")
        #expect(result.message == "no community safety partnership called Preston is in the ledger")
    }

    @Test func theAllocationIsFoundByIdAndFullNameToo() throws {
        for csp in ["360G-Test-CSP-SR", "South Ribble Community Safety Partnership"] {
            let result = try RT.result(Self.allocation, bid: RT.cspBid(csp: csp, requested: "5000.00"), facts: RT.facts())
            #expect(result.status == .pass, "named \(csp)")
            #expect(result.limit == "£5,000.00")
        }
    }
}
