import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing

/// A return carries what status has, as of its day: every partnership's allocation (those with no awards too),
/// the payments and claims of its period, and each contribution's withdrawal.
@Suite struct ReturnContentsTests {
    @Test func aQuarterCarriesItsPaymentsClaimsBudgetsAndWithdrawals() throws {
        let ledger = try Fixtures.sampleLedger()
        let q3 = try ledger.spendReturn(period: .init(year: try year("2017/18"), quarter: .q3))
        // Payments of October to December only, by date, with their remittance references.
        #expect(q3.payments.map(\.paymentID) == [
            "PAY-2017-18-010", "PAY-2017-18-001", "PAY-2017-18-002", "PAY-2017-18-003", "PAY-2017-18-011",
            "PAY-2017-18-004", "PAY-2017-18-005", "PAY-2017-18-006",
        ])
        #expect(q3.payments.first { $0.paymentID == "PAY-2017-18-001" }?.reference == "REM-2017-0412")
        let quarter = try Day(parsing: "2017-10-01")...Day(parsing: "2017-12-31")
        #expect(q3.payments.allSatisfy { quarter.contains($0.date) })
        #expect(try Money.sum(q3.payments.map(\.amount)) == Money.sum(q3.lines.map(\.paidInPeriod)))
        // Every partnership's allocation, fourteen of them, eight with no awards.
        #expect(q3.partnershipBudgets.count == 14)
        #expect(q3.partnershipBudgets.filter { $0.committed == .zero }.count >= 8)
        let burnley = try #require(q3.partnershipBudgets.first { $0.cspName == "Burnley Community Safety Partnership" })
        #expect(burnley.budget == (try Money(parsing: "10000.00")))
        #expect(try burnley.remaining() == (try Money(parsing: "10000.00")), "its award was withdrawn in December")
        #expect(q3.fundBudgets.map(\.fundID) == ["CAF-2017-18", "CSP-2017-18", "IDVA-2017-18"])
        // The PCSO contribution was withdrawn: scheduled £44,000.00, expected nothing, and why.
        let pcso = try #require(q3.contributions.first { $0.contributionID == "CONTRIB-SRBC-PCSO" })
        #expect(pcso.scheduled == (try Money(parsing: "44000.00")) && pcso.expected == .zero)
        #expect(pcso.withdrawnOn == (try Day(parsing: "2017-04-01")))
        #expect(pcso.withdrawalReason == "Council decision to withdraw the contribution towards PCSOs")
    }
}
