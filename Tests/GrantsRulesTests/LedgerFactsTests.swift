import GrantsCore
import GrantsImport
import GrantsRulebooks
import GrantsRules
import GrantsStore
import GrantsTestSupport
import Testing

/// `Ledger.facts(year:)`: what the eligibility rules read from the ledger, for one financial year only; and the
/// shipped rulebooks checked against those facts end to end.
@Suite struct LedgerFactsTests {
    /// Added to `Fixtures.base`: Preston council and a Preston CSP whose members are written police first; a
    /// second community group; 2018/19 CSP and CAF funds; a £2,000.00 allocation to Preston from CSP-2017-18 and a
    /// £3,000.00 allocation to South Ribble from CSP-2018-19; bids and awards in both years.
    static let more = """
        format: grants-ledger/1
        organisations:
          - id: GB-LAE-PRE
            name: Preston City Council
            kind: local-authority
          - id: 360G-Test-CSP-PR
            name: Preston Community Safety Partnership
            kind: csp
            members: [360G-Test-POLICE, GB-LAE-PRE]
          - id: 360G-Test-ORG-0002
            name: Another group (example)
            kind: community-group
            example: true
        funds:
          - id: CSP-2018-19
            name: CSP grant 2018/19
            scheme: csp-grant
            financial_year: 2018/19
            amount: "10000.00"
            funder: 360G-Test-OPCC
          - id: CAF-2018-19
            name: Community Action Fund 2018/19
            scheme: community-action-fund
            financial_year: 2018/19
            amount: "1000.00"
            funder: 360G-Test-OPCC
        allocations:
          - {id: ALLOC-PR, fund: CSP-2017-18, csp: 360G-Test-CSP-PR, amount: "2000.00", decision: "2017/13", date: 2017-04-20}
          - {id: ALLOC-SR-1819, fund: CSP-2018-19, csp: 360G-Test-CSP-SR, amount: "3000.00", decision: "2018/12", date: 2018-04-20}
        bids:
          - {id: CSP-BID-1, fund: CSP-2017-18, applicant: GB-LAE-SRI, title: Youth diversionary project, requested: "1500.00", submitted: 2017-05-01, csp: 360G-Test-CSP-SR}
          - {id: CAF-BID-2, fund: CAF-2018-19, applicant: 360G-Test-ORG-0001, title: Boxing 2018, requested: "300.00", submitted: 2018-05-01}
          - {id: CAF-BID-1, fund: CAF-2017-18, applicant: 360G-Test-ORG-0001, title: Boxing, requested: "400.00", submitted: 2017-05-01}
        awards:
          - id: AW-SR-1
            bid: CSP-BID-1
            fund: CSP-2017-18
            allocation: ALLOC-SR
            recipient: GB-LAE-SRI
            title: Youth diversionary project
            amount: "1500.00"
            decision: "2017/81"
            award_date: 2017-07-03
            planned_start: 2017-07-10
            planned_end: 2018-03-31
            priorities: [anti-social-behaviour]
          - id: AW-PR-1
            fund: CSP-2017-18
            allocation: ALLOC-PR
            recipient: GB-LAE-PRE
            title: Hate crime training
            amount: "250.00"
            decision: "2017/82"
            award_date: 2017-07-03
            planned_start: 2017-07-10
            planned_end: 2018-03-31
            priorities: [hate-crime]
          - id: AW-CAF-1
            bid: CAF-BID-1
            fund: CAF-2017-18
            recipient: 360G-Test-ORG-0001
            title: Boxing
            amount: "400.00"
            decision: "2017/90"
            award_date: 2017-06-20
            planned_start: 2017-07-01
            planned_end: 2018-03-31
            priorities: [reoffending]
          - id: AW-SR-1819
            fund: CSP-2018-19
            allocation: ALLOC-SR-1819
            recipient: GB-LAE-SRI
            title: Drug-driving campaign
            amount: "2000.00"
            decision: "2018/81"
            award_date: 2018-07-03
            planned_start: 2018-07-10
            planned_end: 2019-03-31
            priorities: [road-safety]
          - id: AW-CAF-1819
            bid: CAF-BID-2
            fund: CAF-2018-19
            recipient: 360G-Test-ORG-0001
            title: Boxing 2018
            amount: "300.00"
            decision: "2018/90"
            award_date: 2018-06-20
            planned_start: 2018-07-01
            planned_end: 2019-03-31
            priorities: [reoffending]

        """

    static func busyLedger() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try ledger.record(try LedgerFile.parse(more, file: "more.yaml"), as: Fixtures.change())
        return ledger
    }

    static func year(_ label: String) throws -> FinancialYear {
        try FinancialYear(parsing: label)
    }

    static let southRibble = RT.org("360G-Test-CSP-SR")
    static let preston = RT.org("360G-Test-CSP-PR")

    // MARK: - The facts

    @Test func theBaseLedgerHasOnePartnershipAndNoBidsOrAwards() throws {
        let facts = try Fixtures.ledger().facts(year: try Self.year("2017/18"))
        #expect(facts.year == RT.year)
        #expect(facts.applications.isEmpty)
        #expect(facts.fundings.isEmpty)
        #expect(facts.partnerships == [LedgerFacts.Partnership(
            id: Self.southRibble, name: "South Ribble Community Safety Partnership", locationCode: nil,
            members: [RT.org("GB-LAE-SRI"), RT.org("360G-Test-POLICE")], allocated: RT.money("5000.00"),
            committed: .zero)])
    }

    @Test func applicationsAreThoseToTheYearsFundsOnly() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        #expect(facts.applications == [
            LedgerFacts.Application(
                bidID: "CAF-BID-1", applicant: RT.org("360G-Test-ORG-0001"), scheme: .communityActionFund,
                fundID: "CAF-2017-18"),
            LedgerFacts.Application(
                bidID: "CSP-BID-1", applicant: RT.org("GB-LAE-SRI"), scheme: .cspGrant, fundID: "CSP-2017-18"),
        ])
    }

    @Test func fundingsAreTheAwardsFromTheYearsFundsOnly() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        #expect(facts.fundings == [
            LedgerFacts.Funding(
                awardID: "AW-CAF-1", bidID: "CAF-BID-1", recipient: RT.org("360G-Test-ORG-0001"),
                scheme: .communityActionFund, fundID: "CAF-2017-18", amount: RT.money("400.00")),
            LedgerFacts.Funding(
                awardID: "AW-PR-1", bidID: nil, recipient: RT.org("GB-LAE-PRE"), scheme: .cspGrant,
                fundID: "CSP-2017-18", amount: RT.money("250.00")),
            LedgerFacts.Funding(
                awardID: "AW-SR-1", bidID: "CSP-BID-1", recipient: RT.org("GB-LAE-SRI"), scheme: .cspGrant,
                fundID: "CSP-2017-18", amount: RT.money("1500.00")),
        ])
    }

    @Test func partnershipsKeepTheirMembersInTheOrderWrittenWithTheYearsMoney() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        #expect(facts.partnerships.map(\.id) == [Self.preston, Self.southRibble])
        let preston = try #require(facts.partnerships.first)
        #expect(preston.name == "Preston Community Safety Partnership")
        #expect(preston.members == [RT.org("360G-Test-POLICE"), RT.org("GB-LAE-PRE")])
        #expect(preston.allocated == RT.money("2000.00"))
        #expect(preston.committed == RT.money("250.00"))
        #expect(try preston.remaining() == RT.money("1750.00"))
        let southRibble = try #require(facts.partnerships.last)
        #expect(southRibble.members == [RT.org("GB-LAE-SRI"), RT.org("360G-Test-POLICE")])
        #expect(southRibble.allocated == RT.money("5000.00"))
        #expect(southRibble.committed == RT.money("1500.00"))
        #expect(try southRibble.remaining() == RT.money("3500.00"))
    }

    @Test func theNextYearSeesOnlyItsOwnBidsAwardsAndAllocations() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2018/19"))
        #expect(facts.applications.map(\.bidID) == ["CAF-BID-2"])
        #expect(facts.fundings.map(\.awardID) == ["AW-CAF-1819", "AW-SR-1819"])
        #expect(facts.partnerships.map(\.id) == [Self.preston, Self.southRibble])
        #expect(facts.partnerships.map(\.allocated) == [.zero, RT.money("3000.00")])
        #expect(facts.partnerships.map(\.committed) == [.zero, RT.money("2000.00")])
    }

    @Test func aYearWithNothingRecordedStillListsThePartnerships() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2019/20"))
        #expect(facts.applications.isEmpty)
        #expect(facts.fundings.isEmpty)
        #expect(facts.partnerships.map(\.allocated) == [.zero, .zero])
        #expect(facts.partnerships.map(\.members.count) == [2, 2])
    }

    @Test(arguments: [
        "South Ribble", "south ribble", "  South   Ribble ", "South Ribble Community Safety Partnership",
        "360G-Test-CSP-SR",
    ])
    func aPartnershipIsFoundByShortNameFullNameOrId(name: String) throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        #expect(facts.partnership(named: name)?.id == Self.southRibble)
    }

    @Test(arguments: ["Ribble", "Lancashire", "GB-LAE-SRI", ""])
    func otherNamesFindNoPartnership(name: String) throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        #expect(facts.partnership(named: name) == nil)
    }

    // MARK: - End to end: the shipped rulebooks with the ledger's facts

    static func shipped(_ scheme: String) throws -> Rulebook {
        let path = try #require(ShippedRulebooks.path(scheme: scheme, year: "2017/18"))
        return try RulebookFile.read(file: path)
    }

    static func status(_ verdict: Eligibility, _ ruleID: String) throws -> Eligibility.RuleResult {
        try #require(verdict.results.first { $0.ruleID == ruleID })
    }

    @Test func aMemberBiddingForExactlyWhatIsLeftPassesAndAPennyMoreFails() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        let engine = RuleEngine(rulebook: try Self.shipped("csp-grant"), facts: facts)

        let exact = engine.check(RT.cspBid(requested: "3500.00"))
        let member = try Self.status(exact, "CSP-MEMBER")
        #expect(member.status == .pass)
        #expect(member.message
            == "South Ribble Borough Council (GB-LAE-SRI) is a member of South Ribble Community Safety Partnership")
        let allocation = try Self.status(exact, "CSP-ALLOCATION")
        #expect(allocation.status == .pass)
        #expect(allocation.found == "£3,500.00")
        #expect(allocation.limit == "£3,500.00")
        #expect(allocation.message == "Requested £3,500.00 fits in the £3,500.00 left of the allocation "
            + "(£5,000.00 allocated to South Ribble Community Safety Partnership, £1,500.00 committed)")
        #expect(exact.outcome == .eligible)

        let over = engine.check(RT.cspBid(requested: "3500.01"))
        let overAllocation = try Self.status(over, "CSP-ALLOCATION")
        #expect(overAllocation.status == .fail)
        #expect(overAllocation.found == "£3,500.01")
        #expect(overAllocation.limit == "£3,500.00")
        #expect(over.failedRules == ["CSP-ALLOCATION"])
        #expect(over.outcome == .ineligible)
    }

    @Test func anOutsiderCannotBidForTheCSPsMoney() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        let engine = RuleEngine(rulebook: try Self.shipped("csp-grant"), facts: facts)
        let verdict = engine.check(
            RT.cspBid(applicantID: "360G-Test-ORG-0001", applicantName: "Leyland Youth Boxing Club (example)"))
        let member = try Self.status(verdict, "CSP-MEMBER")
        #expect(member.status == .fail)
        #expect(member.found == "Leyland Youth Boxing Club (example) (360G-Test-ORG-0001)")
        #expect(member.message.contains("cannot bid: not a member of South Ribble Community Safety Partnership"))
        #expect(verdict.failedRules == ["CSP-MEMBER"])
        #expect(verdict.outcome == .ineligible)
    }

    @Test func aMemberOfOneCSPIsNotAMemberOfAnother() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        let engine = RuleEngine(rulebook: try Self.shipped("csp-grant"), facts: facts)
        let preston = engine.check(RT.cspBid(csp: "Preston", requested: "1750.00"))
        #expect(try Self.status(preston, "CSP-MEMBER").status == .fail)
        #expect(try Self.status(preston, "CSP-ALLOCATION").status == .pass)
        #expect(try Self.status(preston, "CSP-ALLOCATION").limit == "£1,750.00")
        let police = engine.check(RT.cspBid(applicantID: "360G-Test-POLICE", applicantName: "Lancashire Constabulary", csp: "Preston"))
        #expect(try Self.status(police, "CSP-MEMBER").status == .pass)
    }

    @Test func withoutTheLedgerTheCSPRulesAreUnknownAndSayGiveDb() throws {
        let verdict = RuleEngine(rulebook: try Self.shipped("csp-grant")).check(RT.cspBid())
        #expect(verdict.outcome == .incomplete)
        #expect(verdict.unknownRules == ["CSP-MEMBER", "CSP-ALLOCATION"])
        for id in ["CSP-MEMBER", "CSP-ALLOCATION"] {
            #expect(try Self.status(verdict, id).message.contains("(give --db)"))
        }
    }

    @Test func theCAFRulesSeeTheLedgersApplicationsAndOtherAwards() throws {
        let facts = try Self.busyLedger().facts(year: try Self.year("2017/18"))
        let engine = RuleEngine(rulebook: try Self.shipped("community-action-fund"), facts: facts)
        // 360G-Test-ORG-0001 already applied (CAF-BID-1) to the 2017/18 fund.
        let again = engine.check(RT.bid(id: "CAF-2017-020", applicantID: "360G-Test-ORG-0001"))
        let oneAYear = try Self.status(again, "CAF-ONE-A-YEAR")
        #expect(oneAYear.status == .fail)
        #expect(oneAYear.found == "2")
        #expect(oneAYear.message.contains("CAF-BID-1 in the ledger"))
        // A warning: the bid stays eligible.
        #expect(again.outcome == .eligible)
        // Its only award is from the same scheme.
        #expect(try Self.status(again, "CAF-NOT-FUNDED-ELSEWHERE").status == .pass)

        // The council holds a CSP award this year: funded by another stream.
        let council = engine.check(RT.bid(id: "CAF-2017-021", applicantID: "GB-LAE-SRI"))
        let elsewhere = try Self.status(council, "CAF-NOT-FUNDED-ELSEWHERE")
        #expect(elsewhere.status == .fail)
        #expect(elsewhere.found == "AW-SR-1 (CSP-2017-18, £1,500.00)")

        // A newcomer is neither.
        let newcomer = engine.check(RT.bid(id: "CAF-2017-022", applicantID: "360G-Test-ORG-0002"))
        #expect(try Self.status(newcomer, "CAF-ONE-A-YEAR").status == .pass)
        #expect(try Self.status(newcomer, "CAF-NOT-FUNDED-ELSEWHERE").status == .pass)
        #expect(newcomer.outcome == .eligible)
    }

    @Test func onlyTheYearsApplicationsCount() throws {
        let rulebook = RT.rulebook([RT.rule("ONE", .applicationsPerYear, ["maximum": "applications_per_year"])])
        let year1819 = try Self.year("2018/19")
        let facts = try Self.busyLedger().facts(year: year1819)
        let bid = RT.bid(id: "CAF-2018-001", year: year1819, submitted: "2018-06-01", applicantID: "360G-Test-ORG-0001")
        let result = try #require(RuleEngine(rulebook: rulebook, facts: facts).check(bid).results.first)
        #expect(result.status == .fail)
        #expect(result.found == "2")
        #expect(result.message == "also CAF-BID-2 in the ledger")
    }
}
