import GrantsCore
import GrantsRules
import GrantsWorkflows
import Testing

/// Screening a round of bids against their rulebooks, with and without what-if settings.
@Suite struct ScreeningTests {
    static let files = [
        "caf-friday-boxing.yaml", "caf-individual.yaml", "caf-over-cap.yaml", "caf-retrospective.yaml",
        "csp-outsider.yaml", "csp-over-allocation.yaml", "csp-south-ribble.yaml",
    ]

    @Test func aRoundKeepsTheBidsOrderAndChecksEachAgainstTheLedger() throws {
        let ledger = try Samples.ledger()
        let forms = try Self.files.map { try Samples.bid($0) }
        var books = try RulebookLibrary()
        let result = try BidScreening.screen(forms, rulebooks: &books, store: ledger)
        #expect(result.verdicts.map(\.bidID) == forms.map(\.id))
        #expect(result.whatIf == nil)
        #expect(!result.allEligible)
        let outcomes = Dictionary(uniqueKeysWithValues: result.verdicts.map { ($0.bidID, $0.outcome) })
        #expect(outcomes["CSP-2017-SRI-04"] == .eligible)
        #expect(outcomes["CSP-2017-SRI-05"] == .ineligible, "over what is left of the allocation")
        #expect(outcomes["CAF-2017-015"] == .ineligible, "over the cap")
    }

    @Test func withoutALedgerTheLedgerRulesAreUnknown() throws {
        var books = try RulebookLibrary()
        let result = try BidScreening.screen(
            [try Samples.bid("csp-south-ribble.yaml")], rulebooks: &books, store: nil)
        #expect(result.verdicts.first?.outcome == .incomplete)
    }

    @Test func whatIfARaisedCapMakesTheOverCapBidEligible() throws {
        let ledger = try Samples.ledger()
        let forms = [try Samples.bid("caf-over-cap.yaml"), try Samples.bid("caf-friday-boxing.yaml")]
        var books = try RulebookLibrary()
        let result = try BidScreening.screen(forms, settings: ["max_request=3000.00"], rulebooks: &books, store: ledger)
        #expect(result.verdicts.first?.outcome == .ineligible)
        #expect(result.whatIf?.first?.outcome == .eligible)
        #expect(result.final.map(\.outcome) == result.whatIf?.map(\.outcome))
    }

    @Test func anUnknownSettingIsAUsageError() throws {
        var books = try RulebookLibrary()
        let error = #expect(throws: WorkflowError.self) {
            try BidScreening.screen(
                [try Samples.bid("caf-over-cap.yaml")], settings: ["no_such_parameter=1"], rulebooks: &books, store: nil)
        }
        #expect(error?.failureKind == .usage)
    }

    @Test func aRulebookForAnotherSchemeIsRefused() throws {
        let caf = Samples.root.appendingPathComponent("Sources/GrantsRulebooks/Rulebooks/community-action-fund/2017-18.yaml")
        var books = try RulebookLibrary(override: caf.path)
        let error = #expect(throws: WorkflowError.self) {
            try BidScreening.screen([try Samples.bid("csp-south-ribble.yaml")], rulebooks: &books, store: nil)
        }
        #expect(error?.failureKind == .badData)
        #expect(error?.message.contains("is for csp-grant 2017/18, but the rulebook") == true)
    }
}
