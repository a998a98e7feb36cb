import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// No amount above `Money.ledgerCeiling` goes in, and no entry that would take a ledger-wide total past 64-bit pence:
/// so every total the status and the checks add up can be computed.
@Suite struct MoneyCeilingTests {
    typealias Case = EntryShapeTests.Case
    static let over = Money(pence: Money.ledgerCeiling.pence + 1)
    static func day(_ text: String) -> Day { EntryShapeTests.day(text) }
    static func single<E: LedgerEntry>(_ entry: E) -> LedgerBatch { EntryShapeTests.single(entry) }
    static let fy2017 = EntryShapeTests.fy2017

    @Test func theCeilingIsOneBillionPoundsEitherWay() {
        #expect(Money.ledgerCeiling.formatted == "£1,000,000,000.00")
        #expect(Money.ledgerCeiling.isWithinLedgerCeiling)
        #expect(Money(pence: -Money.ledgerCeiling.pence).isWithinLedgerCeiling)
        #expect(!Self.over.isWithinLedgerCeiling)
        #expect(!Money(pence: .max).isWithinLedgerCeiling && !Money(pence: .min).isWithinLedgerCeiling)
    }

    /// Every money field of every kind, a penny over the ceiling (a cut a penny over it the other way).
    static let overCeiling: [Case] = [
        Case(
            name: "a fund's budget",
            batch: single(Fund(
                id: "CAF-X", name: "Big", scheme: .communityActionFund, year: fy2017, amount: over,
                funder: EntryShapeTests.org("360G-Test-OPCC"))),
            field: "amount", entryID: "CAF-X", mentions: ["£1,000,000,000.01", "£1,000,000,000.00"]),
        Case(
            name: "an allocation",
            batch: single(Allocation(
                id: "ALLOC-2", fund: "CSP-2017-18", csp: EntryShapeTests.org("360G-Test-CSP-SR"), amount: over,
                decision: "2017/12", date: day("2017-04-20"))),
            field: "amount", entryID: "ALLOC-2"),
        Case(
            name: "a cut to an allocation",
            batch: single(AllocationChange(
                id: "CH-1", allocation: "ALLOC-SR", delta: Money(pence: -over.pence), decision: "2018/02",
                date: day("2018-01-10"), reason: "cut")),
            field: "delta", entryID: "CH-1", mentions: ["-£1,000,000,000.01"]),
        Case(
            name: "a bid's request",
            batch: single(Bid(
                id: "BID-1", fund: "CAF-2017-18", applicant: EntryShapeTests.org("360G-Test-ORG-0001"), title: "Big",
                requested: over, submitted: day("2017-05-01"))),
            field: "requested", entryID: "BID-1"),
        Case(
            name: "an award",
            batch: single(Award(
                id: "AW-1", fund: "CSP-2017-18", allocation: "ALLOC-SR", recipient: EntryShapeTests.org("GB-LAE-SRI"),
                title: "Big", amount: over, decision: "2017/81", awardDate: day("2017-07-03"),
                plannedStart: day("2017-07-10"), plannedEnd: day("2018-03-31"), priorities: [])),
            field: "amount", entryID: "AW-1"),
        Case(
            name: "a claim",
            batch: single(Claim(
                id: "CL-1", award: "AW-1", periodStart: day("2017-07-01"), periodEnd: day("2017-09-30"), amount: over,
                date: day("2017-10-02"))),
            field: "amount", entryID: "CL-1"),
        Case(
            name: "a payment",
            batch: single(Payment(id: "P-1", award: "AW-1", amount: over, date: day("2017-10-16"))),
            field: "amount", entryID: "P-1"),
        Case(
            name: "what an award's closure says was spent",
            batch: single(AwardClosure(id: "CLS-1", award: "AW-1", spent: over, date: day("2018-04-10"))),
            field: "spent", entryID: "CLS-1"),
        Case(
            name: "an underspend repayment",
            batch: single(UnderspendRepayment(id: "R-1", award: "AW-1", amount: over, date: day("2018-04-20"))),
            field: "amount", entryID: "R-1"),
        Case(
            name: "one year of a contribution",
            batch: single(ContributionSchedule(
                id: "C-1", contributor: EntryShapeTests.org("GB-LAE-SRI"),
                recipient: EntryShapeTests.org("360G-Test-OPCC"), service: "IDVA", committed: day("2017-03-01"),
                reason: "agreement",
                instalments: [
                    .init(year: fy2017, amount: Money(pence: 800_000)),
                    .init(year: EntryShapeTests.known(fy2017.next), amount: over),
                ])),
            field: "years", entryID: "C-1"),
        Case(
            name: "a contribution receipt",
            batch: single(ContributionReceipt(id: "RC-1", contribution: "C-1", year: fy2017, amount: over, date: day("2017-06-30"))),
            field: "amount", entryID: "RC-1"),
    ]

    @Test(arguments: overCeiling) func anAmountOverTheCeilingIsRefused(_ refusal: Case) throws {
        try EntryShapeTests.refuse(refusal)
    }

    /// Item 5 of the issue: this fund imported fine, then `grants status` could not total the figures.
    @Test func theLargestAmountInPenceIsRefusedAtItsLine() throws {
        let ledger = try Fixtures.ledger()
        let text = Entry.fund(id: "CAF-HUGE", scheme: "community-action-fund", amount: "92233720368547758.07")
        let error = try expectRefused(
            try batch(text), by: ledger, code: .invalidEntry, mentioning: ["£92,233,720,368,547,758.07", "check the figure"])
        #expect(error.field == "amount" && error.entryID == "CAF-HUGE")
        #expect(error.origin?.location(of: "amount") == "entry-1.yaml:\(line(of: "amount", in: text) ?? 0)")
        _ = try ledger.status()
    }

    /// At the ceiling is fine, and the status adds it up.
    @Test func anAmountAtTheCeilingIsKept() throws {
        let ledger = try Fixtures.ledger()
        try record(
            ledger, Entry.fund(id: "CAF-BIG", scheme: "community-action-fund", amount: "1000000000.00"),
            Entry.contribution(id: "C-1", years: [("2017/18", "1000000000.00"), ("2018/19", "1000000000.00")]))
        let status = try ledger.status()
        #expect(status.funds.contains { $0.fundID == "CAF-BIG" && $0.budget == Money.ledgerCeiling })
        #expect(try Money.sum(status.funds.map(\.budget)) == (try money("1000011000.00")))
        #expect(try ledger.reconcile().balances)
    }

    /// A ledger written before the ceiling may hold a budget near the limit of 64-bit pence: it still reads, and a
    /// new fund or contribution that would take the total of every budget, or of every instalment, past it is
    /// refused by name.
    @Test func anEntryThatWouldOverflowALedgerWideTotalIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try record(ledger, Entry.contribution(id: "C-0", years: [("2017/18", "10.00")]))
        }
        let near = Int64.max - 1_000_000
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO funds (id, name, scheme, year_start, amount, funder_id)
                    VALUES ('OLD-HUGE', 'Old', 'commissioned-service', 2016, ?, '360G-Test-OPCC');
                    INSERT INTO contributions (id, contributor_id, recipient_id, service, committed, reason)
                    VALUES ('C-OLD', 'GB-LAE-SRI', '360G-Test-OPCC', 'IDVA', '2016-03-01', 'old');
                    INSERT INTO contribution_years (contribution_id, year_start, amount) VALUES ('C-OLD', 2016, ?);
                    """,
                arguments: [near - 1_100_000, near])
        }
        let ledger = try Ledger(path: path)
        _ = try ledger.status()
        let fund = try expectRefused(
            try batch(Entry.fund(id: "CAF-MORE", scheme: "community-action-fund", amount: "10000.01")), by: ledger,
            code: .overflow, mentioning: ["every fund's budget", "the most the ledger can total exactly"])
        #expect(fund.field == "amount" && fund.entryID == "CAF-MORE" && fund.origin?.file == "entry-1.yaml")
        let contribution = try expectRefused(
            try batch(Entry.contribution(id: "C-MORE", years: [("2017/18", "5000.00"), ("2018/19", "5000.01")])),
            by: ledger, code: .overflow, mentioning: ["every contribution's instalments"])
        #expect(contribution.field == "years" && contribution.entryID == "C-MORE")
        // What still fits goes in.
        try record(ledger, Entry.fund(id: "CAF-LAST", scheme: "community-action-fund", amount: "1.00"))
        _ = try ledger.status()
    }
}
