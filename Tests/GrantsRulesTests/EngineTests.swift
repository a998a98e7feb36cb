import GrantsCore
import GrantsImport
import GrantsRulebooks
@testable import GrantsRules
import Testing

/// The engine: every rule evaluated, none short-circuited; the outcome as Eligibility.swift defines it; `asOf`
/// picking dated values; message templates; what-ifs through `Rulebook.setting`.
@Suite struct EngineTests {
    /// The Community Action Fund rules of the shipped rulebook, built in code with the CAF parameters.
    static let cafRules: [Rule] = [
        RT.rule("CAF-APPLICANT", .applicantType, ["allowed": "eligible_applicant_types", "must_be_constituted": "must_be_constituted"]),
        RT.rule("CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"]),
        RT.rule("CAF-PROJECT-COST", .amountAtMost, ["field": "total_project_cost", "limit": "max_total_project_cost"]),
        RT.rule("CAF-RESERVES", .amountAtMost, ["field": "unrestricted_reserves", "limit": "max_unrestricted_reserves"]),
        RT.rule("CAF-PRIORITIES", .priorities, ["allowed": "plan_priorities", "minimum": "minimum_priorities"]),
        RT.rule("CAF-AREA", .locations, ["allowed": "force_area"]),
        RT.rule("CAF-DATES", .withinYear),
        RT.rule("CAF-RETROSPECTIVE", .notRetrospective),
        RT.rule("CAF-BUDGET", .budgetBalances),
        RT.rule("CAF-COSTS", .eligibleCosts, ["ineligible": "ineligible_costs"]),
        RT.rule("CAF-DOCUMENTS", .documents, ["required": "required_documents"]),
        RT.rule("CAF-SAFEGUARDING", .documents, ["required": "safeguarding_documents", "when_working_with": "vulnerable_groups"]),
        RT.rule("CAF-ONE-A-YEAR", .applicationsPerYear, ["maximum": "applications_per_year"], severity: .warning),
        RT.rule("CAF-NOT-FUNDED-ELSEWHERE", .notFundedElsewhere),
    ]

    static let caf = RT.rulebook(cafRules)

    // MARK: Every rule, none short-circuited

    @Test func theExampleBidIsEligibleWithAnEmptyLedger() {
        let verdict = RuleEngine(rulebook: Self.caf, facts: RT.facts()).check(RT.bid())
        #expect(verdict.outcome == .eligible)
        #expect(verdict.results.map(\.ruleID) == Self.cafRules.map(\.id))
        #expect(verdict.results.allSatisfy { $0.status == .pass })
        #expect(verdict.failedRules.isEmpty)
        #expect(verdict.unknownRules.isEmpty)
    }

    @Test func aBidFailingSeveralRulesReportsEveryOne() {
        let bid = RT.bid(
            type: .individual, requested: "3000.00", totalProjectCost: "12000.00", end: "2018-04-01",
            locations: ["Manchester"], budget: [RT.line("alcohol", "Drinks", "3000.00")])
        let verdict = RuleEngine(rulebook: Self.caf, facts: RT.facts()).check(bid)
        #expect(verdict.results.count == Self.cafRules.count)
        #expect(verdict.results.map(\.ruleID) == Self.cafRules.map(\.id))
        #expect(verdict.failedRules == ["CAF-APPLICANT", "CAF-AMOUNT", "CAF-PROJECT-COST", "CAF-AREA", "CAF-DATES", "CAF-COSTS"])
        #expect(verdict.outcome == .ineligible)
        let status = Dictionary(uniqueKeysWithValues: verdict.results.map { ($0.ruleID, $0.status) })
        #expect(status["CAF-RESERVES"] == .pass)
        #expect(status["CAF-BUDGET"] == .pass)
        #expect(status["CAF-NOT-FUNDED-ELSEWHERE"] == .pass)
    }

    @Test func rulesAfterAnUnknownOrABrokenRuleAreStillEvaluated() {
        let rules = [
            RT.rule("BROKEN", .amountAtMost, ["field": "requested", "limit": "no_such_parameter"]),
            RT.rule("DATES", .withinYear),
            RT.rule("AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"]),
        ]
        let verdict = RuleEngine(rulebook: RT.rulebook(rules)).check(RT.bid(requested: "2600.00"))
        #expect(verdict.results.map(\.ruleID) == ["BROKEN", "DATES", "AMOUNT"])
        #expect(verdict.results.map(\.status) == [.unknown, .pass, .fail])
        #expect(verdict.results[0].message == "the rulebook has no parameter no_such_parameter")
        #expect(verdict.outcome == .ineligible)
    }

    @Test func eachResultCarriesTheRulesCheckAndSeverity() {
        let verdict = RuleEngine(rulebook: Self.caf, facts: RT.facts()).check(RT.bid())
        for (result, rule) in zip(verdict.results, Self.cafRules) {
            #expect(result.check == rule.check)
            #expect(result.severity == rule.severity)
        }
    }

    @Test func theVerdictNamesTheBidAndTheRulebook() {
        let verdict = RuleEngine(rulebook: Self.caf).check(RT.bid())
        #expect(verdict.bidID == "CAF-2017-014")
        #expect(verdict.applicantName == "Leyland Youth Boxing Club")
        #expect(verdict.requested == RT.money("2500.00"))
        #expect(verdict.scheme == .communityActionFund)
        #expect(verdict.year == RT.year)
        #expect(verdict.rulebook == "test")
        #expect(verdict.asOf == RT.day("2017-06-01"))
    }

    @Test func aRoundKeepsTheBidsInOrderEachAsOfItsOwnSubmittedDate() {
        let bids = [
            RT.bid(id: "B-1", submitted: "2017-06-01", start: "2017-07-01"),
            RT.bid(id: "B-2", submitted: "2017-09-15", applicantID: "360G-Test-ORG-0002", start: "2017-10-01"),
            RT.bid(id: "B-3", submitted: "2017-05-01", applicantID: "360G-Test-ORG-0003", start: "2017-07-01"),
        ]
        let verdicts = RuleEngine(rulebook: Self.caf, facts: RT.facts()).check(bids)
        #expect(verdicts.map(\.bidID) == ["B-1", "B-2", "B-3"])
        #expect(verdicts.map(\.asOf) == [RT.day("2017-06-01"), RT.day("2017-09-15"), RT.day("2017-05-01")])
        #expect(verdicts.map(\.outcome) == [.eligible, .eligible, .eligible])
    }

    // MARK: The outcome

    /// A rulebook whose rules' outcomes are chosen by the bid: the amount rule fails over £2,500, the dates rule is
    /// unknown without an end date, the reserves rule is unknown without reserves.
    static func outcomeBook(amount: Severity, dates: Severity, reserves: Severity = .blocking) -> Rulebook {
        RT.rulebook([
            RT.rule("AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"], severity: amount),
            RT.rule("DATES", .withinYear, severity: dates),
            RT.rule("RESERVES", .amountAtMost, ["field": "unrestricted_reserves", "limit": "max_unrestricted_reserves"],
                    severity: reserves),
        ])
    }

    @Test func aBlockingFailIsIneligibleEvenBesideABlockingUnknown() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .blocking, dates: .blocking))
            .check(RT.bid(requested: "2600.00", end: nil))
        #expect(verdict.results.map(\.status) == [.fail, .unknown, .pass])
        #expect(verdict.outcome == .ineligible)
        #expect(verdict.failedRules == ["AMOUNT"])
        #expect(verdict.unknownRules == ["DATES"])
    }

    @Test func aBlockingUnknownWithoutAFailIsIncomplete() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .blocking, dates: .blocking))
            .check(RT.bid(requested: "2500.00", end: nil))
        #expect(verdict.outcome == .incomplete)
        #expect(verdict.failedRules.isEmpty)
        #expect(verdict.unknownRules == ["DATES"])
    }

    @Test func aFailingWarningAloneLeavesTheBidEligible() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .warning, dates: .blocking))
            .check(RT.bid(requested: "2600.00"))
        #expect(verdict.results.map(\.status) == [.fail, .pass, .pass])
        #expect(verdict.outcome == .eligible)
        #expect(verdict.failedRules == ["AMOUNT"])
    }

    @Test func anUnknownWarningLeavesTheBidEligibleAndIsNotListedAsUnknown() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .blocking, dates: .warning))
            .check(RT.bid(end: nil))
        #expect(verdict.outcome == .eligible)
        #expect(verdict.unknownRules.isEmpty)
    }

    @Test func aFailingWarningBesideABlockingUnknownIsIncomplete() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .warning, dates: .blocking))
            .check(RT.bid(requested: "2600.00", end: nil))
        #expect(verdict.outcome == .incomplete)
    }

    @Test func failedRulesListBlockingBeforeWarnings() {
        let verdict = RuleEngine(rulebook: Self.outcomeBook(amount: .warning, dates: .blocking, reserves: .blocking))
            .check(RT.bid(reserves: "30000.00", requested: "2600.00", end: "2018-04-01"))
        #expect(verdict.results.map(\.status) == [.fail, .fail, .fail])
        #expect(verdict.failedRules == ["DATES", "RESERVES", "AMOUNT"])
        #expect(verdict.outcome == .ineligible)
    }

    @Test func aRulebookWithNoRulesFindsEveryBidEligible() {
        let verdict = RuleEngine(rulebook: RT.rulebook([])).check(RT.bid())
        #expect(verdict.results.isEmpty)
        #expect(verdict.outcome == .eligible)
    }

    @Test func theShippedRulebookWithoutALedgerIsIncompleteAndWithOneEligible() throws {
        let path = try #require(ShippedRulebooks.path(scheme: "community-action-fund", year: "2017/18"))
        let book = try RulebookFile.read(file: path)
        let alone = RuleEngine(rulebook: book).check(RT.bid())
        #expect(alone.outcome == .incomplete)
        #expect(alone.unknownRules == ["CAF-NOT-FUNDED-ELSEWHERE"])
        let oneAYear = try #require(alone.results.first { $0.ruleID == "CAF-ONE-A-YEAR" })
        #expect(oneAYear.status == .unknown)
        #expect(oneAYear.message.contains("--db"))
        let withLedger = RuleEngine(rulebook: book, facts: RT.facts()).check(RT.bid())
        #expect(withLedger.outcome == .eligible)
        let amount = try #require(withLedger.results.first { $0.ruleID == "CAF-AMOUNT" })
        #expect(amount.message == "Requested £2,500.00 is within the £2,500.00 cap")
        #expect(amount.applied == [AppliedParameter(
            name: "max_request", value: .money(RT.money("2500.00")), from: RT.day("2017-04-01"),
            reference: "PCC annual report: Community Action Fund grants of up to £2,500 are available")])
    }

    // MARK: asOf picks the dated values

    /// A cap of £2,500 from 1 April and £3,000 from 1 October.
    static let raisedCap = RT.parameter("max_request", dated: [
        ("2017-04-01", .money(RT.money("2500.00"))), ("2017-10-01", .money(RT.money("3000.00"))),
    ])
    static let capRule = RT.rule("CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"])

    @Test func aBidOverTheOldCapFailsOn30SeptemberAndPassesOn1October() throws {
        let engine = RuleEngine(rulebook: RT.rulebook([Self.capRule], parameters: [Self.raisedCap]))
        let bid = RT.bid(requested: "2800.00")

        let before = engine.check(bid, asOf: RT.day("2017-09-30"))
        let beforeResult = try #require(before.results.first)
        #expect(before.asOf == RT.day("2017-09-30"))
        #expect(beforeResult.status == .fail)
        #expect(beforeResult.limit == "£2,500.00")
        #expect(beforeResult.applied == [RT.applied("max_request", .money(RT.money("2500.00")), from: "2017-04-01")])

        let after = engine.check(bid, asOf: RT.day("2017-10-01"))
        let afterResult = try #require(after.results.first)
        #expect(after.asOf == RT.day("2017-10-01"))
        #expect(afterResult.status == .pass)
        #expect(afterResult.limit == "£3,000.00")
        #expect(afterResult.applied == [RT.applied("max_request", .money(RT.money("3000.00")), from: "2017-10-01")])
        #expect(afterResult.applied[0].reference == "ref max_request 2017-10-01")
    }

    @Test(arguments: [("2017-09-30", RuleStatus.fail), ("2017-10-01", .pass), ("2018-03-31", .pass), ("2017-04-01", .fail)])
    func withoutAsOfTheSubmittedDatePicksTheValue(submitted: String, expected: RuleStatus) throws {
        let engine = RuleEngine(rulebook: RT.rulebook([Self.capRule], parameters: [Self.raisedCap]))
        let verdict = engine.check(RT.bid(submitted: submitted, requested: "2800.00", start: "2018-03-31"))
        #expect(verdict.asOf == RT.day(submitted))
        #expect(try #require(verdict.results.first).status == expected)
    }

    @Test func asOfBeforeTheFirstValueIsUnknown() throws {
        let engine = RuleEngine(rulebook: RT.rulebook([Self.capRule], parameters: [Self.raisedCap]))
        let verdict = engine.check(RT.bid(requested: "2800.00"), asOf: RT.day("2017-03-31"))
        let result = try #require(verdict.results.first)
        #expect(result.status == .unknown)
        #expect(result.message == "no value of max_request applies on 2017-03-31")
        #expect(verdict.outcome == .incomplete)
    }

    @Test func asOfAppliesToEveryBidOfARound() {
        let engine = RuleEngine(rulebook: RT.rulebook([Self.capRule], parameters: [Self.raisedCap]))
        let bids = [
            RT.bid(id: "A", submitted: "2017-06-01", requested: "2800.00"),
            RT.bid(id: "B", submitted: "2017-11-01", requested: "2800.00"),
        ]
        let verdicts = engine.check(bids, asOf: RT.day("2017-10-01"))
        #expect(verdicts.map(\.asOf) == [RT.day("2017-10-01"), RT.day("2017-10-01")])
        #expect(verdicts.map(\.outcome) == [.eligible, .eligible])
    }

    // MARK: Message templates

    @Test func templatesFillFoundLimitAndDetail() throws {
        let rule = RT.rule(
            "CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"],
            messages: MessageTemplates(
                pass: "ok {found} <= {limit} ({detail})", fail: "Requested {found} exceeds the {limit} cap on {detail}",
                unknown: "?? {detail}"))
        #expect(try RT.result(rule, bid: RT.bid(requested: "2000.00")).message == "ok £2,000.00 <= £2,500.00 (requested)")
        #expect(try RT.result(rule, bid: RT.bid(requested: "2600.00")).message
            == "Requested £2,600.00 exceeds the £2,500.00 cap on requested")
        let late = RT.parameter("max_request", .money(RT.money("2500.00")), from: "2017-07-01")
        #expect(try RT.result(rule, parameters: [late]).message == "?? no value of max_request applies on 2017-06-01")
    }

    @Test func eachPlaceholderMayAppearTwiceOrNotAtAll() throws {
        let rule = RT.rule(
            "CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"],
            messages: MessageTemplates(fail: "{found}/{found} over {limit}; plain text"))
        #expect(try RT.result(rule, bid: RT.bid(requested: "2600.00")).message == "£2,600.00/£2,600.00 over £2,500.00; plain text")
    }

    @Test func withoutPassOrUnknownTemplatesTheDefaultsSay() throws {
        let rule = RT.rule(
            "CAF-AMOUNT", .amountAtMost, ["field": "requested", "limit": "max_request"],
            messages: MessageTemplates(fail: "too much"))
        #expect(try RT.result(rule, bid: RT.bid(requested: "2000.00")).message == "£2,000.00: within £2,500.00")
        #expect(try RT.result(rule, bid: RT.bid(requested: "2600.00")).message == "too much")
        let dates = RT.rule("DATES", .withinYear, messages: MessageTemplates(fail: "x"))
        #expect(try RT.result(dates, bid: RT.bid(end: nil)).message
            == "Cannot decide: the bid does not give both planned_start and planned_end")
    }

    @Test func renderKeepsUnknownPlaceholdersAndDoesNotReexpandValues() {
        #expect(MessageTemplates.render("{found} {colour} {limit}", found: "a", limit: "b", detail: "c") == "a {colour} b")
        #expect(MessageTemplates.render("{found}", found: "{limit}", limit: "L", detail: "D") == "{limit}")
        #expect(MessageTemplates.render("no placeholders", found: "a", limit: "b", detail: "c") == "no placeholders")
        #expect(MessageTemplates.render("", found: "a", limit: "b", detail: "c") == "")
        #expect(MessageTemplates.render("{detail}!", found: "a", limit: "b", detail: "£1.00") == "£1.00!")
    }

    /// BUG (Sources/GrantsRules/Model/Rulebook.swift, `MessageTemplates.render`): a `{` with no closing `}`
    /// breaks out of the loop after the text before it was already appended, then appends `rest` (which still
    /// starts before the `{`), so the text before the brace is written twice.
    @Test func anUnclosedBraceIsKeptAsWrittenNotDuplicated() {
        #expect(MessageTemplates.render("Requested {found", found: "£1.00", limit: "", detail: "") == "Requested {found")
        #expect(MessageTemplates.render("{found} of {limit", found: "A", limit: "B", detail: "")
            == "A of {limit")
    }

    // MARK: What-ifs

    @Test func settingACapChangesTheOutcome() throws {
        let bid = RT.bid(requested: "2800.00")
        let book = RT.rulebook([Self.capRule])
        #expect(RuleEngine(rulebook: book).check(bid).outcome == .ineligible)

        let whatIf = book.setting("max_request", to: .money(RT.money("3000.00")), reference: "what-if: £3,000")
        let verdict = RuleEngine(rulebook: whatIf).check(bid)
        #expect(verdict.outcome == .eligible)
        let result = try #require(verdict.results.first)
        #expect(result.limit == "£3,000.00")
        #expect(result.applied == [AppliedParameter(
            name: "max_request", value: .money(RT.money("3000.00")), from: RT.day("2017-04-01"),
            reference: "what-if: £3,000")])
    }

    @Test func settingReplacesEveryDatedValueWithOneFromTheFirstDay() throws {
        let book = RT.rulebook([Self.capRule], parameters: [Self.raisedCap])
        let whatIf = book.setting("max_request", to: .money(RT.money("2000.00")), reference: "what-if")
        let parameter = try #require(whatIf.parameter("max_request"))
        #expect(parameter.values == [DatedValue(from: RT.day("2017-04-01"), value: .money(RT.money("2000.00")), reference: "what-if")])
        #expect(parameter.type == .money)
        #expect(parameter.description == Self.raisedCap.description)
        // The original is untouched.
        #expect(book.parameter("max_request") == Self.raisedCap)
        let late = RT.bid(submitted: "2017-11-01", requested: "2800.00", start: "2017-11-01")
        #expect(RuleEngine(rulebook: book).check(late).outcome == .eligible)
        #expect(RuleEngine(rulebook: whatIf).check(late).outcome == .ineligible)
    }

    @Test func settingLeavesOtherParametersAndRulesAlone() {
        let whatIf = Self.caf.setting("max_request", to: .money(RT.money("3000.00")), reference: "what-if")
        #expect(whatIf.rules == Self.caf.rules)
        #expect(whatIf.parameters.map(\.name) == Self.caf.parameters.map(\.name))
        #expect(whatIf.parameters.filter { $0.name != "max_request" } == Self.caf.parameters.filter { $0.name != "max_request" })
        #expect(whatIf.scheme == Self.caf.scheme)
        #expect(whatIf.year == Self.caf.year)
        #expect(whatIf.source == Self.caf.source)
    }

    @Test func settingAListOrACountChangesOutcomes() {
        let area = Self.caf.setting("force_area", to: .list(["Manchester"]), reference: "what-if")
        let verdict = RuleEngine(rulebook: area, facts: RT.facts()).check(RT.bid())
        #expect(verdict.failedRules == ["CAF-AREA"])

        let twice = Self.caf.setting("applications_per_year", to: .count(2), reference: "what-if")
        let facts = RT.facts(applications: [RT.application("CAF-2017-003")])
        #expect(RuleEngine(rulebook: Self.caf, facts: facts).check(RT.bid()).failedRules == ["CAF-ONE-A-YEAR"])
        #expect(RuleEngine(rulebook: twice, facts: facts).check(RT.bid()).failedRules.isEmpty)
    }

    @Test func aSetOptionGoesThroughRulebookSetting() throws {
        let book = RT.rulebook([Self.capRule], parameters: [Self.raisedCap])
        let whatIf = try RulebookFile.override("max_request=3000.00", in: book)
        let result = try #require(RuleEngine(rulebook: whatIf).check(RT.bid(requested: "2800.00")).results.first)
        #expect(result.status == .pass)
        #expect(result.applied.first?.reference == "what-if: --set max_request=3000.00")
        #expect(result.applied.first?.from == RT.day("2017-04-01"))
    }
}
