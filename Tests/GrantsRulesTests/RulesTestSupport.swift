import GrantsCore
import GrantsImport
@testable import GrantsRules
import Testing

/// Values shared by the rules tests: days, amounts, a rulebook built in code, a bid with sensible defaults (the
/// issue's example bid), and ledger facts built in code. Everything sits under `RT` so that nothing collides with
/// helpers other test files in this target declare.
enum RT {
    // MARK: - Values from text (constants written in the tests; a bad one is a broken test)

    static func day(_ text: String) -> Day {
        do {
            return try Day(parsing: text)
        } catch {
            preconditionFailure("bad test day \(text): \(error)")
        }
    }

    static func money(_ text: String) -> Money {
        do {
            return try Money(parsing: text)
        } catch {
            preconditionFailure("bad test amount \(text): \(error)")
        }
    }

    static func org(_ text: String) -> OrganisationID {
        do {
            return try OrganisationID(parsing: text)
        } catch {
            preconditionFailure("bad test organisation id \(text): \(error)")
        }
    }

    static let year: FinancialYear = {
        guard let year = FinancialYear(startYear: 2017) else { preconditionFailure("bad test year") }
        return year
    }()

    // MARK: - Rulebooks built in code

    /// The reference every test parameter's value carries: `ref <name> <from>`, so a test can tell which dated
    /// value applied.
    static func reference(_ name: String, from: String = "2017-04-01") -> String {
        "ref \(name) \(from)"
    }

    /// A parameter with one value from `from` (1 April by default).
    static func parameter(_ name: String, _ value: ParameterValue, from: String = "2017-04-01") -> Parameter {
        Parameter(
            name: name, type: value.type, description: "test parameter \(name)",
            values: [DatedValue(from: day(from), value: value, reference: reference(name, from: from))])
    }

    /// A parameter with several dated values, each `(from, value)`.
    static func parameter(_ name: String, dated values: [(String, ParameterValue)]) -> Parameter {
        Parameter(
            name: name, type: values[0].1.type, description: "test parameter \(name)",
            values: values.map { DatedValue(from: day($0.0), value: $0.1, reference: reference(name, from: $0.0)) })
    }

    /// What a rule reports it applied for a parameter made by `parameter(_:_:from:)`.
    static func applied(_ name: String, _ value: ParameterValue, from: String = "2017-04-01") -> AppliedParameter {
        AppliedParameter(name: name, value: value, from: day(from), reference: reference(name, from: from))
    }

    /// What a rule reports it applied for one of `cafParameters`.
    static func applied(_ name: String) -> AppliedParameter {
        guard let parameter = cafParameters.first(where: { $0.name == name }), let first = parameter.values.first else {
            preconditionFailure("no test parameter \(name)")
        }
        return AppliedParameter(name: name, value: first.value, from: first.from, reference: first.reference)
    }

    static let priorityList = [
        "serious-organised-crime", "modern-slavery", "cybercrime", "community-engagement", "crime-reduction",
        "substance-misuse", "early-action", "hate-crime", "road-safety", "anti-social-behaviour", "domestic-abuse",
        "sexual-violence", "reoffending",
    ]

    static let forceArea = [
        "Blackburn with Darwen", "Blackpool", "Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle",
        "Preston", "Ribble Valley", "Rossendale", "South Ribble", "West Lancashire", "Wyre", "Lancashire",
    ]

    static let ineligibleCosts = [
        "alcohol", "political-promotion", "religious-promotion", "retrospective-costs", "statutory-duties",
    ]

    /// The Community Action Fund 2017/18 parameters, as the shipped rulebook has them, each from 1 April.
    static let cafParameters: [Parameter] = [
        parameter("max_request", .money(money("2500.00"))),
        parameter("max_total_project_cost", .money(money("10000.00"))),
        parameter("max_unrestricted_reserves", .money(money("25000.00"))),
        parameter("eligible_applicant_types", .list(["community-group", "registered-charity", "cic"])),
        parameter("must_be_constituted", .list(["community-group"])),
        parameter("plan_priorities", .list(priorityList)),
        parameter("minimum_priorities", .count(1)),
        parameter("force_area", .list(forceArea)),
        parameter("ineligible_costs", .list(ineligibleCosts)),
        parameter("required_documents", .list(["constitution", "latest-accounts"])),
        parameter("safeguarding_documents", .list(["safeguarding-policy"])),
        parameter("vulnerable_groups", .list(["children", "vulnerable-adults"])),
        parameter("applications_per_year", .count(1)),
    ]

    /// Templates that say only the check's detail, so a test reads the detail from `message`.
    static let detailMessages = MessageTemplates(pass: "{detail}", fail: "{detail}", unknown: "{detail}")

    static func rule(
        _ id: String, _ check: CheckKind, _ arguments: [String: String] = [:], severity: Severity = .blocking,
        messages: MessageTemplates = detailMessages
    ) -> Rule {
        Rule(id: id, check: check, arguments: arguments, severity: severity, messages: messages)
    }

    static func rulebook(
        _ rules: [Rule], parameters: [Parameter] = cafParameters, scheme: Scheme = .communityActionFund
    ) -> Rulebook {
        Rulebook(
            scheme: scheme, year: year, title: "Test rulebook", source: "test", parameters: parameters, rules: rules)
    }

    /// The result of one rule, checked alone against `bid` (with the other bids of `round` in the same run).
    static func result(
        _ rule: Rule, parameters: [Parameter] = cafParameters, bid: BidForm = RT.bid(), facts: LedgerFacts? = nil,
        asOf: Day? = nil, round: [BidForm] = []
    ) throws -> Eligibility.RuleResult {
        let engine = RuleEngine(rulebook: rulebook([rule], parameters: parameters, scheme: bid.scheme), facts: facts)
        let verdicts = engine.check([bid] + round, asOf: asOf)
        return try #require(verdicts.first?.results.first)
    }

    // MARK: - Bids built in code

    static func line(_ category: String, _ description: String, _ amount: String, vat: Bool? = false) -> BidForm.BudgetLine {
        BidForm.BudgetLine(category: category, description: description, amount: money(amount), vatReclaimable: vat)
    }

    /// The example budget: £1,200.00 hall hire and £1,300.00 gloves and pads.
    static let exampleBudget = [
        line("venue-hire", "Hall hire", "1200.00"),
        line("equipment", "Gloves and pads", "1300.00"),
    ]

    /// The example bid (Leyland Youth Boxing Club, £2,500.00), with any part overridden.
    static func bid(
        id: String = "CAF-2017-014", scheme: Scheme = .communityActionFund, year: FinancialYear = RT.year,
        submitted: String = "2017-06-01", applicantID: String = "360G-LancashirePCC-ORG-0042",
        applicantName: String = "Leyland Youth Boxing Club", type: BidForm.ApplicantType = .communityGroup,
        constituted: Bool? = true, reserves: String? = "4200.00",
        documents: [String] = ["constitution", "latest-accounts", "safeguarding-policy", "bank-details"],
        title: String = "Friday night boxing sessions",
        description: String? = "Free sessions for young people at risk of anti-social behaviour",
        requested: String = "2500.00", totalProjectCost: String? = "3100.00", start: String? = "2017-07-01",
        end: String? = "2018-03-31", priorities: [String] = ["anti-social-behaviour", "reoffending"],
        worksWith: [String] = ["children"], locations: [String] = ["South Ribble"], csp: String? = "South Ribble",
        budget: [BidForm.BudgetLine]? = exampleBudget
    ) -> BidForm {
        BidForm(
            id: id, scheme: scheme, year: year, submitted: day(submitted),
            applicant: BidForm.Applicant(
                id: org(applicantID), name: applicantName, type: type, constituted: constituted,
                unrestrictedReserves: reserves.map(money), documents: documents),
            title: title, description: description, requested: money(requested),
            totalProjectCost: totalProjectCost.map(money), plannedStart: start.map(day), plannedEnd: end.map(day),
            priorities: priorities, worksWith: worksWith, locations: locations, csp: csp, budget: budget)
    }

    /// A CSP grant bid by South Ribble Borough Council (a member of the South Ribble CSP) for £1,000.00.
    static func cspBid(
        id: String = "CSP-BID-1", applicantID: String = "GB-LAE-SRI", applicantName: String = "South Ribble Borough Council",
        csp: String? = "South Ribble", requested: String = "1000.00"
    ) -> BidForm {
        bid(
            id: id, scheme: .cspGrant, applicantID: applicantID, applicantName: applicantName, type: .localAuthority,
            constituted: nil, reserves: nil, documents: [], title: "Youth diversionary project", requested: requested,
            totalProjectCost: nil, worksWith: [], csp: csp, budget: [line("staff", "Youth workers", requested)])
    }

    // MARK: - Ledger facts built in code

    static let southRibbleName = "South Ribble Community Safety Partnership"

    /// The South Ribble CSP of `Fixtures.base`: members GB-LAE-SRI and 360G-Test-POLICE, £5,000.00 allocated.
    static func southRibble(allocated: String = "5000.00", committed: String = "0.00") -> LedgerFacts.Partnership {
        LedgerFacts.Partnership(
            id: org("360G-Test-CSP-SR"), name: southRibbleName, locationCode: nil,
            members: [org("GB-LAE-SRI"), org("360G-Test-POLICE")], allocated: money(allocated),
            committed: money(committed))
    }

    static func facts(
        applications: [LedgerFacts.Application] = [], fundings: [LedgerFacts.Funding] = [],
        partnerships: [LedgerFacts.Partnership] = [southRibble()]
    ) -> LedgerFacts {
        LedgerFacts(year: year, applications: applications, fundings: fundings, partnerships: partnerships)
    }

    static func application(
        _ bidID: String, applicant: String = "360G-LancashirePCC-ORG-0042", scheme: Scheme = .communityActionFund,
        fund: String = "CAF-2017-18"
    ) -> LedgerFacts.Application {
        LedgerFacts.Application(bidID: bidID, applicant: org(applicant), scheme: scheme, fundID: fund)
    }

    static func funding(
        _ awardID: String, recipient: String = "360G-LancashirePCC-ORG-0042", scheme: Scheme, fund: String,
        amount: String, bid: String? = nil
    ) -> LedgerFacts.Funding {
        LedgerFacts.Funding(
            awardID: awardID, bidID: bid, recipient: org(recipient), scheme: scheme, fundID: fund, amount: money(amount))
    }
}
