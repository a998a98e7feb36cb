import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// The money invariants: nothing is ever over-committed, over-paid or over-returned, amounts are positive and sums
/// never overflow. Every refusal names the figures and leaves the ledger exactly as it was.
@Suite struct InvariantTests {
    static let moneyLimits: [RefusalCase] = [
        RefusalCase(
            name: "an allocation over its fund",
            refused: [Entry.allocation(id: "ALLOC-2", amount: "5000.01")],
            code: .exceedsFund, field: "amount",
            mentions: ["£5,000.01", "CSP-2017-18", "£10,000.01", "over its £10,000.00", "£5,000.00 is left"]),
        RefusalCase(
            name: "allocations over their fund across one batch",
            refused: [
                Entry.allocation(id: "ALLOC-2", amount: "3000.00"),
                Entry.allocation(id: "ALLOC-3", amount: "2000.01"),
            ],
            code: .exceedsFund, field: "amount",
            mentions: ["£2,000.01", "£10,000.01", "£10,000.00", "£2,000.00 is left"]),
        RefusalCase(
            name: "a CSP award of £5,000.01 against a £5,000.00 allocation",
            refused: [Entry.award(id: "AW-1", amount: "5000.01")],
            code: .exceedsAllocation, field: "amount",
            mentions: ["£5,000.01", "ALLOC-SR", "360G-Test-CSP-SR", "over its £5,000.00", "£5,000.00 is left"]),
        RefusalCase(
            name: "CSP awards over their allocation across several batches",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.award(id: "AW-2", amount: "2000.01")],
            code: .exceedsAllocation, field: "amount",
            mentions: ["£2,000.01", "£5,000.01", "over its £5,000.00", "£2,000.00 is left"]),
        RefusalCase(
            name: "CSP awards over their allocation within one batch",
            refused: [Entry.award(id: "AW-1", amount: "2500.00"), Entry.award(id: "AW-2", amount: "2500.01")],
            code: .exceedsAllocation, field: "amount",
            mentions: ["£2,500.01", "£5,000.01", "£5,000.00", "£2,500.00 is left"]),
        RefusalCase(
            name: "a direct award over its community action fund",
            refused: [Entry.cafAward(id: "CAF-AW-1", amount: "1000.01")],
            code: .exceedsFund, field: "amount",
            mentions: ["£1,000.01", "CAF-2017-18", "over its £1,000.00", "£1,000.00 is left"]),
        RefusalCase(
            name: "direct awards over their community action fund across several awards",
            setup: [Entry.cafAward(id: "CAF-AW-1", amount: "600.00"), Entry.cafAward(id: "CAF-AW-2", amount: "300.00")],
            refused: [Entry.cafAward(id: "CAF-AW-3", amount: "100.01")],
            code: .exceedsFund, field: "amount",
            mentions: ["£100.01", "£1,000.01", "over its £1,000.00", "£100.00 is left"]),
        RefusalCase(
            name: "direct awards over their community action fund within one batch",
            refused: [Entry.cafAward(id: "CAF-AW-1", amount: "999.99"), Entry.cafAward(id: "CAF-AW-2", amount: "0.02")],
            code: .exceedsFund, field: "amount",
            mentions: ["£0.02", "£1,000.01", "£1,000.00", "£0.01 is left"]),
        RefusalCase(
            name: "a payment over its award",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.payment(id: "P-1", award: "AW-1", amount: "3000.01")],
            code: .exceedsAward, field: "amount",
            mentions: ["£3,000.01", "AW-1", "£3,000.00 awarded", "£3,000.00 is left to pay"]),
        RefusalCase(
            name: "payments over their award across several payments",
            setup: [Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "2000.00")],
            refused: [Entry.payment(id: "P-2", award: "AW-1", amount: "1000.01")],
            code: .exceedsAward, field: "amount",
            mentions: ["paying £1,000.01", "£3,000.01 paid", "£3,000.00 awarded", "£1,000.00 is left to pay"]),
        RefusalCase(
            name: "payments over their award within one batch",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [
                Entry.payment(id: "P-1", award: "AW-1", amount: "1500.00"),
                Entry.payment(id: "P-2", award: "AW-1", amount: "1500.01"),
            ],
            code: .exceedsAward, field: "amount",
            mentions: ["£1,500.01", "£3,000.01", "£3,000.00", "£1,500.00 is left to pay"]),
        RefusalCase(
            name: "underspend returned on an award with nothing paid",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.underspend(id: "R-1", award: "AW-1", amount: "0.01")],
            code: .exceedsPaid, field: "amount",
            mentions: ["£0.01", "AW-1", "£0.00 paid"]),
        RefusalCase(
            name: "underspend returned over what was paid across several returns",
            setup: [
                Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "2000.00"),
                Entry.underspend(id: "R-1", award: "AW-1", amount: "1500.00"),
            ],
            refused: [Entry.underspend(id: "R-2", award: "AW-1", amount: "500.01")],
            code: .exceedsPaid, field: "amount",
            mentions: ["returning £500.01", "£2,000.01", "£2,000.00 paid"]),
        RefusalCase(
            name: "underspend returned over a payment made in the same batch",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [
                Entry.payment(id: "P-1", award: "AW-1", amount: "1000.00"),
                Entry.underspend(id: "R-1", award: "AW-1", amount: "1000.01"),
            ],
            code: .exceedsPaid, field: "amount",
            mentions: ["£1,000.01", "£1,000.00 paid"]),
    ]

    @Test(arguments: moneyLimits)
    func moneyLimitIsRefused(_ refusal: RefusalCase) throws {
        try refusal.check()
    }

    /// Reaching a limit exactly is allowed: each case ends exactly on its limit.
    @Test(arguments: [
        ("an allocation filling its fund", [Entry.allocation(id: "ALLOC-2", amount: "5000.00")]),
        ("a CSP award of exactly £5,000.00", [Entry.award(id: "AW-1", amount: "5000.00")]),
        ("CSP awards summing to the allocation", [
            Entry.award(id: "AW-1", amount: "4999.99"), Entry.award(id: "AW-2", amount: "0.01"),
        ]),
        ("direct awards summing to the fund", [
            Entry.cafAward(id: "CAF-AW-1", amount: "600.00"), Entry.cafAward(id: "CAF-AW-2", amount: "400.00"),
        ]),
        ("payments summing to the award", [
            Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "2000.00"),
            Entry.payment(id: "P-2", award: "AW-1", amount: "1000.00"),
        ]),
        ("underspend returned equal to what was paid", [
            Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "2000.00"),
            Entry.underspend(id: "R-1", award: "AW-1", amount: "1200.00"),
            Entry.underspend(id: "R-2", award: "AW-1", amount: "800.00"),
        ]),
    ])
    func reachingALimitExactlyIsAccepted(_ name: String, files: [String]) throws {
        let ledger = try Fixtures.ledger()
        let before = try ledger.counts()
        let entries = try batch(files)
        let outcome = try ledger.record(entries, as: Fixtures.change())
        #expect(outcome.addedCount == entries.count)
        #expect(outcome.unchanged == 0)
        let after = try ledger.counts()
        #expect(after.values.reduce(0, +) == before.values.reduce(0, +) + entries.count)
        #expect(try ledger.history().count == 8 + entries.count)
    }

    @Test(arguments: ["5000.00", "5000.01"])
    func cspAwardBoundary(_ amount: String) throws {
        let ledger = try Fixtures.ledger()
        let entries = try batch(Fixtures.award(id: "AW-1", amount: amount))
        if amount == "5000.00" {
            try ledger.record(entries, as: Fixtures.change())
            let line = try #require(try ledger.status().csps.first)
            #expect(line.committed == (try money("5000.00")))
            #expect(try line.remaining() == .zero)
        } else {
            try expectRefused(entries, by: ledger, code: .exceedsAllocation, mentioning: ["£5,000.01", "£5,000.00"])
        }
    }

    static let nonPositive: [RefusalCase] = [
        RefusalCase(
            name: "a zero allocation", refused: [Entry.allocation(id: "ALLOC-2", amount: "0.00")],
            code: .invalidEntry, field: "amount", mentions: ["0.00", "expected more than 0.00"]),
        RefusalCase(
            name: "a negative allocation", refused: [Entry.allocation(id: "ALLOC-2", amount: "-100.00")],
            code: .invalidEntry, field: "amount", mentions: ["-100.00", "expected more than 0.00"]),
        RefusalCase(
            name: "a zero CSP award", refused: [Entry.award(id: "AW-1", amount: "0.00")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a negative CSP award", refused: [Entry.award(id: "AW-1", amount: "-0.01")],
            code: .invalidEntry, field: "amount", mentions: ["-0.01", "expected more than 0.00"]),
        RefusalCase(
            name: "a zero direct award", refused: [Entry.cafAward(id: "CAF-AW-1", amount: "0")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a zero bid", refused: [Entry.bid(id: "BID-1", requested: "0.00")],
            code: .invalidEntry, field: "requested", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a zero payment", setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.payment(id: "P-1", award: "AW-1", amount: "0.00")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a negative payment", setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.payment(id: "P-1", award: "AW-1", amount: "-5.00")],
            code: .invalidEntry, field: "amount", mentions: ["-5.00", "expected more than 0.00"]),
        RefusalCase(
            name: "a zero underspend return",
            setup: [Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "100.00")],
            refused: [Entry.underspend(id: "R-1", award: "AW-1", amount: "0.00")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a negative underspend return",
            setup: [Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "100.00")],
            refused: [Entry.underspend(id: "R-1", award: "AW-1", amount: "-50.00")],
            code: .invalidEntry, field: "amount", mentions: ["expected more than 0.00"]),
        RefusalCase(
            name: "a zero year in a contribution",
            refused: [Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "0.00")])],
            code: .invalidEntry, field: "years", mentions: ["expected more than 0.00"]),
    ]

    @Test(arguments: nonPositive)
    func nonPositiveAmountIsRefused(_ refusal: RefusalCase) throws {
        try refusal.check()
    }

    /// A negative fund is a fault in the data like any other negative amount: `.invalidEntry` naming the field and
    /// the file, not a `.database` error carrying SQLite's CHECK message.
    @Test func aNegativeFundIsAnInvalidEntry() throws {
        let ledger = try Fixtures.ledger()
        let text = Entry.fund(id: "CAF-NEG", scheme: "community-action-fund", amount: "-1.00")
        let before = try LedgerSnapshot(ledger)
        let error = try #require(throws: LedgerError.self) {
            try ledger.record(try LedgerFile.parse(text, file: "funds.yaml"), as: Fixtures.change())
        }
        #expect(try LedgerSnapshot(ledger) == before)
        #expect(error.code == .invalidEntry, "\(error)")
        #expect(error.isDataError)
        #expect(error.field == "amount")
        #expect(error.origin?.file == "funds.yaml")
    }

    static let big = "92233720368547758.07"  // Int64.max pence
    static let half = "50000000000000000.00"  // 5e18 pence: two of them overflow Int64

    /// A fund and allocations whose sum overflows, in one batch: the first amount over `Money.ledgerCeiling` is
    /// refused before any sum is taken.
    @Test func aFundAndTwoAllocationsThatTogetherOverflowAreRefusedAtTheFund() throws {
        let error = try RefusalCase(
            name: "a fund and two allocations that together overflow, in one batch",
            refused: [
                Entry.fund(id: "CSP-BIG", scheme: "csp-grant", amount: Self.big),
                Entry.allocation(id: "ALLOC-BIG-1", amount: Self.half, fund: "CSP-BIG"),
                Entry.allocation(id: "ALLOC-BIG-2", amount: Self.half, fund: "CSP-BIG"),
            ],
            code: .invalidEntry, field: "amount", mentions: ["£92,233,720,368,547,758.07", "£1,000,000,000.00"]
        ).check()
        #expect(error.entryID == "CSP-BIG")
    }

    /// Amounts that large no longer go in (see `MoneyCeilingTests`), but a ledger written before the ceiling may hold
    /// them: a new entry whose sum with them would overflow is still refused, never stored. Each case's stored rows
    /// are written straight into the file, as that older release did.
    struct OverflowCase: Sendable, CustomTestStringConvertible {
        let name: String
        let stored: String
        let refused: String
        var testDescription: String { name }
    }

    static let overflows: [OverflowCase] = [
        OverflowCase(
            name: "an allocation on a fund allocated to within a pound of 64-bit pence",
            stored: """
                INSERT INTO funds VALUES ('CSP-BIG', 'Big', 'csp-grant', 2017, 9223372036854775807, '360G-Test-OPCC');
                INSERT INTO allocations VALUES ('ALLOC-BIG-1', 'CSP-BIG', '360G-Test-CSP-SR', 9223372036854775707,
                  '2017/12', '2017-04-20');
                """,
            refused: Entry.allocation(id: "ALLOC-BIG-2", amount: "1000.00", fund: "CSP-BIG")),
        OverflowCase(
            name: "an allocation of a penny on a fully allocated maximal fund",
            stored: """
                INSERT INTO funds VALUES ('CSP-BIG', 'Big', 'csp-grant', 2017, 9223372036854775807, '360G-Test-OPCC');
                INSERT INTO allocations VALUES ('ALLOC-BIG-1', 'CSP-BIG', '360G-Test-CSP-SR', 9223372036854775807,
                  '2017/12', '2017-04-20');
                """,
            refused: Entry.allocation(id: "ALLOC-BIG-2", amount: "0.01", fund: "CSP-BIG")),
        OverflowCase(
            name: "direct awards that together overflow",
            stored: """
                INSERT INTO funds VALUES ('CAF-BIG', 'Big', 'community-action-fund', 2017, 9223372036854775807,
                  '360G-Test-OPCC');
                INSERT INTO awards VALUES ('CAF-BIG-1', NULL, 'CAF-BIG', NULL, 'GB-LAE-SRI', 'Big', 9223372036854775797,
                  '2017/81', '2017-07-03', '2017-07-10', '2018-03-31', '');
                """,
            refused: Entry.award(id: "CAF-BIG-2", amount: "0.11", fund: "CAF-BIG", allocation: nil)),
    ]

    @Test(arguments: overflows)
    func overflowingSumIsRefused(_ refusal: OverflowCase) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        try Ledger(path: path).record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        try DatabaseQueue(path: path).write { db in try db.execute(sql: refusal.stored) }
        let ledger = try Ledger(path: path)
        let error = try expectRefused(try batch(refusal.refused), by: ledger, code: .overflow, mentioning: ["too large"])
        #expect(error.isDataError)
        #expect(error.field == "amount")
        #expect(error.origin?.file == "entry-1.yaml")
    }
}
