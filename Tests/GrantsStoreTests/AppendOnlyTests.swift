import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// The ledger file defends itself: any writer reaching the SQL directly can neither edit nor delete an entry, nor
/// insert one that breaks a money invariant.
@Suite struct AppendOnlyTests {
    /// A file ledger with a row in every table, and a plain GRDB connection to the same file.
    struct FileLedger {
        let folder: TemporaryFolder
        let ledger: GrantsStore.Ledger
        let sql: DatabaseQueue

        init() throws {
            folder = try TemporaryFolder()
            let path = folder.file("ledger.sqlite")
            ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try record(
                ledger,
                Entry.bid(id: "BID-1"),
                Fixtures.award(id: "AW-1", amount: "3000.00"),
                Entry.award(
                    id: "CAF-AW-1", amount: "400.00", fund: "CAF-2017-18", allocation: nil,
                    recipient: "360G-Test-ORG-0001", bid: "BID-1"),
                Fixtures.payment(id: "P-1", award: "AW-1", amount: "2000.00"),
                Entry.underspend(id: "R-1", award: "AW-1", amount: "500.00"),
                Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00")]),
                Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"))
            sql = try DatabaseQueue(path: path)
        }

        /// Runs `statement`; the error SQLite refused it with, or nil if it was accepted.
        func attempt(_ statement: String) -> DatabaseError? {
            do {
                try sql.write { db in try db.execute(sql: statement) }
                return nil
            } catch let error as DatabaseError {
                return error
            } catch {
                Issue.record(error)
                return nil
            }
        }

        func rows(_ table: String) throws -> [Row] {
            try sql.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") }
        }

        /// Runs `statement`, which must be refused by SQLite with a message containing `reason`, changing nothing.
        func expectRefused(
            _ statement: String, touching table: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation
        ) throws {
            let before = try rows(table)
            let snapshot = try LedgerSnapshot(ledger)
            let error = try #require(throws: DatabaseError.self, sourceLocation: sourceLocation) {
                try sql.write { db in try db.execute(sql: statement) }
            }
            #expect(error.message?.contains(reason) == true, "\(error)", sourceLocation: sourceLocation)
            #expect(try rows(table) == before, "the table must be as it was", sourceLocation: sourceLocation)
            #expect(try LedgerSnapshot(ledger) == snapshot, sourceLocation: sourceLocation)
        }
    }

    /// Each table holding entries, with an edit to one of its columns.
    static let edits: [(table: String, assignment: String)] = [
        ("organisations", "name = name || ' (edited)'"),
        ("csp_members", "position = position + 1"),
        ("funds", "amount = amount * 2"),
        ("allocations", "amount = amount + 1"),
        ("bids", "title = 'edited'"),
        ("awards", "amount = amount - 1"),
        ("payments", "amount = 1"),
        ("underspend_returns", "amount = 1"),
        ("contributions", "service = 'edited'"),
        ("contribution_years", "amount = 1"),
        ("contribution_withdrawals", "effective = '2030-04-01'"),
        ("history", "actor = 'mallory'"),
    ]

    @Test(arguments: edits)
    func updateIsRefused(table: String, assignment: String) throws {
        let file = try FileLedger()
        #expect(try !file.rows(table).isEmpty, "the fixture should put a row in \(table)")
        try file.expectRefused("UPDATE \(table) SET \(assignment)", touching: table, reason: "never edited")
    }

    @Test(arguments: edits.map(\.table))
    func deleteIsRefused(table: String) throws {
        let file = try FileLedger()
        try file.expectRefused("DELETE FROM \(table)", touching: table, reason: "never deleted")
        try file.expectRefused(
            "DELETE FROM \(table) WHERE rowid = (SELECT MAX(rowid) FROM \(table))", touching: table,
            reason: "never deleted")
    }

    @Test func upsertIsRefused() throws {
        let file = try FileLedger()
        try file.expectRefused(
            """
            INSERT INTO funds (id, name, scheme, year_start, amount, funder_id)
            VALUES ('CAF-2017-18', 'x', 'community-action-fund', 2017, 100, '360G-Test-OPCC')
            ON CONFLICT (id) DO UPDATE SET amount = excluded.amount
            """, touching: "funds", reason: "never replaced")
    }

    /// `INSERT OR REPLACE` deletes the stored row to make room; SQLite fires no DELETE trigger for that unless
    /// recursive triggers are on, so the append-only triggers must catch it some other way.
    @Test(arguments: [
        ("organisations", "SELECT name FROM organisations WHERE id = '360G-Test-POLICE'",
         """
         INSERT OR REPLACE INTO organisations (id, name, kind, example)
         VALUES ('360G-Test-POLICE', 'Renamed by hand', 'police', 0)
         """),
        ("history", "SELECT actor FROM history WHERE entry_id = 'AW-1'",
         """
         INSERT OR REPLACE INTO history (seq, at, actor, action, kind, entry_id, reason, source, detail)
         SELECT seq, at, 'mallory', action, kind, entry_id, reason, source, detail FROM history WHERE entry_id = 'AW-1'
         """),
    ])
    func replaceIsRefused(table: String, probe: String, statement: String) throws {
        let file = try FileLedger()
        let before = try file.rows(table)
        let stored = try file.sql.read { db in try String.fetchOne(db, sql: probe) }
        let error = file.attempt(statement)
        #expect(error != nil, "INSERT OR REPLACE on \(table) was accepted: an entry was edited in place")
        let now = try file.sql.read { db in try String.fetchOne(db, sql: probe) }
        #expect(now == stored, "\(probe) gave \(stored ?? "nil") before, \(now ?? "nil") after")
        #expect(try file.rows(table) == before)
    }

    /// Replacing an award by hand with a smaller one would leave £2,000.00 paid on a £0.01 award.
    @Test func replacingAnAwardCannotLeaveItOverpaid() throws {
        let file = try FileLedger()
        let error = file.attempt(
            """
            INSERT OR REPLACE INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision,
                                           award_date, planned_start, planned_end, priorities)
            VALUES ('AW-1', NULL, 'CSP-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', 'shrunk', 1, '2017/81',
                    '2017-07-03', '2017-07-10', '2018-03-31', 'anti-social-behaviour')
            """)
        #expect(error != nil, "INSERT OR REPLACE on awards was accepted")
        let line = try #require(try file.ledger.status().csps.first)
        #expect(line.committed == (try money("3000.00")))
        #expect(line.paid <= line.committed, "\(line.paid) is paid on \(line.committed) committed")
    }

    // MARK: - The money invariants in SQL alone

    static let award = """
        INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision, award_date,
                            planned_start, planned_end, priorities)
        """

    /// (name, table, statement, trigger message). The fixture holds £3,000.00 awarded of the £5,000.00 allocation,
    /// £2,000.00 paid and £500.00 returned on it, £5,000.00 of the £10,000.00 CSP fund allocated and £400.00 of the
    /// £1,000.00 Community Action Fund awarded.
    static let overLimits: [(String, String, String, String)] = [
        ("an award over its allocation", "awards",
         award + """
          VALUES ('RAW-1', NULL, 'CSP-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', 'raw', 200001, '2017/81', '2017-07-03',
                  '2017-07-10', '2018-03-31', 'anti-social-behaviour')
         """, "allocation_commits_no_more_than_it_holds"),
        ("an award drawing on an allocation of another fund", "awards",
         award + """
          VALUES ('RAW-1', NULL, 'CAF-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', 'raw', 1, '2017/81', '2017-07-03',
                  '2017-07-10', '2018-03-31', 'anti-social-behaviour')
         """, "award exceeds its allocation"),
        ("a direct award over its fund", "awards",
         award + """
          VALUES ('RAW-1', NULL, 'CAF-2017-18', NULL, '360G-Test-ORG-0001', 'raw', 60001, '2017/81', '2017-07-03',
                  '2017-07-10', '2018-03-31', 'anti-social-behaviour')
         """, "fund_draws_no_more_than_its_budget"),
        ("an allocation over its fund", "allocations",
         """
         INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date)
         VALUES ('RAW-A', 'CSP-2017-18', '360G-Test-CSP-SR', 500001, '2017/99', '2017-05-01')
         """, "fund_draws_no_more_than_its_budget"),
        ("a cut taking away money the allocation's awards commit", "allocation_changes",
         """
         INSERT INTO allocation_changes (id, allocation_id, delta, decision, date, reason)
         VALUES ('RAW-C', 'ALLOC-SR', -200001, '2017/99', '2017-08-01', 'raw')
         """, "allocation_commits_no_more_than_it_holds"),
        ("a payment over its award", "payments",
         "INSERT INTO payments (id, award_id, amount, date) VALUES ('RAW-P', 'AW-1', 100001, '2017-11-01')",
         "award_pays_no_more_than_it_grants"),
        ("underspend returned over what was paid", "underspend_returns",
         "INSERT INTO underspend_returns (id, award_id, amount, date) VALUES ('RAW-R', 'AW-1', 150001, '2018-04-20')",
         "award_returns_no_more_than_was_paid"),
    ]

    @Test(arguments: overLimits)
    func rawInsertOverALimitIsRefusedBySQLite(_ name: String, table: String, statement: String, reason: String) throws {
        let file = try FileLedger()
        try file.expectRefused(statement, touching: table, reason: reason)
    }

    /// The same inserts a penny lower are allowed by the triggers: they refuse only what breaks a limit.
    @Test(arguments: [
        ("awards", award + """
          VALUES ('RAW-1', NULL, 'CSP-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', 'raw', 200000, '2017/81', '2017-07-03',
                  '2017-07-10', '2018-03-31', 'anti-social-behaviour')
         """),
        ("awards", award + """
          VALUES ('RAW-1', NULL, 'CAF-2017-18', NULL, '360G-Test-ORG-0001', 'raw', 60000, '2017/81', '2017-07-03',
                  '2017-07-10', '2018-03-31', 'anti-social-behaviour')
         """),
        ("allocations", """
         INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date)
         VALUES ('RAW-A', 'CSP-2017-18', '360G-Test-CSP-SR', 500000, '2017/99', '2017-05-01')
         """),
        ("payments", "INSERT INTO payments (id, award_id, amount, date) VALUES ('RAW-P', 'AW-1', 100000, '2017-11-01')"),
        ("underspend_returns",
         "INSERT INTO underspend_returns (id, award_id, amount, date) VALUES ('RAW-R', 'AW-1', 150000, '2018-04-20')"),
    ])
    func rawInsertAtALimitIsAllowed(table: String, statement: String) throws {
        let file = try FileLedger()
        let before = try file.rows(table).count
        try file.sql.write { db in try db.execute(sql: statement) }
        #expect(try file.rows(table).count == before + 1)
    }

    @Test func theLedgersOwnCheckRefusesBeforeTheTrigger() throws {
        // Sanity: the ledger's own checks refuse first, with a data error rather than the trigger's message.
        let file = try FileLedger()
        let error = try expectRefused(
            try batch(Fixtures.award(id: "AW-2", amount: "2000.01")), by: file.ledger, code: .exceedsAllocation)
        #expect(!error.message.contains("award exceeds its allocation"))
    }
}
