import GrantsCore
import GrantsWorkflows
import Testing

/// An award's steps after the decision, each a workflow over the Samples ledger.
@Suite struct LifecycleWorkflowTests {
    static let award = "AWD-CAF-2017-18-05"

    @Test func claimPayAndCloseNumberTheirEntriesAndSettleTheAward() throws {
        let ledger = try Samples.ledger()
        let year = try AwardLifecycle.year(ofAward: Self.award, in: ledger)
        let period = try Input.claimPeriod("Q4", year: year, field: "--period")
        let claim = try AwardLifecycle.claim(
            award: Self.award, period: period, amount: try Samples.money("500.00"), date: try Samples.day("2018-04-05"),
            in: ledger, by: Samples.stamp)
        #expect(claim.id == "AWD-CAF-2017-18-05-C01")
        let (payment, paid) = try AwardLifecycle.pay(
            claim: claim.id, date: try Samples.day("2018-04-20"), in: ledger, by: Samples.stamp)
        #expect(payment.id == "AWD-CAF-2017-18-05-P01")
        #expect(paid.amount == (try Samples.money("500.00")))
        #expect(try ledger.state(ofAward: Self.award) == .claiming)
        let closure = try AwardLifecycle.close(
            award: Self.award, spent: try Samples.money("450.00"), date: try Samples.day("2018-04-28"), in: ledger,
            by: Samples.stamp)
        #expect(closure.id == "AWD-CAF-2017-18-05-CLOSE")
        let summary = try AwardLifecycle.summary(of: Self.award, in: ledger)
        #expect(summary == "AWD-CAF-2017-18-05: awarded £975.00, paid £500.00, released £475.00, owed back £50.00, returned £0.00")
        #expect(try ledger.history(entryID: closure.id).first?.reason == "end-of-grant report for AWD-CAF-2017-18-05")
        #expect(try ledger.reconcile().balances)
    }

    @Test func aClaimPaidTwiceIsRefused() throws {
        let ledger = try Samples.ledger()
        let claim = "CLM-2017-18-SRI-03-01"
        let before = try Snapshot(ledger)
        let error = #expect(throws: WorkflowError.self) {
            try AwardLifecycle.pay(claim: claim, date: try Samples.day("2018-02-01"), in: ledger, by: Samples.stamp)
        }
        #expect(error?.failureKind == .badData)
        #expect(error?.message.contains("was already paid by PAY-2017-18-013") == true, "\(error?.message ?? "")")
        #expect(try Snapshot(ledger) == before)
    }

    @Test(arguments: [
        ("AWD-CSP-2017-18-PRE-01", "award AWD-CSP-2017-18-PRE-01 is already closed and cannot be withdrawn"),
        ("AWD-CSP-2017-18-BUR-01", "award AWD-CSP-2017-18-BUR-01 was withdrawn and cannot be withdrawn"),
        ("AWD-NOWHERE", "no award AWD-NOWHERE is in the ledger"),
    ])
    func onlyAnOpenAwardCanBeWithdrawn(award: String, message: String) throws {
        let ledger = try Samples.ledger()
        let error = #expect(throws: WorkflowError.self) {
            try AwardLifecycle.withdraw(
                award: award, date: try Samples.day("2018-04-11"), reason: "changed our minds", in: ledger,
                by: Samples.stamp)
        }
        #expect(error?.failureKind == .badData)
        #expect(error?.message == message)
    }

    @Test(arguments: [
        ("Q2", "2017-07-01...2017-09-30"), ("2018/19-Q1", "2018-04-01...2018-06-30"),
        ("2017-07-01..2017-07-31", "2017-07-01...2017-07-31"),
    ])
    func claimPeriodsAreQuartersOrRanges(text: String, expected: String) throws {
        let year = try FinancialYear(parsing: "2017/18")
        let period = try Input.claimPeriod(text, year: year, field: "--period")
        #expect("\(period.lowerBound)...\(period.upperBound)" == expected)
    }

    @Test(arguments: ["Q5", "2017-09-30..2017-07-01", "next week"])
    func aBadClaimPeriodNamesTheField(text: String) throws {
        let year = try FinancialYear(parsing: "2017/18")
        let error = #expect(throws: WorkflowError.self) { try Input.claimPeriod(text, year: year, field: "--period") }
        #expect(error?.failureKind == .usage)
        #expect(error?.message.hasPrefix("--period: ") == true)
    }

    @Test func aYearWithOpenAwardsCannotClose() throws {
        let ledger = try Samples.ledger()
        let year = try FinancialYear(parsing: "2017/18")
        let report = try YearEndWorkflow.report(year, in: ledger)
        #expect(!report.canClose)
        #expect(report.openCount == report.openItems.count)
        let error = #expect(throws: WorkflowError.self) {
            try YearEndWorkflow.close(year, on: try Samples.day("2018-05-31"), in: ledger, by: Samples.stamp)
        }
        #expect(error?.failureKind == .badData)
    }

    @Test func contributionReceiptsAreNumberedPerYear() throws {
        let ledger = try Samples.ledger()
        let year = try FinancialYear(parsing: "2018/19")
        let outcome = try Contributions.receive(
            schedule: "CONTRIB-SRBC-IDVA", year: year, amount: try Samples.money("1000.00"),
            date: try Samples.day("2018-09-28"), in: ledger, by: Samples.stamp)
        #expect(outcome.added == [.contributionReceipt: 1])
        #expect(try ledger.history(entryID: "CONTRIB-SRBC-IDVA-2018-R02").count == 1)
    }
}
