import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Impossible days are refused at the entry, naming the field: an award outside its fund's year or before its bid,
/// a claim for work before the award or dated 9999-12-31, a year closed before it ends, and each kind's day past the
/// bounds of `FinancialYear+Ledger.swift`. The days real data uses (payments months after the year, repayments
/// years after) still go in.
@Suite struct DateTests {
    static let award = Entry.award(id: "AW-1", amount: "3000.00")
    static let paid = [award, Entry.payment(id: "P-1", award: "AW-1", amount: "1000.00")]

    static func claim(date: String = "2017-10-02", from: String = "2017-07-10", to: String = "2017-09-30") -> String {
        Entry.file("claims", [
            ("id", "CL-1"), ("award", "AW-1"), ("period_start", from), ("period_end", to), ("amount", "\"100.00\""),
            ("date", date),
        ])
    }

    static func closure(date: String) -> String {
        Entry.file("award_closures", [("id", "CLS-1"), ("award", "AW-1"), ("spent", "\"1000.00\""), ("date", date)])
    }

    static func withdrawal(date: String) -> String {
        Entry.file("award_withdrawals", [("id", "WD-1"), ("award", "AW-1"), ("date", date), ("reason", "cancelled")])
    }

    static func bid(submitted: String) -> String {
        Entry.bid(id: "BID-1").replacingOccurrences(of: "submitted: 2017-05-01", with: "submitted: \(submitted)")
    }

    static func change(date: String) -> String {
        Entry.file("allocation_changes", [
            ("id", "CH-1"), ("allocation", "ALLOC-SR"), ("delta", "\"-100.00\""), ("decision", "\"2018/02\""),
            ("date", date), ("reason", "re-plan"),
        ])
    }

    static func receipt(date: String) -> String {
        Entry.file("contribution_receipts", [
            ("id", "RC-1"), ("contribution", "C-1"), ("financial_year", "\"2017/18\""), ("amount", "\"100.00\""),
            ("date", date),
        ])
    }

    static let contribution = Entry.contribution(id: "C-1", years: [("2017/18", "8000.00")])

    static func yearClosure(_ date: String) -> String {
        Entry.file("year_closures", [("financial_year", "\"2017/18\""), ("date", date)])
    }

    static func planned(start: String = "2017-07-10", end: String = "2018-03-31") -> String {
        award.replacingOccurrences(of: "planned_start: 2017-07-10", with: "planned_start: \(start)")
            .replacingOccurrences(of: "planned_end: 2018-03-31", with: "planned_end: \(end)")
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "an award dated 2030 on a 2017/18 fund",
            refused: [Entry.award(id: "AW-1", amount: "100.00", awardDate: "2030-01-01")],
            code: .invalidEntry, field: "award_date",
            mentions: ["2030-01-01 is after 2018-03-31, the last day of 2017/18, the year of fund CSP-2017-18"]),
        RefusalCase(
            name: "an award dated the day after its fund's year",
            refused: [Entry.award(id: "AW-1", amount: "100.00", awardDate: "2018-04-01")],
            code: .invalidEntry, field: "award_date", mentions: ["2018-04-01", "2018-03-31"]),
        RefusalCase(
            name: "an award dated the day before its fund's year",
            refused: [Entry.award(id: "AW-1", amount: "100.00", awardDate: "2017-03-31")],
            code: .invalidEntry, field: "award_date",
            mentions: ["2017-03-31 is before 2017-04-01, the first day of 2017/18"]),
        RefusalCase(
            name: "an award made before its bid was submitted",
            setup: [bid(submitted: "2017-08-01")],
            refused: [
                Entry.award(id: "AW-1", amount: "100.00", fund: "CAF-2017-18", allocation: nil,
                            recipient: "360G-Test-ORG-0001", bid: "BID-1", awardDate: "2017-07-03")
            ],
            code: .invalidEntry, field: "award_date", mentions: ["2017-07-03 is before 2017-08-01", "bid BID-1"]),
        RefusalCase(
            name: "an award planned to end in 2030",
            refused: [planned(end: "2030-03-31")],
            code: .invalidEntry, field: "planned_end", mentions: ["2030-03-31 is after 2019-03-31"]),
        RefusalCase(
            name: "an award planned to start in 2010",
            refused: [planned(start: "2010-01-01")],
            code: .invalidEntry, field: "planned_start", mentions: ["2010-01-01 is before 2016-04-01"]),
        RefusalCase(
            name: "a bid submitted after its fund's year",
            refused: [bid(submitted: "2018-04-01")],
            code: .invalidEntry, field: "submitted", mentions: ["2018-04-01 is after 2018-03-31"]),
        RefusalCase(
            name: "a bid submitted two years early",
            refused: [bid(submitted: "2016-03-31")],
            code: .invalidEntry, field: "submitted", mentions: ["2016-03-31 is before 2016-04-01"]),
        RefusalCase(
            name: "an allocation dated 2030",
            refused: [Entry.allocation(id: "ALLOC-2", amount: "100.00").replacingOccurrences(
                of: "date: 2017-04-20", with: "date: 2030-04-20")],
            code: .invalidEntry, field: "date", mentions: ["2030-04-20 is after 2018-03-31"]),
        RefusalCase(
            name: "a change to an allocation dated before the allocation was made",
            refused: [change(date: "2017-04-19")],
            code: .invalidEntry, field: "date", mentions: ["2017-04-19 is before 2017-04-20", "allocation ALLOC-SR"]),
        RefusalCase(
            name: "a change to an allocation after its fund's year",
            refused: [change(date: "2018-04-01")],
            code: .invalidEntry, field: "date", mentions: ["2018-04-01 is after 2018-03-31"]),
        RefusalCase(
            name: "a claim dated 9999-12-31",
            setup: [award],
            refused: [claim(date: "9999-12-31")],
            code: .invalidEntry, field: "date",
            mentions: ["9999-12-31 is after 2024-03-31, the last day of the 6th year after 2017/18"]),
        RefusalCase(
            name: "a claim for a period before the award",
            setup: [award],
            refused: [claim(from: "2017-04-01", to: "2017-06-30")],
            code: .invalidEntry, field: "period_end", mentions: ["2017-06-30 is before 2017-07-03", "award AW-1"]),
        RefusalCase(
            name: "a claim for a period ending in 9999",
            setup: [award],
            refused: [claim(to: "9999-12-31")],
            code: .invalidEntry, field: "period_end", mentions: ["9999-12-31 is after 2024-03-31"]),
        RefusalCase(
            name: "a payment dated 2030",
            setup: [award],
            refused: [Entry.payment(id: "P-1", award: "AW-1", amount: "100.00", date: "2030-01-01")],
            code: .invalidEntry, field: "date", mentions: ["2030-01-01 is after 2024-03-31"]),
        RefusalCase(
            name: "an award closed in 2030",
            setup: paid,
            refused: [closure(date: "2030-01-01")],
            code: .invalidEntry, field: "date", mentions: ["2030-01-01 is after 2024-03-31"]),
        RefusalCase(
            name: "an award withdrawn in 2030",
            setup: [award],
            refused: [withdrawal(date: "2030-01-01")],
            code: .invalidEntry, field: "date", mentions: ["2030-01-01 is after 2024-03-31"]),
        RefusalCase(
            name: "underspend repaid in 2030",
            setup: paid,
            refused: [Entry.underspend(id: "R-1", award: "AW-1", amount: "10.00", date: "2030-01-01")],
            code: .invalidEntry, field: "date", mentions: ["2030-01-01 is after 2024-03-31"]),
        RefusalCase(
            name: "a contribution committed after its last year",
            refused: [contribution.replacingOccurrences(of: "committed: 2017-03-01", with: "committed: 2018-04-01")],
            code: .invalidEntry, field: "committed", mentions: ["2018-04-01 is after 2018-03-31"]),
        RefusalCase(
            name: "a contribution received before it was committed",
            setup: [contribution],
            refused: [receipt(date: "2017-02-28")],
            code: .invalidEntry, field: "date", mentions: ["2017-02-28 is before 2017-03-01"]),
        RefusalCase(
            name: "a contribution received in 2030",
            setup: [contribution],
            refused: [receipt(date: "2030-01-01")],
            code: .invalidEntry, field: "date", mentions: ["2030-01-01 is after 2024-03-31"]),
        RefusalCase(
            name: "a contribution withdrawn before it was committed",
            setup: [contribution],
            refused: [Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2017-02-01")],
            code: .invalidEntry, field: "effective", mentions: ["2017-02-01 is before 2017-03-01"]),
        RefusalCase(
            name: "a year closed before it ends",
            refused: [yearClosure("2017-05-01")],
            code: .invalidEntry, field: "date", mentions: ["2017-05-01 is before 2018-03-31", "once it has ended"]),
        RefusalCase(
            name: "a year closed in 9999",
            refused: [yearClosure("9999-01-01")],
            code: .invalidEntry, field: "date", mentions: ["9999-01-01 is after 2024-03-31"]),
    ]

    @Test(arguments: refusals)
    func anImpossibleDayIsRefused(_ refusal: RefusalCase) throws {
        try refusal.check()
    }

    /// What real data does stays possible: pots split and bids made ahead of April, claims and payments in arrears
    /// months after the year, an end-of-grant report and a repayment years late, a year closed on its last day.
    @Test func theDaysRealDataUsesAreKept() throws {
        let ledger = try Fixtures.ledger()
        try record(
            ledger,
            Entry.fund(id: "CSP-2018-19", scheme: "csp-grant", amount: "8000.00", year: "2018/19"),
            Entry.allocation(id: "ALLOC-SR-18", amount: "3000.00", fund: "CSP-2018-19").replacingOccurrences(
                of: "date: 2017-04-20", with: "date: 2018-02-15"),
            Self.bid(submitted: "2016-04-01"),
            Entry.award(id: "AW-1", amount: "3000.00", awardDate: "2018-03-31"),
            Entry.payment(id: "P-1", award: "AW-1", amount: "1000.00", date: "2018-09-30"),
            Self.claim(date: "2019-01-15", from: "2018-01-01", to: "2018-03-31"),
            Entry.file("payments", [
                ("id", "P-2"), ("award", "AW-1"), ("claim", "CL-1"), ("amount", "\"100.00\""), ("date", "2019-01-20"),
            ]),
            Self.closure(date: "2019-06-30"),
            Entry.underspend(id: "R-1", award: "AW-1", amount: "10.00", date: "2024-03-31"),
            Self.planned(start: "2016-04-01", end: "2019-03-31").replacingOccurrences(of: "AW-1", with: "AW-2")
                .replacingOccurrences(of: "\"3000.00\"", with: "\"100.00\""))
        #expect(try ledger.counts()[.award] == 2)
        #expect(try ledger.reconcile().balances)
    }

    @Test func aYearClosesOnItsLastDay() throws {
        let ledger = try TestStore.emptyLedger()
        try record(ledger, Self.yearClosure("2018-03-31"))
        #expect(try ledger.counts()[.yearClosure] == 1)
    }

    /// The bounds themselves, at the edges of the calendar too.
    @Test func theBoundsOfAYear() throws {
        let year = try year("2017/18")
        #expect(year.earliestDecisionDay == (try day("2016-04-01")))
        #expect(year.latestPlannedDay == (try day("2019-03-31")))
        #expect(year.lastSettlementDay == (try day("2024-03-31")))
        let last = try #require(FinancialYear(startYear: 9998))
        let end = try day("9999-03-31")
        #expect(last.latestPlannedDay == end && last.lastSettlementDay == end)
    }
}
