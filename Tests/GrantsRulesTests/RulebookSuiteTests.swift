import Foundation
import GrantsCore
import GrantsImport
import GrantsRulebooks
import GrantsRules
import Testing

/// Runs the test cases kept beside every shipped rulebook (`<year>.tests.yaml`) under `swift test`, so that a
/// case that fails in the YAML fails the build with the case's name, its file and line, and what differed.
@Suite("Shipped rulebook test cases")
struct RulebookSuiteTests {
    /// The fewest cases a shipped rulebook's tests file may hold.
    static func minimumCases(for book: Rulebook) -> Int {
        book.scheme == .cspGrant ? 8 : 15
    }

    @Test("at least three rulebooks are shipped, each with a tests file beside it")
    func shippedRulebooksExist() {
        let all = ShippedRulebooks.all()
        #expect(all.count >= 3, "shipped rulebooks found: \(all)")
        for path in all {
            #expect(
                FileManager.default.fileExists(atPath: ShippedRulebooks.testsPath(for: path)),
                "no tests file beside \(path)")
        }
        #expect(all.contains { $0.hasSuffix("community-action-fund/2017-18.yaml") })
        #expect(all.contains { $0.hasSuffix("community-action-fund/2018-19.yaml") })
        #expect(all.contains { $0.hasSuffix("csp-grant/2017-18.yaml") })
    }

    @Test("every case of a shipped rulebook's tests file passes", arguments: ShippedRulebooks.all())
    func shippedRulebookPassesItsCases(path: String) throws {
        let book = try RulebookFile.read(file: path)
        let errors = RulebookLinter.lint(book).filter { $0.level == .error }
        #expect(errors.isEmpty, "\(path) has lint errors:\n\(errors.map(\.description).joined(separator: "\n"))")

        let testsPath = ShippedRulebooks.testsPath(for: path)
        let suite = try RulebookTestsFile.read(file: testsPath)
        #expect(
            suite.cases.count >= Self.minimumCases(for: book),
            "\(testsPath) has \(suite.cases.count) cases; at least \(Self.minimumCases(for: book)) expected")

        let results = suite.run(against: book)
        #expect(results.count == suite.cases.count)
        for result in results where !result.passed {
            Issue.record(
                Comment(rawValue: "\(result.testCase.name) (\(result.testCase.location)):\n"
                    + result.mismatches.map { "    \($0)" }.joined(separator: "\n")))
        }
    }

    @Test("every case names its outcome and at least one rule, and the names are distinct", arguments: ShippedRulebooks.all())
    func casesSayWhatTheyShow(path: String) throws {
        let book = try RulebookFile.read(file: path)
        let suite = try RulebookTestsFile.read(file: ShippedRulebooks.testsPath(for: path))
        let ruleIDs = Set(book.rules.map(\.id))
        var names = Set<String>()
        for testCase in suite.cases {
            #expect(names.insert(testCase.name).inserted, "\(testCase.location): the name '\(testCase.name)' is used twice")
            #expect(testCase.expectedOutcome != nil, "\(testCase.location): \(testCase.name) does not expect an outcome")
            #expect(!testCase.expectedRules.isEmpty, "\(testCase.location): \(testCase.name) names no rule")
            for ruleID in testCase.expectedRules.keys {
                #expect(ruleIDs.contains(ruleID), "\(testCase.location): \(ruleID) is not a rule of \(book.title)")
            }
            #expect(testCase.bid.scheme == book.scheme, "\(testCase.location): the bid is for another scheme")
            #expect(testCase.bid.year == book.year, "\(testCase.location): the bid is for another year")
        }
    }

    @Test("each rule has a passing and a failing case, and an unknown one where it can be unknown", arguments: ShippedRulebooks.all())
    func everyRuleIsCovered(path: String) throws {
        let book = try RulebookFile.read(file: path)
        let suite = try RulebookTestsFile.read(file: ShippedRulebooks.testsPath(for: path))
        var seen: [String: Set<RuleStatus>] = [:]
        for testCase in suite.cases {
            for (ruleID, status) in testCase.expectedRules { seen[ruleID, default: []].insert(status) }
        }
        for rule in book.rules {
            let statuses = seen[rule.id] ?? []
            if rule.check.readsLedger {
                // With no ledger these are always unknown: pass and fail are decided by `grants check --db`.
                #expect(statuses == [.unknown], "\(rule.id) reads the ledger; its cases can only be unknown")
                continue
            }
            #expect(statuses.contains(.pass), "\(rule.id) has no passing case in \(path)")
            #expect(statuses.contains(.fail), "\(rule.id) has no failing case in \(path)")
            if Self.canBeUnknown(rule.check) {
                #expect(statuses.contains(.unknown), "\(rule.id) has no unknown case in \(path)")
            }
        }
    }

    /// The checks that report unknown when the bid leaves a fact out (CAF-DOCUMENTS and CAF-PRIORITIES cannot,
    /// except when no parameter value is in force).
    static func canBeUnknown(_ kind: CheckKind) -> Bool {
        switch kind {
        case .documents, .priorities: false
        default: true
        }
    }

    @Test("without a ledger, the ledger rules are unknown in every case, so no case is eligible", arguments: ShippedRulebooks.all())
    func ledgerRulesAreUnknownWithoutALedger(path: String) throws {
        let book = try RulebookFile.read(file: path)
        let suite = try RulebookTestsFile.read(file: ShippedRulebooks.testsPath(for: path))
        #expect(!suite.cases.isEmpty, "\(path) has no test cases to run")
        for result in suite.run(against: book) {
            for rule in result.eligibility.results where rule.check.readsLedger {
                #expect(rule.status == .unknown, "\(result.testCase.location): \(rule.ruleID) is \(rule.status.rawValue)")
            }
            #expect(result.eligibility.outcome != .eligible, "\(result.testCase.location): \(result.testCase.name)")
        }
    }

    // MARK: - The runner itself

    static let miniRulebook = """
        format: grants-rulebook/1
        scheme: community-action-fund
        financial_year: 2017/18
        title: Community Action Fund example 2017/18
        parameters:
          max_request:
            type: money
            description: The most a bid may request
            values:
              - {from: 2017-04-01, value: "2500.00", reference: "PCC annual report: grants of up to £2,500"}
        rules:
          - id: CAF-AMOUNT
            check: amount-at-most
            severity: blocking
            parameters: {field: requested, limit: max_request}
            message:
              fail: "Requested {found} exceeds the {limit} cap"
          - id: CAF-BUDGET
            check: budget-balances
            severity: blocking
            message:
              fail: "Budget lines add up to {found}, not the {limit} requested ({detail})"
        """

    static let miniTests = """
        format: grants-rulebook-tests/1
        base_bid:
          id: CAF-EX-2017-18-900
          scheme: community-action-fund
          financial_year: 2017/18
          submitted: 2017-06-01
          applicant: {id: 360G-LancashirePCC-ORG-9900, name: Fleetwood Fishermen's Friends (example), type: community-group}
          title: Safer quayside evenings
          requested: "2500.00"
          budget:
            - {category: sessional-staff, description: Quayside wardens, amount: "2500.00", vat_reclaimable: false}
        cases:
          - name: right about everything
            expect: {outcome: eligible, rules: {CAF-AMOUNT: pass, CAF-BUDGET: pass}}
          - name: wrong about the outcome and a rule
            changes: {requested: "2500.01"}
            expect: {outcome: eligible, rules: {CAF-AMOUNT: pass, CAF-BUDGET: fail}}
          - name: names a rule the rulebook does not have
            expect: {rules: {CAF-NOPE: pass}}
        """

    @Test("the runner reports each wrong expectation of a case, with its location and the rule's message")
    func runnerReportsMismatches() throws {
        let folder = NSTemporaryDirectory() + "rulebook-suite-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rulebookPath = folder + "/2017-18.yaml"
        let testsPath = ShippedRulebooks.testsPath(for: rulebookPath)
        #expect(testsPath == folder + "/2017-18.tests.yaml")
        try Data(Self.miniRulebook.utf8).write(to: URL(fileURLWithPath: rulebookPath))
        try Data(Self.miniTests.utf8).write(to: URL(fileURLWithPath: testsPath))

        let book = try RulebookFile.read(file: rulebookPath)
        let results = try RulebookTestsFile.read(file: testsPath).run(against: book)
        #expect(results.map(\.passed) == [true, false, false])
        #expect(results[1].testCase.location == "\(testsPath):15")
        #expect(results[1].mismatches == [
            "outcome is ineligible, expected eligible",
            "CAF-AMOUNT is fail, expected pass: Requested £2,500.01 exceeds the £2,500.00 cap",
        ])
        #expect(results[2].mismatches == ["CAF-NOPE is not a rule of Community Action Fund example 2017/18"])
    }

    // MARK: - Bids that once got through

    @Test("a bid requesting a negative amount is refused, not passed as within the cap")
    func negativeRequestIsRefused() throws {
        // A bid asking for -£2,500.00 must be refused when read, naming `requested`, as `grants import` would.
        let text = Self.miniTests
            .replacingOccurrences(of: #"requested: "2500.00""#, with: #"requested: "-2500.00""#)
            .replacingOccurrences(of: #"amount: "2500.00""#, with: #"amount: "-2500.00""#)
        let folder = NSTemporaryDirectory() + "rulebook-suite-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let testsPath = folder + "/2017-18.tests.yaml"
        try Data(text.utf8).write(to: URL(fileURLWithPath: testsPath))

        let read = Result { () throws(ImportError) -> RulebookTestSuite in try RulebookTestsFile.read(file: testsPath) }
        switch read {
        case .success:
            Issue.record("a bid requesting -£2,500.00 was read without error")
        case .failure(let error):
            #expect(error.field == "requested")
            #expect(error.message == "is -2500.00; expected more than 0.00")
        }
    }

    @Test("a budget line in category Alcohol (capitalised) fails CAF-COSTS like alcohol does")
    func capitalisedIneligibleCategory() throws {
        // Budget categories are free text the applicant writes: "Alcohol" or "alcohol " must fail CAF-COSTS too.
        let path = try #require(ShippedRulebooks.path(scheme: "community-action-fund", year: "2017/18"))
        let book = try RulebookFile.read(file: path)
        let base = try #require(try RulebookTestsFile.read(file: ShippedRulebooks.testsPath(for: path)).cases.first).bid
        func withDrinks(_ category: String) -> BidForm {
            BidForm(
                id: base.id, scheme: base.scheme, year: base.year, submitted: base.submitted, applicant: base.applicant,
                title: base.title, description: base.description, requested: base.requested,
                totalProjectCost: base.totalProjectCost, plannedStart: base.plannedStart, plannedEnd: base.plannedEnd,
                priorities: base.priorities, worksWith: base.worksWith, locations: base.locations, csp: base.csp,
                budget: [
                    BidForm.BudgetLine(
                        category: "sessional-staff", description: "Coaches", amount: Money(pence: 230_000),
                        vatReclaimable: false),
                    BidForm.BudgetLine(
                        category: category, description: "Drinks for the volunteers' evening", amount: Money(pence: 20_000),
                        vatReclaimable: false),
                ])
        }
        let engine = RuleEngine(rulebook: book)
        func costs(_ bid: BidForm) -> RuleStatus? { engine.check(bid).results.first { $0.ruleID == "CAF-COSTS" }?.status }
        #expect(costs(withDrinks("alcohol")) == .fail)
        #expect(costs(withDrinks("Alcohol")) == .fail)
        #expect(costs(withDrinks("alcohol ")) == .fail)
    }
}
