import GrantsCore
import GrantsRules
import GrantsWorkflows
import Testing

/// Ids and decision references typed on the command line (or in a form) follow the importer's rules, so none can
/// make a later return fail its schema; a bad one is a usage error (exit 64) and records nothing.
@Suite struct IdentifierInputTests {
    static let bad = ["", "AWD SPACE", String(repeating: "A", count: 101), "AWD\nNEWLINE", "-leading-dash", "AWD\u{1B}"]

    @Test(arguments: bad)
    func anAwardIdIsAnIdentifier(id: String) throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        var books = try RulebookLibrary()
        let request = AwardRequest(
            bid: "CSP-2017-SRI-04", amount: try Samples.money("1000.00"), decision: "2017/140",
            date: try Samples.day("2017-11-20"), form: try Samples.bid("csp-south-ribble.yaml"), id: id)
        let error = #expect(throws: WorkflowError.self) {
            try AwardDecision.record(request, in: ledger, by: Samples.stamp, rulebooks: &books)
        }
        #expect(error?.failureKind == .usage)
        #expect(error?.message.hasPrefix("--id: ") == true, "\(error?.message ?? "")")
        #expect(try Snapshot(ledger) == before)
    }

    @Test(arguments: ["", String(repeating: "9", count: 300), "2017 / 140"])
    func aDecisionIsAnIdentifier(decision: String) throws {
        let ledger = try Samples.ledger()
        var books = try RulebookLibrary()
        let request = AwardRequest(
            bid: "CSP-2017-SRI-04", amount: try Samples.money("1000.00"), decision: decision,
            date: try Samples.day("2017-11-20"), form: try Samples.bid("csp-south-ribble.yaml"))
        let error = #expect(throws: WorkflowError.self) {
            try AwardDecision.record(request, in: ledger, by: Samples.stamp, rulebooks: &books)
        }
        #expect(error?.failureKind == .usage)
        #expect(error?.message.hasPrefix("--decision: ") == true || error?.message == "--decision is empty")
        #expect(throws: WorkflowError.self) { try AllocationWorkflow.requireDecision(decision) }
    }

    @Test(arguments: ["", "C 01", String(repeating: "C", count: 300)])
    func aClaimIdIsAnIdentifier(id: String) throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        let year = try FinancialYear(parsing: "2017/18")
        let error = #expect(throws: WorkflowError.self) {
            try AwardLifecycle.claim(
                award: "AWD-CAF-2017-18-05", period: try Input.claimPeriod("Q4", year: year, field: "--period"),
                amount: try Samples.money("1.00"), date: try Samples.day("2018-04-05"), id: id, in: ledger,
                by: Samples.stamp)
        }
        #expect(error?.failureKind == .usage)
        #expect(try Snapshot(ledger) == before)
    }

    @Test func theImportersRuleIsTheOneRule() {
        #expect(Identifier.isValid("AWD-CSP-2017-18-SRI-01"))
        #expect(Identifier.isValid("2017/81"))
        #expect(Identifier.isValid(String(repeating: "A", count: 100)))
        for text in Self.bad { #expect(!Identifier.isValid(text)) }
    }
}
