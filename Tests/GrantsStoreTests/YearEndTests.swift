import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Year end: what is still open in a financial year, and closing it once nothing is, after which its funds take no
/// new awards.
@Suite struct YearEndTests {
    static let csp = Step.award("AW-1", amount: "3000.00")
    static let caf = Step.award(
        "CAF-AW-1", amount: "400.00", allocation: nil, fund: "CAF-2017-18", recipient: "360G-Test-ORG-0001")

    /// The fixtures, AW-1 (£3,000.00 on ALLOC-SR) with an unpaid £1,200.00 claim, and CAF-AW-1 (£400.00, direct).
    static func openYear() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try apply(ledger, csp, caf, .claim("CL-1", award: "AW-1", amount: "1200.00", date: "2017-10-02"))
        return ledger
    }

    /// Brings `openYear()` to the point where 2017/18 may close: CL-1 paid, AW-1 closed having spent £1,000.00 and
    /// its £200.00 returned, CAF-AW-1 withdrawn.
    static func settle(_ ledger: Ledger) throws {
        try apply(
            ledger,
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            .closure("CLOSE-1", award: "AW-1", spent: "1000.00"),
            .withdrawal("WD-1", award: "CAF-AW-1", date: "2017-12-01"),
            .underspend("R-1", award: "AW-1", amount: "200.00"))
    }

    @Test func anEmptyYearHasNothingOpenButItsUncommittedAllocation() throws {
        let report = try Fixtures.ledger().yearEnd(try year("2017/18"))
        #expect(report.year == (try year("2017/18")))
        #expect(report.closedOn == nil)
        #expect(report.openAwards.isEmpty && report.unpaidClaims.isEmpty && report.underspendOwed.isEmpty)
        #expect(report.canClose)
        #expect(report.uncommitted.count == 1)
        let line = try #require(report.uncommitted.first)
        #expect(line.fund == "CSP-2017-18")
        #expect(line.csp == "South Ribble Community Safety Partnership")
        #expect(line.allocated == (try money("5000.00")))
        #expect(line.committed == .zero)
    }

    @Test func listsOpenAwardsUnpaidClaimsAndUncommittedAllocations() throws {
        let ledger = try Self.openYear()
        let report = try ledger.yearEnd(try year("2017/18"))
        #expect(!report.canClose)
        #expect(report.openAwards.map(\.award) == ["AW-1", "CAF-AW-1"])
        let aw1 = try #require(report.openAwards.first)
        #expect(aw1.state == .claiming)
        #expect(aw1.fund == "CSP-2017-18")
        #expect(aw1.recipient == "South Ribble Borough Council")
        #expect(aw1.amount == (try money("3000.00")))
        #expect(aw1.paid == .zero)
        let caf = try #require(report.openAwards.last)
        #expect(caf.state == .awarded)
        #expect(caf.fund == "CAF-2017-18")
        #expect(caf.amount == (try money("400.00")))

        #expect(report.unpaidClaims.map(\.claim) == ["CL-1"])
        #expect(report.unpaidClaims.first?.award == "AW-1")
        #expect(report.unpaidClaims.first?.amount == (try money("1200.00")))
        #expect(report.unpaidClaims.first?.date == (try day("2017-10-02")))
        #expect(report.underspendOwed.isEmpty)
        #expect(report.uncommitted.map(\.fund) == ["CSP-2017-18"])
        #expect(report.uncommitted.first?.allocated == (try money("5000.00")))
        #expect(report.uncommitted.first?.committed == (try money("3000.00")))

        // Another year's report sees none of it.
        let next = try ledger.yearEnd(try year("2018/19"))
        #expect(next.openAwards.isEmpty && next.unpaidClaims.isEmpty && next.uncommitted.isEmpty)
    }

    @Test func paidAndOwedShowAsTheyHappen() throws {
        let ledger = try Self.openYear()
        try apply(ledger, .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"))
        var report = try ledger.yearEnd(try year("2017/18"))
        #expect(report.unpaidClaims.isEmpty)
        #expect(report.openAwards.first?.paid == (try money("1200.00")))
        try apply(ledger, .closure("CLOSE-1", award: "AW-1", spent: "1000.00"))
        report = try ledger.yearEnd(try year("2017/18"))
        #expect(report.openAwards.map(\.award) == ["CAF-AW-1"])
        #expect(report.underspendOwed.map(\.award) == ["AW-1"])
        #expect(report.underspendOwed.first?.recipient == "South Ribble Borough Council")
        #expect(report.underspendOwed.first?.owed == (try money("200.00")))
        #expect(report.underspendOwed.first?.returned == .zero)
        // The £1,800.00 released by the close is uncommitted again.
        #expect(report.uncommitted.first?.committed == (try money("1200.00")))
        try apply(ledger, .underspend("R-1", award: "AW-1", amount: "50.00"))
        report = try ledger.yearEnd(try year("2017/18"))
        #expect(report.underspendOwed.first?.returned == (try money("50.00")))
    }

    @Test func closingIsRefusedWhileAnAwardIsOpenNamingTheFirst() throws {
        let ledger = try Self.openYear()
        try expectRefused(
            .yearClosure("2017/18"), by: ledger, code: .invalidEntry,
            mentioning: ["2017/18 cannot close", "3 thing(s) still open", "first award AW-1 is claiming"],
            field: "financial_year", states: ["AW-1", "CAF-AW-1"])
    }

    @Test func closingIsRefusedWhileAClaimIsUnpaidOrUnderspendIsOwed() throws {
        let ledger = try Self.openYear()
        // Both awards settled but for the money: the closure is refused naming the first thing left.
        try apply(
            ledger, .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            .closure("CLOSE-1", award: "AW-1", spent: "1000.00"),
            .withdrawal("WD-1", award: "CAF-AW-1", date: "2017-12-01"))
        #expect(try ledger.yearEnd(try year("2017/18")).openAwards.isEmpty)
        try expectRefused(
            .yearClosure("2017/18"), by: ledger, code: .invalidEntry,
            mentioning: ["1 thing(s) still open", "first award AW-1 owes £200.00 back"], field: "financial_year")
        try apply(ledger, .underspend("R-1", award: "AW-1", amount: "150.00"))
        try expectRefused(
            .yearClosure("2017/18"), by: ledger, code: .invalidEntry, mentioning: ["award AW-1 owes £50.00 back"])
        try apply(ledger, .underspend("R-2", award: "AW-1", amount: "50.00"))
        #expect(try ledger.yearEnd(try year("2017/18")).canClose)
        try apply(ledger, .yearClosure("2017/18", date: "2018-05-31"))
        #expect(try ledger.yearEnd(try year("2017/18")).closedOn == day("2018-05-31"))
    }

    @Test func theOpenAwardIsNamedBeforeItsUnpaidClaim() throws {
        let ledger = try Fixtures.ledger()
        try apply(ledger, Self.csp, .claim("CL-1", award: "AW-1", amount: "100.00"))
        let error = try expectRefused(
            [.yearClosure("2017/18")], by: ledger, code: .invalidEntry,
            mentioning: ["2 thing(s) still open", "first award AW-1 is claiming"])
        #expect(error.entryID == "2017/18")
    }

    @Test func closingAYearWithAnAwardInTheSameBatchIsRefused() throws {
        let ledger = try Fixtures.ledger()
        try expectRefused(
            [Self.caf, .yearClosure("2017/18")], by: ledger, code: .invalidEntry,
            mentioning: ["first award CAF-AW-1 is awarded"])
    }

    @Test func closedYearTakesNoNewAwardsButAnotherYearDoes() throws {
        let ledger = try Self.openYear()
        try Self.settle(ledger)
        let report = try ledger.yearEnd(try year("2017/18"))
        #expect(report.canClose)
        #expect(report.openAwards.isEmpty && report.unpaidClaims.isEmpty && report.underspendOwed.isEmpty)
        try apply(ledger, .yearClosure("2017/18", date: "2018-05-31"))
        #expect(try ledger.yearEnd(try year("2017/18")).closedOn == day("2018-05-31"))
        #expect(try ledger.counts()[.yearClosure] == 1)

        try expectRefused(
            .award("AW-2", amount: "100.00"), by: ledger, code: .invalidEntry,
            mentioning: ["financial year 2017/18 is closed", "CSP-2017-18", "takes no new awards"], field: "fund")
        try expectRefused(
            .award("CAF-AW-2", amount: "100.00", allocation: nil, fund: "CAF-2017-18", recipient: "360G-Test-ORG-0001"),
            by: ledger, code: .invalidEntry, mentioning: ["closed", "CAF-2017-18"], field: "fund")

        // A fund of 2018/19 still takes awards, on an allocation and directly.
        try apply(
            ledger,
            .fund("CSP-2018-19", scheme: .cspGrant, year: "2018/19", amount: "8000.00"),
            .fund("CAF-2018-19", scheme: .communityActionFund, year: "2018/19", amount: "1000.00"),
            .allocation("ALLOC-SR-2018", amount: "4000.00", fund: "CSP-2018-19"),
            .award("AW-3", amount: "2500.00", allocation: "ALLOC-SR-2018", fund: "CSP-2018-19", date: "2018-05-01"),
            .award(
                "CAF-AW-3", amount: "300.00", allocation: nil, fund: "CAF-2018-19", date: "2018-05-01",
                recipient: "360G-Test-ORG-0001"))
        #expect(try ledger.state(ofAward: "AW-3") == .awarded)
        #expect(try ledger.state(ofAward: "CAF-AW-3") == .awarded)
        #expect(try ledger.yearEnd(try year("2018/19")).openAwards.map(\.award) == ["AW-3", "CAF-AW-3"])
        #expect(try ledger.reconcile().balances)
    }

    @Test func anOpenAwardOfAnotherYearDoesNotHoldTheYearOpen() throws {
        let ledger = try Fixtures.ledger()
        try apply(
            ledger,
            .fund("CAF-2018-19", scheme: .communityActionFund, year: "2018/19", amount: "1000.00"),
            .award(
                "CAF-AW-3", amount: "300.00", allocation: nil, fund: "CAF-2018-19", date: "2018-05-01",
                recipient: "360G-Test-ORG-0001"),
            .yearClosure("2017/18"))
        try expectRefused(
            .yearClosure("2018/19", date: "2019-05-31"), by: ledger, code: .invalidEntry,
            mentioning: ["2018/19 cannot close", "first award CAF-AW-3 is awarded"])
    }

    @Test func closingTheYearFromAFile() throws {
        let ledger = try Self.openYear()
        try Self.settle(ledger)
        let text = """
            format: grants-ledger/1
            year_closures:
              - financial_year: "2017/18"
                date: 2018-05-31

            """
        try ledger.record(try LedgerFile.parse(text, file: "close.yaml"), as: Fixtures.change())
        #expect(try ledger.yearEnd(try year("2017/18")).closedOn == day("2018-05-31"))
        // The same closure again is left alone; another date is a conflict.
        #expect(try ledger.record(try LedgerFile.parse(text, file: "close.yaml"), as: Fixtures.change()).addedCount == 0)
        try expectRefused(.yearClosure("2017/18", date: "2018-06-01"), by: ledger, code: .conflict)
    }

    // MARK: - Every award can be settled, so every year can close

    /// A claim made before an award was withdrawn can never be paid (the award takes no payments), so it must not
    /// keep the year open for ever: either the withdrawal is refused while the claim stands, or the year closes.
    @Test func aWithdrawnAwardsClaimDoesNotKeepTheYearOpenForEver() throws {
        let ledger = try Fixtures.ledger()
        try apply(ledger, Self.csp, .claim("CL-1", award: "AW-1", amount: "500.00", date: "2017-07-20"))
        do {
            try ledger.record(try batch([.withdrawal("WD-1", award: "AW-1", date: "2017-08-01")]), as: Fixtures.change())
        } catch {
            return
        }
        let report = try ledger.yearEnd(try year("2017/18"))
        #expect(
            report.canClose,
            "AW-1 is withdrawn, yet 2017/18 cannot close: \(report.unpaidClaims.map(\.claim)) listed unpaid, and no step can pay it")
        #expect(throws: Never.self) {
            try ledger.record(try batch([.yearClosure("2017/18")]), as: Fixtures.change())
        }
    }

    /// Claims and payments made without a claim share one award: a claim for more than is left to pay can never be
    /// paid, so the award could neither be closed (a claim unpaid) nor withdrawn (money paid). Such a claim must be
    /// refused, or the award must still be able to close.
    @Test func aClaimForMoreThanIsLeftToPayDoesNotKeepTheYearOpenForEver() throws {
        let ledger = try Fixtures.ledger()
        try apply(ledger, Self.csp, .payment("P-1", award: "AW-1", amount: "2000.00"))
        do {
            try ledger.record(try batch([.claim("CL-1", award: "AW-1", amount: "1500.00")]), as: Fixtures.change())
        } catch {
            return
        }
        // The claim stands: it cannot be paid (it would pay £3,500.00 on a £3,000.00 award)...
        #expect(throws: LedgerError.self) {
            try ledger.record(
                try batch([.payment("P-2", award: "AW-1", claim: "CL-1", amount: "1500.00")]), as: Fixtures.change())
        }
        // ...so the award must still be able to close, or the year never can.
        #expect(
            throws: Never.self,
            "claim CL-1 (£1,500.00) on AW-1 can never be paid, so AW-1 can never close and 2017/18 never close") {
            try ledger.record(
                try batch([.closure("CLOSE-1", award: "AW-1", spent: "2000.00")]), as: Fixtures.change())
        }
    }

    /// The same dead end the other way round: a claim is made first, then a payment without a claim takes the award so
    /// near its amount that the claim can no longer be paid. Such a payment must be refused, or the claim must still
    /// be payable.
    @Test func aPaymentWithoutAClaimDoesNotLeaveAClaimUnpayable() throws {
        let ledger = try Fixtures.ledger()
        try apply(ledger, Self.csp, .claim("CL-1", award: "AW-1", amount: "2000.00"))
        do {
            try ledger.record(try batch([.payment("P-1", award: "AW-1", amount: "1500.00")]), as: Fixtures.change())
        } catch {
            return
        }
        #expect(
            throws: Never.self,
            "P-1 (£1,500.00, no claim) was accepted with claim CL-1 (£2,000.00) unpaid on the £3,000.00 award AW-1: CL-1 can no longer be paid") {
            try ledger.record(
                try batch([.payment("P-2", award: "AW-1", claim: "CL-1", amount: "2000.00")]), as: Fixtures.change())
        }
    }

    /// Within one batch claims are written before payments, so the order in the file cannot get round the rule.
    @Test func aClaimAndAPaymentWithoutAClaimInOneBatchLeaveTheClaimPayable() throws {
        let ledger = try Fixtures.ledger()
        try apply(ledger, Self.csp)
        do {
            try ledger.record(
                try batch([
                    .payment("P-1", award: "AW-1", amount: "2000.00"),
                    .claim("CL-1", award: "AW-1", amount: "1500.00"),
                ]), as: Fixtures.change())
        } catch {
            return
        }
        #expect(throws: Never.self, "the batch left claim CL-1 (£1,500.00) unpayable on AW-1 (£2,000.00 of £3,000.00 paid)") {
            try ledger.record(
                try batch([.payment("P-2", award: "AW-1", claim: "CL-1", amount: "1500.00")]), as: Fixtures.change())
        }
    }
}
