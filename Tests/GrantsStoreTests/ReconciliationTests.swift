import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// `reconcile()` recomputes every fund, allocation, award and contribution year from the entries and says whether
/// each balances, naming the figures in its equation and the entries behind them.
@Suite struct ReconciliationTests {
    @Test func theFixturesBalance() throws {
        let reconciliation = try Fixtures.ledger().reconcile()
        #expect(reconciliation.balances)
        #expect(reconciliation.firstFailure == nil)
        #expect(reconciliation.checks.map(\.subject) == [
            "fund CAF-2017-18", "fund CSP-2017-18", "allocation ALLOC-SR", "running balances of allocations",
            "running balances of funds", "running balances of awards",
        ])
        #expect(reconciliation.checks.map(\.equation) == [
            "pot £1,000.00 = allocated £0.00 + committed directly £0.00 + unallocated £1,000.00",
            "pot £10,000.00 = allocated £5,000.00 + committed directly £0.00 + unallocated £5,000.00",
            "allocation £5,000.00 = committed £0.00 + uncommitted £5,000.00",
            "the 1 row kept as entries were recorded = the same worked out again from the entries",
            "the 1 row kept as entries were recorded = the same worked out again from the entries",
            "the 0 rows kept as entries were recorded = the same worked out again from the entries",
        ])
        #expect(reconciliation.checks.map(\.entries) == [[], ["ALLOC-SR"], [], [], [], []])
    }

    @Test func everyEquationNamesItsFigures() throws {
        let ledger = try Fixtures.ledger()
        try apply(
            ledger,
            .award("AW-1", amount: "3000.00"),
            .award("CAF-AW-1", amount: "400.00", allocation: nil, fund: "CAF-2017-18", recipient: "360G-Test-ORG-0001"),
            .claim("CL-1", award: "AW-1", amount: "1200.00"),
            .payment("P-1", award: "AW-1", claim: "CL-1", amount: "1200.00"),
            .closure("CLOSE-1", award: "AW-1", spent: "1100.00"),
            .underspend("R-1", award: "AW-1", amount: "60.00"),
            .payment("P-2", award: "CAF-AW-1", amount: "150.00"),
            .contribution("C-1", years: ["2017/18": "8000.00"]),
            .receipt("RC-1", contribution: "C-1", year: "2017/18", amount: "2500.00"))
        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances, "\(String(describing: reconciliation.firstFailure))")
        let expected: [(String, String, [String])] = [
            ("fund CAF-2017-18",
             "pot £1,000.00 = allocated £0.00 + committed directly £400.00 + unallocated £600.00", []),
            ("fund CSP-2017-18",
             "pot £10,000.00 = allocated £5,000.00 + committed directly £0.00 + unallocated £5,000.00", ["ALLOC-SR"]),
            ("allocation ALLOC-SR", "allocation £5,000.00 = committed £1,200.00 + uncommitted £3,800.00", ["AW-1"]),
            ("award AW-1", "award £3,000.00 = paid £1,200.00 + outstanding £0.00 + released £1,800.00",
             ["CL-1", "P-1", "CLOSE-1", "R-1"]),
            ("award AW-1 at its close",
             "paid £1,200.00 = spent £1,100.00 + owed back £100.00, of which £60.00 returned",
             ["CL-1", "P-1", "CLOSE-1", "R-1"]),
            ("award CAF-AW-1", "award £400.00 = paid £150.00 + outstanding £250.00 + released £0.00", ["P-2"]),
            ("award CAF-AW-1 returns", "returned £0.00 ≤ paid £150.00", ["P-2"]),
            ("contribution C-1 2017/18", "due £8,000.00 = received £2,500.00 + outstanding £5,500.00", ["RC-1"]),
            // ALLOC-SR on the days of its allocation, AW-1 and CLOSE-1; CAF-2017-18 on CAF-AW-1's day and
            // CSP-2017-18 on ALLOC-SR's; both awards.
            ("running balances of allocations",
             "the 3 rows kept as entries were recorded = the same worked out again from the entries", []),
            ("running balances of funds",
             "the 2 rows kept as entries were recorded = the same worked out again from the entries", []),
            ("running balances of awards",
             "the 2 rows kept as entries were recorded = the same worked out again from the entries", []),
        ]
        #expect(reconciliation.checks.map(\.subject) == expected.map(\.0))
        for (subject, equation, entries) in expected {
            let check = try ledger.check(subject)
            #expect(check.equation == equation, "\(subject)")
            #expect(Set(check.entries) == Set(entries), "\(subject)")
            #expect(check.balances, "\(subject)")
        }
    }

    @Test func theLancashireSamplesBalance() throws {
        let ledger = try TestStore.emptyLedger()
        let batch = try LedgerFile.read(paths: [PackageFiles.samples])
        #expect(batch.awards.count > 10, "the samples should hold the year's awards")
        try ledger.record(batch, as: Fixtures.change("samples"))
        let reconciliation = try ledger.reconcile()
        #expect(reconciliation.balances, "\(String(describing: reconciliation.firstFailure))")
        let subjects = Set(reconciliation.checks.map(\.subject))
        #expect(subjects.isSuperset(of: ["fund CSP-2017-18", "fund CAF-2017-18", "allocation ALLOC-2017-18-SRI"]))
        // One check per fund and allocation, at least two per award, one per contribution year.
        let counts = try ledger.counts()
        #expect(reconciliation.checks.count >= (counts[.fund] ?? 0) + (counts[.allocation] ?? 0) + 2 * (counts[.award] ?? 0))
        let pot = try ledger.check("fund CSP-2017-18")
        #expect(pot.equation.hasPrefix("pot £325,000.00 = allocated "), "\(pot.equation)")
        #expect(pot.entries.contains("ALLOC-2017-18-SRI"))
        let sri = try ledger.check("allocation ALLOC-2017-18-SRI")
        #expect(sri.equation.hasPrefix("allocation £10,000.00 = committed "), "\(sri.equation)")
        #expect(Set(sri.entries).isSuperset(of: ["AWD-CSP-2017-18-SRI-01", "AWD-CSP-2017-18-SRI-02"]))
        // Every check's figures add up as its equation says: the first figure is the sum of the rest.
        var summed = 0
        for check in reconciliation.checks where check.equation.contains(" = ") && !check.equation.contains("≤") {
            let figures = Self.figures(in: check.equation.components(separatedBy: ", of which").first ?? "")
            guard let total = figures.first else { continue }
            #expect(figures.dropFirst().reduce(0, +) == total, "\(check.subject): \(check.equation)")
            summed += 1
        }
        // Not vacuous: at least every fund's and every allocation's equation was read and added up.
        #expect(summed >= (counts[.fund] ?? 0) + (counts[.allocation] ?? 0), "only \(summed) equations added up")
    }

    /// The pence of every £ figure in `text`, in order.
    static func figures(in text: String) -> [Int64] {
        text.split(separator: "£").dropFirst().compactMap { part in
            let number = part.prefix { $0.isNumber || $0 == "," || $0 == "." || $0 == "-" }
            return (try? Money(parsing: number.replacingOccurrences(of: ",", with: "")))?.pence
        }
    }

    // MARK: - Damage behind the ledger's back

    /// A file ledger holding the fixtures, AW-1 (£3,000.00) with £2,000.00 paid as P-1, and a plain SQLite
    /// connection to the same file.
    struct Damaged {
        let folder: TemporaryFolder
        let ledger: GrantsStore.Ledger
        let sql: DatabaseQueue

        init() throws {
            folder = try TemporaryFolder()
            let path = folder.file("ledger.sqlite")
            ledger = try GrantsStore.Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try apply(
                ledger, .award("AW-1", amount: "3000.00"), .payment("P-1", award: "AW-1", amount: "2000.00"),
                .award("AW-2", amount: "1000.00"))
            sql = try DatabaseQueue(path: path)
        }

        func execute(_ statements: String) throws {
            try sql.write { db in try db.execute(sql: statements) }
        }
    }

    @Test func rowsCannotBeEditedSoTheDamageMustBeAnInsert() throws {
        let damaged = try Damaged()
        #expect(throws: DatabaseError.self) {
            try damaged.execute("UPDATE payments SET amount = 400000 WHERE id = 'P-1'")
        }
        #expect(throws: DatabaseError.self) {
            try damaged.execute(
                "INSERT INTO payments (id, award_id, amount, date) VALUES ('P-X', 'AW-1', 100001, '2017-11-01')")
        }
        #expect(try damaged.ledger.reconcile().balances)
    }

    @Test func aPaymentOverItsAwardIsNamedWithItsEntries() throws {
        let damaged = try Damaged()
        #expect(try damaged.ledger.reconcile().balances)
        try damaged.execute("""
            DROP TRIGGER payments_balance;
            INSERT INTO payments (id, award_id, amount, date) VALUES ('P-X', 'AW-1', 100001, '2017-11-01');
            """)
        let reconciliation = try damaged.ledger.reconcile()
        #expect(!reconciliation.balances)
        let failure = try #require(reconciliation.firstFailure)
        #expect(failure.subject == "award AW-1")
        #expect(failure.balances == false)
        #expect(failure.equation == "award £3,000.00 = paid £3,000.01 + outstanding -£0.01 + released £0.00")
        #expect(Set(failure.entries) == ["P-1", "P-X"])
        // Only the damaged award fails, and the running balance of awards the ledger kept, which no longer matches
        // the payments; the rest still balance.
        #expect(reconciliation.checks.filter { !$0.balances }.map(\.subject)
            == ["award AW-1", "running balances of awards"])
        #expect(try damaged.ledger.check("running balances of awards").entries == ["AW-1"])
        #expect(try damaged.ledger.check("award AW-2").balances)
        #expect(try damaged.ledger.check("allocation ALLOC-SR").balances)
    }

    @Test func anAwardOverItsAllocationIsNamedBeforeAnyAward() throws {
        let damaged = try Damaged()
        try damaged.execute("""
            DROP TRIGGER awards_balance;
            DROP TRIGGER payments_balance;
            INSERT INTO awards (id, fund_id, allocation_id, recipient_id, title, amount, decision, award_date,
                                planned_start, planned_end, priorities)
            VALUES ('AW-X', 'CSP-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', 'By hand', 100001, '2017/99', '2017-07-03',
                    '2017-07-10', '2018-03-31', '');
            INSERT INTO payments (id, award_id, amount, date) VALUES ('P-X', 'AW-1', 100001, '2017-11-01');
            """)
        let reconciliation = try damaged.ledger.reconcile()
        let failure = try #require(reconciliation.firstFailure)
        #expect(failure.subject == "allocation ALLOC-SR")
        #expect(failure.equation == "allocation £5,000.00 = committed £5,000.01 + uncommitted -£0.01")
        #expect(Set(failure.entries) == ["AW-1", "AW-2", "AW-X"])
        #expect(reconciliation.checks.filter { !$0.balances }.map(\.subject) == [
            "allocation ALLOC-SR", "award AW-1", "running balances of allocations", "running balances of awards",
        ])
    }

    @Test func anAllocationOverItsFundIsNamedFirst() throws {
        let damaged = try Damaged()
        try damaged.execute("""
            DROP TRIGGER allocations_balance;
            INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date)
            VALUES ('ALLOC-X', 'CSP-2017-18', '360G-Test-CSP-SR', 500001, '2017/99', '2017-04-21');
            """)
        let failure = try #require(try damaged.ledger.reconcile().firstFailure)
        #expect(failure.subject == "fund CSP-2017-18")
        #expect(failure.equation
            == "pot £10,000.00 = allocated £10,000.01 + committed directly £0.00 + unallocated -£0.01")
        #expect(Set(failure.entries) == ["ALLOC-SR", "ALLOC-X"])
    }

    @Test func aClaimOverItsAwardIsNamed() throws {
        let damaged = try Damaged()
        try damaged.execute("""
            DROP TRIGGER claims_balance;
            INSERT INTO claims (id, award_id, period_start, period_end, amount, date)
            VALUES ('CL-X', 'AW-2', '2017-07-10', '2017-09-30', 100001, '2017-10-02');
            """)
        let failure = try #require(try damaged.ledger.reconcile().firstFailure)
        #expect(failure.subject == "award AW-2")
        #expect(failure.entries == ["CL-X"])
    }

    @Test func aReceiptOverItsInstalmentIsNamed() throws {
        let damaged = try Damaged()
        try apply(damaged.ledger, .contribution("C-1", years: ["2017/18": "8000.00"]))
        try damaged.execute("""
            DROP TRIGGER receipts_within_instalment;
            INSERT INTO contribution_receipts (id, contribution_id, year_start, amount, date)
            VALUES ('RC-X', 'C-1', 2017, 800001, '2017-06-30');
            """)
        let failure = try #require(try damaged.ledger.reconcile().firstFailure)
        #expect(failure.subject == "contribution C-1 2017/18")
        #expect(failure.equation == "due £8,000.00 = received £8,000.01 + outstanding -£0.01")
        #expect(failure.entries == ["RC-X"])
    }
}
