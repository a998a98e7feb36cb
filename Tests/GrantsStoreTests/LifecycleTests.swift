import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// An award's life: claimed in arrears, paid claim by claim, closed with what was spent (the unpaid part released
/// to the allocation, the unspent part of what was paid owed back), or withdrawn before anything was paid. Every
/// illegal step is refused with its code and the figures at fault, and changes nothing.
@Suite struct LifecycleTests {
    /// The fixtures plus AW-1, £3,000.00 on ALLOC-SR (£5,000.00), made on 2017-07-03.
    static func awarded() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try apply(ledger, .award("AW-1", amount: "3000.00"))
        return ledger
    }

    // MARK: - The legal path

    @Test func awardClaimPayCloseAndReturnTheUnderspend() throws {
        let ledger = try Self.awarded()
        #expect(try ledger.state(ofAward: "AW-1") == .awarded)
        #expect(try ledger.southRibble().committed == money("3000.00"))
        #expect(try ledger.southRibble().remaining() == money("2000.00"))

        try apply(ledger, .claim("CL-1", award: "AW-1", amount: "1200.00", date: "2017-10-02"))
        #expect(try ledger.state(ofAward: "AW-1") == .claiming)
        #expect(try ledger.claim("CL-1")?.amount == money("1200.00"))
        #expect(try ledger.claimCount(award: "AW-1") == 1)
        try apply(
            ledger,
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00", date: "2017-10-16"),
            .claim("CL-2", award: "AW-1", amount: "800.00", date: "2018-01-05", from: "2017-10-01", to: "2017-12-31"),
            .payment("P-2", award: "AW-1", claim: "CL-2", amount: "800.00", date: "2018-01-15"))
        #expect(try ledger.state(ofAward: "AW-1") == .claiming)
        #expect(try ledger.paymentCount(award: "AW-1") == 2)
        let before = try ledger.southRibble()
        #expect(before.committed == (try money("3000.00")))
        #expect(before.paid == (try money("2000.00")))

        // Spent £1,750.00 of the £2,000.00 paid: £250.00 owed back; £1,000.00 never paid is released.
        try apply(ledger, .closure("CLOSE-1", award: "AW-1", spent: "1750.00", date: "2018-02-28"))
        #expect(try ledger.state(ofAward: "AW-1") == .closed)
        let after = try ledger.southRibble()
        #expect(after.committed == (try money("2000.00")), "committed drops by the £1,000.00 released")
        #expect(try after.remaining() == (try before.remaining().adding(try money("1000.00"))))
        #expect(after.paid == before.paid)
        #expect(try ledger.fundLine("CSP-2017-18").committed == money("2000.00"))
        let summary = try #require(try ledger.awardSummary("AW-1"))
        #expect(summary.contains("awarded £3,000.00, paid £2,000.00, released £1,000.00, owed back £250.00"), "\(summary)")
        let owed = try ledger.yearEnd(try year("2017/18")).underspendOwed
        #expect(owed.map(\.award) == ["AW-1"])
        #expect(owed.first?.owed == (try money("250.00")))
        #expect(owed.first?.returned == .zero)

        // A penny more than is owed is refused; what is owed, in parts, is taken.
        try expectRefused(
            .underspend("R-1", award: "AW-1", amount: "250.01"), by: ledger, code: .exceedsPaid,
            mentioning: ["£250.01", "AW-1", "more than the £250.00 owed back at its close"], field: "amount",
            states: ["AW-1"])
        try apply(ledger, .underspend("R-1", award: "AW-1", amount: "100.00"))
        try expectRefused(
            .underspend("R-2", award: "AW-1", amount: "150.01"), by: ledger, code: .exceedsPaid,
            mentioning: ["£150.01", "to £250.01", "£250.00 owed back"], field: "amount")
        try apply(ledger, .underspend("R-2", award: "AW-1", amount: "150.00"))
        #expect(try ledger.southRibble().returned == money("250.00"))
        #expect(try ledger.yearEnd(try year("2017/18")).underspendOwed.isEmpty)
        try expectRefused(
            .underspend("R-3", award: "AW-1", amount: "0.01"), by: ledger, code: .exceedsPaid,
            mentioning: ["£0.01", "£250.00 owed back"])

        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances, "\(String(describing: reconciliation.firstFailure))")
        #expect(try ledger.check("award AW-1").equation
            == "award £3,000.00 = paid £2,000.00 + outstanding £0.00 + released £1,000.00")
        #expect(try ledger.check("award AW-1 at its close").equation
            == "paid £2,000.00 = spent £1,750.00 + owed back £250.00, of which £250.00 returned")
        #expect(try Set(ledger.check("award AW-1").entries) == ["CL-1", "CL-2", "P-1", "P-2", "CLOSE-1", "R-1", "R-2"])

        // The released £1,000.00 can be awarded again: £3,000.00 of the £5,000.00 allocation is free, not a penny more,
        // and only from the day of the close that freed it.
        try expectRefused(
            .award("AW-2", amount: "3000.01", date: "2018-03-01"), by: ledger, code: .exceedsAllocation,
            mentioning: ["£3,000.01", "ALLOC-SR", "£3,000.00 is left"])
        try expectRefused(
            .award("AW-2", amount: "3000.00", date: "2018-02-27"), by: ledger, code: .exceedsAllocation,
            mentioning: ["on 2018-02-27 allocation ALLOC-SR would commit £6,000.00 against the £5,000.00", "freed"])
        try apply(ledger, .award("AW-2", amount: "3000.00", date: "2018-03-01"))
        #expect(try ledger.southRibble().remaining() == .zero)
        #expect(try ledger.reconcile().balances)
    }

    @Test func claimsAndPaymentsInOneBatchAndAClosureWithItsReturnInAnother() throws {
        let ledger = try Self.awarded()
        try ledger.record(
            try batch([
                .claim("CL-1", award: "AW-1", amount: "3000.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "3000.00"),
            ]), as: Fixtures.change())
        // In one batch the closure is written before the return it makes owed.
        try ledger.record(
            try batch([
                .underspend("R-1", award: "AW-1", amount: "400.00"),
                .closure("CLOSE-1", award: "AW-1", spent: "2600.00"),
            ]), as: Fixtures.change())
        #expect(try ledger.state(ofAward: "AW-1") == .closed)
        #expect(try ledger.southRibble().committed == money("3000.00"), "fully paid: nothing is released")
        #expect(try ledger.yearEnd(try year("2017/18")).underspendOwed.isEmpty)
        #expect(try ledger.reconcile().balances)
    }

    @Test func closingWithNothingPaidReleasesTheWholeAward() throws {
        let ledger = try Self.awarded()
        try apply(ledger, .closure("CLOSE-1", award: "AW-1", spent: "0.00", date: "2018-01-31"))
        #expect(try ledger.state(ofAward: "AW-1") == .closed)
        #expect(try ledger.southRibble().committed == .zero)
        #expect(try ledger.check("award AW-1").equation
            == "award £3,000.00 = paid £0.00 + outstanding £0.00 + released £3,000.00")
        try apply(ledger, .award("AW-2", amount: "5000.00", date: "2018-01-31"))
        #expect(try ledger.reconcile().balances)
    }

    @Test func spendingMoreThanWasPaidOwesNothing() throws {
        let ledger = try Self.awarded()
        try apply(
            ledger, .payment("P-1", award: "AW-1", amount: "1200.00"),
            .closure("CLOSE-1", award: "AW-1", spent: "1500.00"))
        #expect(try ledger.southRibble().committed == money("1200.00"))
        #expect(try ledger.check("award AW-1 at its close").equation
            == "paid £1,200.00 = spent £1,200.00 + owed back £0.00, of which £0.00 returned")
        #expect(try ledger.yearEnd(try year("2017/18")).underspendOwed.isEmpty)
        try expectRefused(
            .underspend("R-1", award: "AW-1", amount: "0.01"), by: ledger, code: .exceedsPaid,
            mentioning: ["£0.01", "more than the £0.00 owed back"])
        #expect(try ledger.reconcile().balances)
    }

    @Test func closingADirectAwardReleasesToItsFund() throws {
        let ledger = try Fixtures.ledger()
        try apply(
            ledger,
            .award("CAF-AW-1", amount: "600.00", allocation: nil, fund: "CAF-2017-18", recipient: "360G-Test-ORG-0001"),
            .payment("P-1", award: "CAF-AW-1", amount: "400.00"),
            .closure("CLOSE-1", award: "CAF-AW-1", spent: "400.00", date: "2018-01-31"))
        #expect(try ledger.fundLine("CAF-2017-18").committed == money("400.00"))
        try expectRefused(
            .award("CAF-AW-2", amount: "600.01", allocation: nil, fund: "CAF-2017-18", date: "2018-02-01",
                   recipient: "360G-Test-ORG-0001"),
            by: ledger, code: .exceedsFund, mentioning: ["£600.01", "CAF-2017-18", "£600.00 is left"])
        try expectRefused(
            .award("CAF-AW-2", amount: "600.00", allocation: nil, fund: "CAF-2017-18", date: "2018-01-30",
                   recipient: "360G-Test-ORG-0001"),
            by: ledger, code: .exceedsFund, mentioning: ["on 2018-01-30 fund CAF-2017-18", "freed"])
        try apply(
            ledger,
            .award("CAF-AW-2", amount: "600.00", allocation: nil, fund: "CAF-2017-18", date: "2018-02-01",
                   recipient: "360G-Test-ORG-0001"))
        #expect(try ledger.fundLine("CAF-2017-18").committed == money("1000.00"))
        #expect(try ledger.reconcile().balances)
    }

    @Test func statesRunAwardedClaimingClosedAndAwardedWithdrawn() throws {
        let ledger = try Self.awarded()
        try apply(ledger, .award("AW-2", amount: "2000.00"))
        #expect(try ledger.state(ofAward: "AW-9") == nil)
        #expect(try ledger.state(ofAward: "AW-1") == .awarded)
        #expect(try ledger.state(ofAward: "AW-2") == .awarded)
        try apply(ledger, .claim("CL-1", award: "AW-1", amount: "500.00"))
        #expect(try ledger.state(ofAward: "AW-1") == .claiming)
        try apply(ledger, .payment("P-1", award: "AW-1", claim: "CL-1", amount: "500.00"))
        #expect(try ledger.state(ofAward: "AW-1") == .claiming)
        try apply(ledger, .closure("CLOSE-1", award: "AW-1", spent: "500.00"))
        #expect(try ledger.state(ofAward: "AW-1") == .closed)
        try apply(ledger, .withdrawal("WD-2", award: "AW-2"))
        #expect(try ledger.state(ofAward: "AW-2") == .withdrawn)
        #expect(try ledger.reconcile().balances)
    }

    @Test func aWithdrawalReleasesTheWholeAwardForANewOne() throws {
        let ledger = try Self.awarded()
        try apply(ledger, .award("AW-2", amount: "2000.00"))
        #expect(try ledger.southRibble().remaining() == .zero)
        try expectRefused(
            .award("AW-3", amount: "2000.00"), by: ledger, code: .exceedsAllocation,
            mentioning: ["£2,000.00", "ALLOC-SR", "£0.00 is left"])

        try apply(ledger, .withdrawal("WD-2", award: "AW-2", date: "2017-08-01", reason: "venue closed"))
        #expect(try ledger.state(ofAward: "AW-2") == .withdrawn)
        #expect(try ledger.southRibble().committed == money("3000.00"))
        #expect(try ledger.check("award AW-2").equation
            == "award £2,000.00 = paid £0.00 + outstanding £0.00 + released £2,000.00")
        try expectRefused(
            .award("AW-3", amount: "2000.01"), by: ledger, code: .exceedsAllocation, mentioning: ["£2,000.00 is left"])
        try apply(ledger, .award("AW-3", amount: "2000.00", date: "2017-08-01"))
        #expect(try ledger.southRibble().committed == money("5000.00"))
        #expect(try ledger.reconcile().balances)
    }

    /// A close settles the award with what was paid, so it is dated after the last claim and payment on it; an
    /// underspend return never takes what was returned past what had been paid by its day. Otherwise a return as of
    /// a day between the two would show figures no ledger of that day could hold.
    @Test func aCloseOrReturnDatedBeforeThePaymentsItFollowsIsRefused() throws {
        let ledger = try Self.awarded()
        try apply(
            ledger, .claim("CL-1", award: "AW-1", amount: "1000.00", date: "2018-01-05", from: "2017-10-01", to: "2017-12-31"),
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1000.00", date: "2018-01-15"))
        try expectRefused(
            .closure("CLOSE-1", award: "AW-1", spent: "900.00", date: "2018-01-10"), by: ledger, code: .invalidEntry,
            mentioning: ["2018-01-10 is before payment P-1 on award AW-1, dated 2018-01-15"], field: "date",
            states: ["AW-1"])
        try expectRefused(
            .underspend("R-1", award: "AW-1", amount: "100.00", date: "2018-01-14"), by: ledger, code: .exceedsPaid,
            mentioning: ["on 2018-01-14 £100.00 would have been returned on award AW-1, more than the £0.00 paid"])
        try apply(
            ledger, .closure("CLOSE-1", award: "AW-1", spent: "900.00", date: "2018-01-15"),
            .underspend("R-1", award: "AW-1", amount: "100.00", date: "2018-01-16"))
        #expect(try ledger.reconcile().balances)
    }

    @Test func theSameStepRecordedTwiceIsLeftAlone() throws {
        let ledger = try Self.awarded()
        let steps: [Step] = [
            .claim("CL-1", award: "AW-1", amount: "500.00"),
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "500.00"),
            .closure("CLOSE-1", award: "AW-1", spent: "400.00"),
            .underspend("R-1", award: "AW-1", amount: "100.00"),
        ]
        #expect(try ledger.record(try batch(steps), as: Fixtures.change()).addedCount == 4)
        let again = try ledger.record(try batch(steps), as: Fixtures.change())
        #expect(again.addedCount == 0)
        #expect(again.unchanged == 4)
        // The same closure id with another figure is a conflict, not a second close.
        try expectRefused(
            .closure("CLOSE-1", award: "AW-1", spent: "500.00"), by: ledger, code: .conflict,
            mentioning: ["CLOSE-1", "spent"], field: "spent")
    }

    // MARK: - Illegal steps

    struct Refusal: Sendable, CustomTestStringConvertible {
        let name: String
        /// Steps recorded first, each accepted, on top of the fixtures and AW-1 (£3,000.00 from 2017-07-03).
        var setup: [Step] = []
        let refused: [Step]
        let code: LedgerError.Code
        var field: String? = nil
        var mentions: [String] = []

        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(
            name: "claiming before the award date",
            refused: [.claim("CL-1", award: "AW-1", amount: "100.00", date: "2017-07-02")],
            code: .invalidEntry, field: "date",
            mentions: ["the claim is dated 2017-07-02, before award AW-1 was made on 2017-07-03"]),
        Refusal(
            name: "a claim over the award",
            refused: [.claim("CL-1", award: "AW-1", amount: "3000.01")],
            code: .exceedsAward, field: "amount",
            mentions: ["claiming £3,000.01", "AW-1", "over the £3,000.00 awarded", "£3,000.00 is left to claim"]),
        Refusal(
            name: "claims over the award in total, across batches",
            setup: [.claim("CL-1", award: "AW-1", amount: "2000.00")],
            refused: [.claim("CL-2", award: "AW-1", amount: "1000.01")],
            code: .exceedsAward, field: "amount",
            mentions: ["claiming £1,000.01", "to £3,000.01", "over the £3,000.00 awarded", "£1,000.00 is left to claim"]),
        Refusal(
            name: "claims over the award in total, within one batch",
            refused: [
                .claim("CL-1", award: "AW-1", amount: "1500.00"),
                .claim("CL-2", award: "AW-1", amount: "1500.01"),
            ],
            code: .exceedsAward, field: "amount", mentions: ["£3,000.01", "£1,500.00 is left to claim"]),
        Refusal(
            name: "claims over the award in total, after some were paid",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "2999.99"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "2999.99"),
            ],
            refused: [.claim("CL-2", award: "AW-1", amount: "0.02")],
            code: .exceedsAward, field: "amount", mentions: ["£0.02", "£0.01 is left to claim"]),
        Refusal(
            name: "a claim whose period ends before it starts",
            refused: [.claim("CL-1", award: "AW-1", amount: "100.00", from: "2017-10-01", to: "2017-09-30")],
            code: .invalidEntry, field: "period_start", mentions: ["2017-10-01", "2017-09-30"]),
        Refusal(
            name: "a claim of nothing",
            refused: [.claim("CL-1", award: "AW-1", amount: "0.00")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        Refusal(
            name: "a claim on an award not in the ledger",
            refused: [.claim("CL-1", award: "AW-9", amount: "100.00")],
            code: .unknownReference, field: "award", mentions: ["no award AW-9"]),
        Refusal(
            name: "paying a claim twice",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "1200.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            ],
            refused: [.payment("P-2", award: "AW-1", claim: "CL-1", amount: "1200.00")],
            code: .invalidEntry, field: "claim", mentions: ["claim CL-1 was already paid by P-1"]),
        Refusal(
            name: "paying a claim twice within one batch",
            setup: [.claim("CL-1", award: "AW-1", amount: "1200.00")],
            refused: [
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
                .payment("P-2", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            ],
            code: .invalidEntry, field: "claim", mentions: ["claim CL-1 was already paid by P-1"]),
        Refusal(
            name: "paying a claim a penny less than it asked",
            setup: [.claim("CL-1", award: "AW-1", amount: "1200.00")],
            refused: [.payment("P-1", award: "AW-1", claim: "CL-1", amount: "1199.99")],
            code: .invalidEntry, field: "amount", mentions: ["pays £1,199.99, but claim CL-1 is for £1,200.00"]),
        Refusal(
            name: "paying a claim a penny more than it asked",
            setup: [.claim("CL-1", award: "AW-1", amount: "1200.00")],
            refused: [.payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.01")],
            code: .invalidEntry, field: "amount", mentions: ["pays £1,200.01, but claim CL-1 is for £1,200.00"]),
        Refusal(
            name: "paying a claim of another award",
            setup: [
                .award("AW-2", amount: "1000.00"),
                .claim("CL-2", award: "AW-2", amount: "500.00"),
            ],
            refused: [.payment("P-1", award: "AW-1", claim: "CL-2", amount: "500.00")],
            code: .invalidEntry, field: "claim", mentions: ["claim CL-2 is on award AW-2, not AW-1"]),
        Refusal(
            name: "paying a claim not in the ledger",
            refused: [.payment("P-1", award: "AW-1", claim: "CL-9", amount: "500.00")],
            code: .unknownReference, field: "claim", mentions: ["no claim CL-9"]),
        Refusal(
            name: "paying before the claim's date",
            setup: [.claim("CL-1", award: "AW-1", amount: "1200.00", date: "2017-10-02")],
            refused: [.payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00", date: "2017-10-01")],
            code: .invalidEntry, field: "date", mentions: ["2017-10-01 is before claim CL-1 was made on 2017-10-02"]),
        Refusal(
            name: "paying before the award date",
            refused: [.payment("P-1", award: "AW-1", amount: "100.00", date: "2017-07-02")],
            code: .invalidEntry, field: "date", mentions: ["2017-07-02 is before award AW-1 was made on 2017-07-03"]),
        Refusal(
            name: "paying more than the award without a claim",
            setup: [.payment("P-1", award: "AW-1", amount: "2000.00")],
            refused: [.payment("P-2", award: "AW-1", amount: "1000.01")],
            code: .exceedsAward, field: "amount", mentions: ["£1,000.01", "£3,000.01 paid", "£1,000.00 is left to pay"]),
        Refusal(
            name: "closing while a claim is unpaid",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "1200.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
                .claim("CL-2", award: "AW-1", amount: "800.00", date: "2018-01-05"),
            ],
            refused: [.closure("CLOSE-1", award: "AW-1", spent: "1200.00")],
            code: .invalidEntry, field: "award",
            mentions: ["claim CL-2 on award AW-1 is not paid yet", "pay it before closing"]),
        Refusal(
            name: "closing twice",
            setup: [.closure("CLOSE-1", award: "AW-1", spent: "0.00", date: "2018-04-10")],
            refused: [.closure("CLOSE-2", award: "AW-1", spent: "0.00")],
            code: .invalidEntry, field: "award",
            mentions: ["award AW-1 was closed on 2018-04-10 (CLOSE-1) and cannot be closed again"]),
        Refusal(
            name: "closing twice within one batch",
            refused: [
                .closure("CLOSE-1", award: "AW-1", spent: "0.00"),
                .closure("CLOSE-2", award: "AW-1", spent: "0.00"),
            ],
            code: .invalidEntry, field: "award", mentions: ["(CLOSE-1) and cannot be closed again"]),
        Refusal(
            name: "closing before the award date",
            refused: [.closure("CLOSE-1", award: "AW-1", spent: "0.00", date: "2017-07-02")],
            code: .invalidEntry, field: "date", mentions: ["before award AW-1 was made on 2017-07-03"]),
        Refusal(
            name: "closing with a negative spend",
            refused: [.closure("CLOSE-1", award: "AW-1", spent: "-1.00")],
            code: .invalidEntry, field: "spent", mentions: ["negative"]),
        Refusal(
            name: "claiming on a closed award",
            setup: [.closure("CLOSE-1", award: "AW-1", spent: "0.00")],
            refused: [.claim("CL-1", award: "AW-1", amount: "100.00")],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 was closed on 2018-04-10", "cannot be claimed on"]),
        Refusal(
            name: "paying a closed award",
            setup: [.closure("CLOSE-1", award: "AW-1", spent: "0.00")],
            refused: [.payment("P-1", award: "AW-1", amount: "100.00", date: "2018-04-11")],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 was closed on 2018-04-10", "cannot be paid"]),
        Refusal(
            name: "paying a claim of an award closed since",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "100.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "100.00"),
                .closure("CLOSE-1", award: "AW-1", spent: "100.00"),
            ],
            refused: [.payment("P-2", award: "AW-1", claim: "CL-1", amount: "100.00")],
            code: .invalidEntry, field: "award", mentions: ["cannot be paid"]),
        Refusal(
            name: "withdrawing a closed award",
            setup: [.closure("CLOSE-1", award: "AW-1", spent: "0.00")],
            refused: [.withdrawal("WD-1", award: "AW-1", date: "2018-04-11")],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 was closed on 2018-04-10", "cannot be withdrawn"]),
        Refusal(
            name: "paying a withdrawn award",
            setup: [.withdrawal("WD-1", award: "AW-1", date: "2017-08-01", reason: "venue closed")],
            refused: [.payment("P-1", award: "AW-1", amount: "100.00")],
            code: .invalidEntry, field: "award",
            mentions: ["award AW-1 was withdrawn on 2017-08-01 (venue closed) and cannot be paid"]),
        Refusal(
            name: "paying a claim of an award withdrawn since",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "100.00", date: "2017-07-20"),
                .withdrawal("WD-1", award: "AW-1", date: "2017-08-01"),
            ],
            refused: [.payment("P-1", award: "AW-1", claim: "CL-1", amount: "100.00")],
            code: .invalidEntry, field: "award", mentions: ["was withdrawn on 2017-08-01", "cannot be paid"]),
        Refusal(
            name: "claiming on a withdrawn award",
            setup: [.withdrawal("WD-1", award: "AW-1")],
            refused: [.claim("CL-1", award: "AW-1", amount: "100.00")],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 was withdrawn on 2017-08-01", "cannot be claimed on"]),
        Refusal(
            name: "closing a withdrawn award",
            setup: [.withdrawal("WD-1", award: "AW-1")],
            refused: [.closure("CLOSE-1", award: "AW-1", spent: "0.00")],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 was withdrawn on 2017-08-01"]),
        Refusal(
            name: "withdrawing an award with payments",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "1200.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            ],
            refused: [.withdrawal("WD-1", award: "AW-1", date: "2017-11-01")],
            code: .invalidEntry, field: "award",
            mentions: ["award AW-1 has £1,200.00 paid on it", "close it with what was spent instead"]),
        Refusal(
            name: "withdrawing an award paid in the same batch",
            refused: [
                .payment("P-1", award: "AW-1", amount: "0.01"),
                .withdrawal("WD-1", award: "AW-1", date: "2017-11-01"),
            ],
            code: .invalidEntry, field: "award", mentions: ["award AW-1 has £0.01 paid on it"]),
        Refusal(
            name: "withdrawing twice",
            setup: [.withdrawal("WD-1", award: "AW-1", date: "2017-08-01", reason: "venue closed")],
            refused: [.withdrawal("WD-2", award: "AW-1", date: "2017-08-02")],
            code: .invalidEntry, field: "award",
            mentions: ["award AW-1 was withdrawn on 2017-08-01 (venue closed) and cannot be withdrawn"]),
        Refusal(
            name: "withdrawing before the award date",
            refused: [.withdrawal("WD-1", award: "AW-1", date: "2017-07-02")],
            code: .invalidEntry, field: "date", mentions: ["before award AW-1 was made on 2017-07-03"]),
        Refusal(
            name: "withdrawing an award not in the ledger",
            refused: [.withdrawal("WD-1", award: "AW-9")],
            code: .unknownReference, field: "award", mentions: ["no award AW-9"]),
        Refusal(
            name: "returning a penny more than is owed at the close",
            setup: [
                .claim("CL-1", award: "AW-1", amount: "2000.00"),
                .payment("P-1", award: "AW-1", claim: "CL-1", amount: "2000.00"),
                .closure("CLOSE-1", award: "AW-1", spent: "1750.00"),
            ],
            refused: [.underspend("R-1", award: "AW-1", amount: "250.01")],
            code: .exceedsPaid, field: "amount",
            mentions: ["returning £250.01", "award AW-1", "more than the £250.00 owed back at its close"]),
        Refusal(
            name: "returning more than is owed in two parts within one batch",
            setup: [
                .payment("P-1", award: "AW-1", amount: "2000.00"),
                .closure("CLOSE-1", award: "AW-1", spent: "1750.00"),
            ],
            refused: [
                .underspend("R-1", award: "AW-1", amount: "200.00"),
                .underspend("R-2", award: "AW-1", amount: "50.01"),
            ],
            code: .exceedsPaid, field: "amount", mentions: ["£50.01", "to £250.01", "£250.00 owed back"]),
        Refusal(
            name: "returning underspend on a withdrawn award",
            setup: [.withdrawal("WD-1", award: "AW-1")],
            refused: [.underspend("R-1", award: "AW-1", amount: "0.01")],
            code: .exceedsPaid, field: "amount", mentions: ["£0.01", "more than the £0.00 paid"]),
    ]

    @Test(arguments: refusals)
    func illegalStepIsRefusedAndChangesNothing(_ refusal: Refusal) throws {
        let ledger = try Self.awarded()
        for step in refusal.setup {
            try apply(ledger, step)
        }
        try expectRefused(
            refusal.refused, by: ledger, code: refusal.code, mentioning: refusal.mentions, field: refusal.field,
            states: ["AW-1", "AW-2"])
        #expect(try ledger.reconcile().balances)
    }

    /// Money handed back before the end-of-grant return is part of what the recipient did not spend: a return saying
    /// more was spent than was paid and kept must not leave the award owing less than was already returned.
    @Test func aReturnBeforeTheCloseLimitsWhatTheCloseCanSayWasSpent() throws {
        let ledger = try Self.awarded()
        try apply(
            ledger,
            .claim("CL-1", award: "AW-1", amount: "1200.00"),
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            .underspend("R-1", award: "AW-1", amount: "200.00", date: "2018-02-01"))
        // £1,200.00 paid, £200.00 already back: at most £1,000.00 can have been spent. A closure saying £1,000.01 was
        // spent must either be refused or leave a ledger that still balances.
        let before = try LedgerSnapshot(ledger)
        do {
            try ledger.record(
                try batch([.closure("CLOSE-1", award: "AW-1", spent: "1000.01")]), as: Fixtures.change())
            let reconciliation = try ledger.reconcile()
            #expect(
                reconciliation.balances,
                "the closure was accepted but the ledger no longer balances: \(String(describing: reconciliation.firstFailure))")
            return
        } catch let error as LedgerError {
            #expect(error.isDataError, "\(error)")
            #expect(try LedgerSnapshot(ledger) == before)
            #expect(try ledger.state(ofAward: "AW-1") == .claiming)
        }
        // Spent £1,000.00: the £200.00 owed back is the £200.00 already returned.
        try apply(ledger, .closure("CLOSE-1", award: "AW-1", spent: "1000.00"))
        #expect(try ledger.check("award AW-1 at its close").equation
            == "paid £1,200.00 = spent £1,000.00 + owed back £200.00, of which £200.00 returned")
        #expect(try ledger.yearEnd(try year("2017/18")).underspendOwed.isEmpty)
        #expect(try ledger.reconcile().balances)
    }
}
