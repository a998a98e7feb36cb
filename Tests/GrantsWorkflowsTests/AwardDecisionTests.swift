import GrantsCore
import GrantsRules
import GrantsStore
import GrantsWorkflows
import Testing

/// Recording an award from a bid: the check, the room left, the override and what the history keeps.
@Suite struct AwardDecisionTests {
    static func request(_ form: BidForm?, amount: String = "1000.00", override: String? = nil) throws -> AwardRequest {
        AwardRequest(
            bid: form?.id ?? "CSP-2017-SRI-04", amount: try Samples.money(amount), decision: "2017/140",
            date: try Samples.day("2017-11-20"), form: form, override: override)
    }

    @Test func anEligibleBidIsAwardedWithItsBidAndApplicant() throws {
        let ledger = try Samples.ledger()
        var books = try RulebookLibrary()
        let form = try Samples.bid("csp-south-ribble.yaml")
        let result = try AwardDecision.record(
            try Self.request(form), in: ledger, by: Samples.stamp, rulebooks: &books)
        #expect(result.awardID == "AWD-CSP-2017-SRI-04")
        #expect(result.verdict?.outcome == .eligible)
        #expect(result.outcome.added == [.bid: 1, .award: 1])
        let award = try #require(try ledger.award("AWD-CSP-2017-SRI-04"))
        #expect(award.amount == (try Samples.money("1000.00")))
        #expect(award.allocation != nil, "a CSP award draws on the CSP's only allocation")
        #expect(award.plannedStart == form.plannedStart)
        #expect(try ledger.history(entryID: "AWD-CSP-2017-SRI-04").first?.reason == "award on bid CSP-2017-SRI-04 (decision 2017/140)")
    }

    @Test func anIneligibleBidIsRefusedWithItsVerdictAndNothingRecorded() throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        var books = try RulebookLibrary()
        let form = try Samples.bid("csp-over-allocation.yaml")
        let error = #expect(throws: WorkflowError.self) {
            try AwardDecision.record(
                try Self.request(form, amount: "1250.01"), in: ledger, by: Samples.stamp, rulebooks: &books)
        }
        #expect(error?.failureKind == .checkFailed)
        #expect(error?.verdict?.outcome == .ineligible)
        #expect(error?.message.contains("award it only with --override REASON") == true)
        #expect(try Snapshot(ledger) == before)
    }

    @Test func anOverrideRecordsTheIneligibleBidAndKeepsTheReason() throws {
        let ledger = try Samples.ledger()
        var books = try RulebookLibrary()
        let form = try Samples.bid("csp-outsider.yaml")
        let result = try AwardDecision.record(
            try Self.request(form, amount: "100.00", override: "the panel agreed"), in: ledger, by: Samples.stamp,
            rulebooks: &books)
        #expect(result.verdict?.outcome != .eligible)
        let reason = try #require(try ledger.history(entryID: result.awardID).first?.reason)
        #expect(reason.contains("overriding the check"))
        #expect(reason.contains("the panel agreed"))
    }

    @Test(arguments: [
        ("1000.01", nil as String?, FailureKind.checkFailed, "is more than the £1,000.00 bid CSP-2017-SRI-04 asked for"),
        ("1000.00", "   ", .usage, "--override needs a reason"),
    ])
    func refusalsNameWhatIsWrong(amount: String, override: String?, kind: FailureKind, message: String) throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        var books = try RulebookLibrary()
        let form = try Samples.bid("csp-south-ribble.yaml")
        let error = #expect(throws: WorkflowError.self) {
            try AwardDecision.record(
                try Self.request(form, amount: amount, override: override), in: ledger, by: Samples.stamp,
                rulebooks: &books)
        }
        #expect(error?.failureKind == kind)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        #expect(try Snapshot(ledger) == before)
    }

    @Test func withoutTheBidOrItsFileThereIsNothingToAward() throws {
        let ledger = try Samples.ledger()
        var books = try RulebookLibrary()
        let error = #expect(throws: WorkflowError.self) {
            try AwardDecision.record(try Self.request(nil), in: ledger, by: Samples.stamp, rulebooks: &books)
        }
        #expect(error?.failureKind == .badData)
        #expect(error?.message == "no bid CSP-2017-SRI-04 is in the ledger; give its file with --bid-file")
    }
}
