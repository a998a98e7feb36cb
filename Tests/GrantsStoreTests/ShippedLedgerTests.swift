import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// A ledger file written by the release that shipped the "v1-ledger" migration (see Fixtures/README.md): today's
/// code must open it, bring its schema up to date, read the same figures from it, and record new entries in it.
@Suite struct ShippedLedgerTests {
    /// Tests/GrantsStoreTests/Fixtures/ledger-v1.sqlite, next to this file.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/ledger-v1.sqlite").path

    /// A copy of the fixture in a fresh temporary folder, so that opening it (which migrates) never changes the
    /// committed file.
    static func copy() throws -> (folder: TemporaryFolder, path: String) {
        let folder = try TemporaryFolder()
        let path = folder.file("ledger-v1.sqlite")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return (folder, path)
    }

    static func migrations(at path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        }
    }

    /// Every table, index, view and trigger, in the order they were made, as SQLite keeps their text.
    static func schema(at path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid").map { row in
                "\(row["type"] as String? ?? "") \(row["name"] as String? ?? "") on \(row["tbl_name"] as String? ?? ""): "
                    + (row["sql"] as String? ?? "")
            }
        }
    }

    @Test func theFixtureIsAVersionOneLedger() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        #expect(try Self.migrations(at: path) == ["v1-ledger"])
    }

    /// The triggers of "v1-ledger" that "v4-balances" replaced by running balances and their CHECKs.
    static let replacedTriggers: Set<String> = [
        "allocations_within_fund", "awards_within_allocation", "awards_within_fund", "allocation_changes_within_limits",
        "payments_within_award", "returns_within_paid", "claims_within_award",
    ]

    /// "v1-ledger" still makes, to the byte, the schema it made when it shipped; later migrations only add to it,
    /// but for the summing triggers "v4-balances" dropped.
    @Test func aFreshLedgerStartsWithTheShippedSchema() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        let shipped = try Self.schema(at: path)
        #expect(shipped.count == 120)
        let kept = shipped.filter { line in
            !Self.replacedTriggers.contains { line.hasPrefix("trigger \($0) on ") }
        }
        #expect(kept.count == shipped.count - Self.replacedTriggers.count)
        let fresh = folder.file("fresh.sqlite")
        _ = try Ledger(path: fresh)
        #expect(Array(try Self.schema(at: fresh).prefix(kept.count)) == kept)
    }

    /// An upgraded ledger and a fresh one have the same schema, so no code needs to know which it is reading.
    @Test func anUpgradedLedgerHasTheSchemaOfAFreshOne() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        _ = try Ledger(path: path)
        let fresh = folder.file("fresh.sqlite")
        _ = try Ledger(path: fresh)
        #expect(try Self.schema(at: path) == Self.schema(at: fresh))
        #expect(try Self.migrations(at: path) == Self.migrations(at: fresh))
    }

    @Test func itOpensUpgradesAndReconciles() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        let ledger = try Ledger(path: path)
        #expect(try Self.migrations(at: path) == [
            "v1-ledger", "v2-award-states", "v3-publication", "v4-balances", "v5-accounts", "v6-submissions",
            "v7-reports", "v8-api-tokens",
        ])
        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances)
        #expect(reconciliation.firstFailure == nil)
        #expect(reconciliation.checks.count == 67)
        let counts = try ledger.counts()
        #expect(counts[.organisation] == 48 && counts[.fund] == 4 && counts[.allocation] == 28)
        #expect(counts[.allocationChange] == 2 && counts[.award] == 14 && counts[.claim] == 3)
        #expect(counts[.payment] == 14 && counts[.awardClosure] == 4 && counts[.contributionReceipt] == 3)
        #expect(try ledger.history().count == 136)
    }

    /// The figures `grants status` printed for this file when it was made.
    @Test func statusGivesTheFiguresOfTheReleaseThatWroteIt() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        let status = try Ledger(path: path).status()
        func total(_ figure: KeyPath<StatusReport.Line, Money>) throws -> Money {
            try status.funds.reduce(Money.zero) { try $0.adding($1[keyPath: figure]) }
        }
        #expect(status.funds.map(\.fundID) == ["CAF-2017-18", "CSP-2017-18", "IDVA-2017-18", "CSP-2018-19"])
        #expect(try total(\.budget) == money("880000.00"))
        #expect(try total(\.allocated) == money("617500.00"))
        #expect(try total(\.committed) == money("93775.00"))
        #expect(try total(\.paid) == money("56100.00"))
        #expect(try total(\.returned) == money("330.00"))
        #expect(try total(\.forecast) == money("93395.00"))
        let csp = try #require(status.funds.first { $0.fundID == "CSP-2017-18" })
        #expect(csp.committed == (try money("83850.00")))
        #expect(csp.paid == (try money("48350.00")))
        #expect(status.csps.count == 28)
        #expect(status.contributions.map(\.received).reduce(0) { $0 + $1.pence } == 1_600_000)
    }

    /// Where every award stood, as the 2017/18 spend return showed it when the file was made.
    @Test func awardStatesAndTheYearEndAreAsTheyWere() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        let ledger = try Ledger(path: path)
        let expected: [String: AwardState] = [
            "AWD-CAF-2017-18-01": .closed, "AWD-CAF-2017-18-02": .claiming, "AWD-CAF-2017-18-03": .claiming,
            "AWD-CAF-2017-18-04": .claiming, "AWD-CAF-2017-18-05": .awarded, "AWD-CSP-2017-18-BBD-01": .claiming,
            "AWD-CSP-2017-18-BPL-01": .claiming, "AWD-CSP-2017-18-BUR-01": .withdrawn,
            "AWD-CSP-2017-18-LAC-01": .claiming, "AWD-CSP-2017-18-PRE-01": .closed,
            "AWD-CSP-2017-18-SRI-01": .claiming, "AWD-CSP-2017-18-SRI-02": .closed,
            "AWD-CSP-2017-18-SRI-03": .claiming, "AWD-CSP-2017-SRI-04": .closed,
        ]
        for (award, state) in expected {
            #expect(try ledger.state(ofAward: award) == state, "\(award)")
        }
        // The year's return is as of 31 March 2018: three awards closed in April and May 2018 were still claiming.
        let spendReturn = try ledger.spendReturn(period: .init(year: try year("2017/18")))
        var asOfYearEnd = expected
        for award in ["AWD-CAF-2017-18-01", "AWD-CSP-2017-18-PRE-01", "AWD-CSP-2017-SRI-04"] {
            asOfYearEnd[award] = .claiming
        }
        #expect(Dictionary(uniqueKeysWithValues: spendReturn.lines.map { ($0.awardID, $0.state) }) == asOfYearEnd)
        #expect(spendReturn.header.fingerprint == "fnv1a64:7a5535767d35b0f0/136")
        let yearEnd = try ledger.yearEnd(try year("2017/18"))
        #expect(yearEnd.openCount == 11 && yearEnd.openItems.count == 11)
        #expect(yearEnd.openAwards.map(\.award) == expected.filter { [.awarded, .claiming].contains($0.value) }
            .keys.sorted())
    }

    @Test func newEntriesCanStillBeRecorded() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        let ledger = try Ledger(path: path)
        try record(
            ledger,
            Entry.award(
                id: "AWD-CSP-2018-19-FYL-01", amount: "1000.00", fund: "CSP-2018-19",
                allocation: "CSP-2018-19-2018-07-03", recipient: "360G-LancashirePCC-CSP-FYLDE",
                awardDate: "2018-05-01"))
        try ledger.record(
            try Step.claim(
                "AWD-CAF-2017-18-05-C01", award: "AWD-CAF-2017-18-05", amount: "400.00", date: "2017-12-01",
                from: "2017-10-01", to: "2017-11-30"
            ).batch(),
            as: Fixtures.change("claim on an upgraded ledger"))
        #expect(try ledger.state(ofAward: "AWD-CSP-2018-19-FYL-01") == .awarded)
        #expect(try ledger.state(ofAward: "AWD-CAF-2017-18-05") == .claiming)
        let fund = try #require(try ledger.status().funds.first { $0.fundID == "CSP-2018-19" })
        #expect(fund.committed == (try money("1000.00")))
        #expect(try ledger.reconcile().balances)
        #expect(try ledger.history().count == 138)
        // The upgraded file still refuses edits.
        let queue = try DatabaseQueue(path: path)
        #expect(throws: DatabaseError.self) {
            try queue.write { db in try db.execute(sql: "UPDATE awards SET amount = 1 WHERE id = 'AWD-CAF-2017-18-05'") }
        }
    }

    /// A ledger kept before the every-day rule can hold an award dated before its allocation: the running balances
    /// take it as it stands (the day's excess kept as `overdrawn`), the ledger opens and reconciles, and no new entry
    /// can add to the excess, while entries on other days are recorded as usual.
    @Test func aLedgerThatBrokeTheEveryDayRuleBeforeItExistedStillUpgradesAndStaysUsable() throws {
        let (folder, path) = try Self.copy()
        defer { _ = folder }
        // Burnley's £10,000.00 allocation is dated 2017-04-20; an award dated ten days before it, as release 1
        // allowed (it checked only the totals).
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision, award_date,
                                    planned_start, planned_end, priorities)
                VALUES ('AWD-EARLY', NULL, 'CSP-2017-18', 'ALLOC-2017-18-BUR', 'GB-LAE-BUR', 'Early', 100000,
                        '2017/10', '2017-04-10', '2017-04-10', '2018-03-31', 'anti-social-behaviour')
                """)
        }
        let ledger = try Ledger(path: path)
        #expect(try Self.migrations(at: path).last == "v8-api-tokens")
        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances, "\(String(describing: reconciliation.firstFailure))")
        // Another award on a day Burnley held nothing adds to what was over: refused, naming the day.
        _ = try expectRefused(
            try batch(Entry.award(
                id: "AWD-EARLIER", amount: "1.00", allocation: "ALLOC-2017-18-BUR", recipient: "GB-LAE-BUR",
                awardDate: "2017-04-15")),
            by: ledger, code: .exceedsAllocation, mentioning: ["on 2017-04-15", "ALLOC-2017-18-BUR"])
        // After the allocation's day there is room, and it is used as before.
        try record(
            ledger,
            Entry.award(
                id: "AWD-LATER", amount: "500.00", allocation: "ALLOC-2017-18-BUR", recipient: "GB-LAE-BUR",
                awardDate: "2017-05-01"))
        #expect(try ledger.reconcile().balances)
    }
}
