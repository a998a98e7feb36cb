import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Money a partner pays in against one year of its contribution schedule: never more than that year's instalment,
/// never for a year the schedule has no instalment for, never against a schedule the ledger does not hold.
@Suite struct ContributionReceiptTests {
    /// The fixtures and C-1: £8,000.00 a year for 2017/18 and 2018/19 from South Ribble Borough Council.
    static func ledger() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try apply(ledger, .contribution("C-1", years: ["2017/18": "8000.00", "2018/19": "8000.00"]))
        return ledger
    }

    @Test func receiptsAgainstAnInstalmentAddUpToIt() throws {
        let ledger = try Self.ledger()
        #expect(try ledger.check("contribution C-1 2017/18").equation
            == "due £8,000.00 = received £0.00 + outstanding £8,000.00")
        try apply(
            ledger, .receipt("RC-1", contribution: "C-1", year: "2017/18", amount: "5000.00", date: "2017-06-30"),
            .receipt("RC-2", contribution: "C-1", year: "2017/18", amount: "3000.00", date: "2017-12-29"),
            .receipt("RC-3", contribution: "C-1", year: "2018/19", amount: "4000.00", date: "2018-06-29"))
        #expect(try ledger.counts()[.contributionReceipt] == 3)
        let full = try ledger.check("contribution C-1 2017/18")
        #expect(full.equation == "due £8,000.00 = received £8,000.00 + outstanding £0.00")
        #expect(full.balances)
        #expect(full.entries == ["RC-1", "RC-2"])
        #expect(try ledger.check("contribution C-1 2018/19").equation
            == "due £8,000.00 = received £4,000.00 + outstanding £4,000.00")
        #expect(try ledger.reconcile().balances)
        #expect(try ledger.history(entryID: "RC-3").count == 1)
    }

    @Test func aReceiptOverTheInstalmentIsRefused() throws {
        let ledger = try Self.ledger()
        try expectRefused(
            .receipt("RC-1", contribution: "C-1", year: "2017/18", amount: "8000.01"), by: ledger, code: .exceedsAward,
            mentioning: ["receiving £8,000.01", "2017/18", "C-1", "to £8,000.01", "over the £8,000.00 due"],
            field: "amount")
    }

    @Test func receiptsOverTheInstalmentAcrossBatchesAreRefused() throws {
        let ledger = try Self.ledger()
        try apply(ledger, .receipt("RC-1", contribution: "C-1", year: "2017/18", amount: "7999.99"))
        try expectRefused(
            .receipt("RC-2", contribution: "C-1", year: "2017/18", amount: "0.02"), by: ledger, code: .exceedsAward,
            mentioning: ["receiving £0.02", "to £8,000.01", "over the £8,000.00 due"], field: "amount")
        // The next year's instalment is separate: the same penny is fine there, and the last penny here.
        try apply(
            ledger, .receipt("RC-2", contribution: "C-1", year: "2018/19", amount: "0.02"),
            .receipt("RC-3", contribution: "C-1", year: "2017/18", amount: "0.01"))
        #expect(try ledger.reconcile().balances)
    }

    @Test func receiptsOverTheInstalmentWithinOneBatchAreRefused() throws {
        let ledger = try Self.ledger()
        try expectRefused(
            [
                .receipt("RC-1", contribution: "C-1", year: "2018/19", amount: "6000.00"),
                .receipt("RC-2", contribution: "C-1", year: "2018/19", amount: "2000.01"),
            ], by: ledger, code: .exceedsAward, mentioning: ["£2,000.01", "2018/19", "£8,000.01"], field: "amount")
    }

    @Test func aYearWithNoInstalmentIsRefused() throws {
        let ledger = try Self.ledger()
        try expectRefused(
            .receipt("RC-1", contribution: "C-1", year: "2019/20", amount: "100.00", date: "2019-06-28"), by: ledger,
            code: .invalidEntry, mentioning: ["contribution C-1 has no instalment for 2019/20"], field: "financial_year")
        try expectRefused(
            .receipt("RC-1", contribution: "C-1", year: "2016/17", amount: "100.00"), by: ledger,
            code: .invalidEntry, mentioning: ["no instalment for 2016/17"], field: "financial_year")
    }

    @Test func anUnknownScheduleIsRefused() throws {
        let ledger = try Self.ledger()
        try expectRefused(
            .receipt("RC-1", contribution: "C-9", year: "2017/18", amount: "100.00"), by: ledger,
            code: .unknownReference, mentioning: ["no contribution C-9"], field: "contribution")
    }

    @Test func aScheduleInTheSameBatchCanBeReceivedAgainst() throws {
        let ledger = try Fixtures.ledger()
        try ledger.record(
            try batch([
                .receipt("RC-1", contribution: "C-2", year: "2017/18", amount: "1000.00"),
                .contribution("C-2", years: ["2017/18": "1000.00"]),
            ]), as: Fixtures.change())
        #expect(try ledger.check("contribution C-2 2017/18").equation
            == "due £1,000.00 = received £1,000.00 + outstanding £0.00")
    }

    @Test(arguments: ["0.00", "-5.00"])
    func aReceiptOfNothingOrLessIsRefused(_ amount: String) throws {
        let ledger = try Self.ledger()
        try expectRefused(
            .receipt("RC-1", contribution: "C-1", year: "2017/18", amount: amount), by: ledger, code: .invalidEntry,
            mentioning: ["expected more than 0.00"], field: "amount")
    }

    @Test func receiptsFromAFileNameTheirLineWhenRefused() throws {
        let ledger = try Self.ledger()
        let text = """
            format: grants-ledger/1
            contribution_receipts:
              - id: RC-1
                contribution: C-1
                financial_year: "2017/18"
                amount: "6000.00"
                date: 2017-06-30
              - id: RC-2
                contribution: C-1
                financial_year: 2017-18
                amount: "2000.01"
                date: 2017-12-29

            """
        let error = try expectRefused(
            try LedgerFile.parse(text, file: "receipts.yaml"), by: ledger, code: .exceedsAward,
            mentioning: ["£2,000.01", "£8,000.01"])
        #expect(error.origin?.file == "receipts.yaml")
        #expect(error.entryID == "RC-2")
        #expect(error.description.hasPrefix("receipts.yaml:\(try #require(line(of: "2000.01", in: text))): amount: "))
    }
}
