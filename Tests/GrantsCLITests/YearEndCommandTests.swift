import Foundation
import Testing
import GrantsTestSupport

/// `grants year-end` run as the built binary: what keeps a year open, and closing it.
@Suite struct YearEndCommandTests {
    /// A folder with the base fixtures (a £10,000.00 CSP fund, £5,000.00 of it allocated to South Ribble CSP) and
    /// one £1,000.00 award, AWD-CSP-2017-SRI-04, made through `grants award`: made once per test process.
    private static let small = TemplateFolder("the small ledger") { folder in
        try GrantsBinary.make(["init"], in: folder)
        try Data(Fixtures.base.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("base.yaml"))
        try GrantsBinary.make(["import", "base.yaml"], in: folder)
        try GrantsBinary.make(
            ["award", "CSP-2017-SRI-04", "--bid-file", LifecycleProbe.bid("csp-south-ribble.yaml"), "--amount", "1000.00",
             "--decision", "2017/140", "--date", "2017-11-20"], in: folder)
    }

    private func smallLedger() throws -> TemporaryFolder { try Self.small.copy() }

    private func run(_ arguments: [String], in folder: TemporaryFolder, expecting status: Int32,
                     sourceLocation: SourceLocation = #_sourceLocation) async throws -> GrantsBinary.Result {
        let result = try await GrantsBinary.run(arguments, in: folder.path)
        #expect(result.status == status, "\(arguments.joined(separator: " ")): \(result.stdout)\(result.stderr)",
                sourceLocation: sourceLocation)
        return result
    }

    // MARK: - The samples

    /// The rows of a table in year-end text, from the line whose first column is `title`, keyed by column name.
    private func table(_ title: String, in text: String) -> [[String: String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(title + "  ") }) else { return [] }
        let columns = { (line: String) in line.split(separator: /\s{2,}/).map(String.init) }
        let header = columns(lines[start])
        return lines[(start + 2)...].prefix { !$0.isEmpty }.map { line in
            Dictionary(zip(header, columns(line)).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The number in "N thing(s) keep 2017/18 open."
    private func openCount(_ text: String) -> Int? {
        guard let match = text.firstMatch(of: /\n(\d+) thing\(s\) keep 2017\/18 open\.\n$/) else { return nil }
        return Int(match.1)
    }

    // MARK: - The samples

    @Test func theSamplesListTheOpenAwardsAndExitOne() async throws {
        let folder = try SampleLedger.copy()
        let result = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Year end 2017/18\n\nAward still open "))
        let awards = table("Award still open", in: result.stdout)
        // The Leyland Project (£4,500.00, part paid) is open in the samples.
        let leyland = try #require(awards.first { $0["Award still open"] == "AWD-CSP-2017-18-SRI-01" }, "\(result.stdout)")
        #expect(leyland["Fund"] == "CSP-2017-18")
        #expect(leyland["Recipient"] == "South Ribble Borough Council")
        #expect(leyland["Awarded"] == "£4,500.00")
        #expect(["awarded", "claiming"].contains(leyland["State"] ?? ""))
        let count = try #require(openCount(result.stdout), "\(result.stdout)")
        #expect(count >= awards.count && awards.count > 0)
        // South Ribble's uncommitted £1,250.00 is listed, but does not keep the year open.
        let uncommitted = table("Allocation not committed", in: result.stdout)
        let southRibble = uncommitted.first { $0["Allocation not committed"] == "South Ribble Community Safety Partnership" }
        #expect(southRibble?["Uncommitted"] == "£1,250.00")
        #expect(count == awards.count + table("Claim unpaid", in: result.stdout).count
            + table("Underspend owed", in: result.stdout).count)

        // A new award shows up as awarded, then claiming; closed, it leaves the list.
        let award = try await GrantsBinary.run(
            ["award", "CSP-2017-SRI-04", "--bid-file", LifecycleProbe.bid("csp-south-ribble.yaml"), "--amount", "1000.00",
             "--decision", "2017/140", "--date", "2017-11-20"], in: folder.path)
        #expect(award.status == 0, "\(award.stderr)")
        let awarded = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        let row = table("Award still open", in: awarded.stdout).first { $0["Award still open"] == "AWD-CSP-2017-SRI-04" }
        #expect(row == ["Award still open": "AWD-CSP-2017-SRI-04", "Fund": "CSP-2017-18",
                        "Recipient": "South Ribble Borough Council", "State": "awarded", "Awarded": "£1,000.00",
                        "Paid": "£0.00"])
        #expect(openCount(awarded.stdout) == count + 1)
        _ = try await run(["claim", "AWD-CSP-2017-SRI-04", "--period", "Q3", "--amount", "1000.00", "--date", "2018-01-05"],
                    in: folder, expecting: 0)
        let claimed = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(table("Award still open", in: claimed.stdout)
            .first { $0["Award still open"] == "AWD-CSP-2017-SRI-04" }?["State"] == "claiming")
        #expect(table("Claim unpaid", in: claimed.stdout).contains(
            ["Claim unpaid": "AWD-CSP-2017-SRI-04-C01", "Award": "AWD-CSP-2017-SRI-04", "Made": "2018-01-05",
             "Amount": "£1,000.00"]))
        #expect(openCount(claimed.stdout) == count + 2)
        _ = try await run(["pay", "AWD-CSP-2017-SRI-04-C01", "--date", "2018-01-20"], in: folder, expecting: 0)
        _ = try await run(["close", "AWD-CSP-2017-SRI-04", "--spent", "1000.00", "--date", "2018-04-10"], in: folder, expecting: 0)
        let closed = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(!closed.stdout.contains("AWD-CSP-2017-SRI-04"))
        #expect(openCount(closed.stdout) == count)

        // "2017-18" is the same year.
        #expect(try await run(["year-end", "2017-18"], in: folder, expecting: 1).stdout == closed.stdout)
        // A year with nothing in it can close.
        let empty = try await run(["year-end", "2016/17"], in: folder, expecting: 0)
        #expect(empty.stdout == "Year end 2016/17\n\nNothing is open: 2016/17 can be closed.\n")
    }

    @Test func closingNeedsADate() async throws {
        let folder = try SampleLedger.copy()
        let before = try LifecycleProbe.snapshot(folder)
        let result = try await run(["year-end", "2017/18", "--close"], in: folder, expecting: 64)
        #expect(result.stderr == "error: --close needs --date\n")
        let badDay = try await run(["year-end", "2017/18", "--close", "--date", "2018-02-30"], in: folder, expecting: 64)
        #expect(badDay.stderr == "error: --date: '2018-02-30' is not a day in the calendar\n")
        let badYear = try await run(["year-end", "2017/19"], in: folder, expecting: 64)
        #expect(badYear.stderr.hasPrefix("error: year: '2017/19' is not a financial year"))
        #expect(try await run(["year-end"], in: folder, expecting: 64).stdout.isEmpty)
        #expect(try LifecycleProbe.snapshot(folder) == before)
    }

    @Test func closingWhileThingsAreOpenIsRefused() async throws {
        let folder = try SampleLedger.copy()
        let before = try LifecycleProbe.snapshot(folder)
        let result = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-01"], in: folder, expecting: 65)
        let count = try #require(openCount(result.stdout), "\(result.stdout)")
        let first = try #require(table("Award still open", in: result.stdout).first?["Award still open"])
        #expect(result.stderr == "error: financial_year: 2017/18 cannot close: \(count) thing(s) still open, first award "
            + "\(first) is \(table("Award still open", in: result.stdout).first?["State"] ?? "?"); see grants year-end\n")
        #expect(!result.stdout.contains("Closed 2017/18"))
        #expect(try LifecycleProbe.snapshot(folder) == before)
        #expect(try await run(["year-end", "2017/18"], in: folder, expecting: 1).stdout.hasPrefix("Year end 2017/18\n"))
        // Still open to new awards.
        let award = try await GrantsBinary.run(
            ["award", "CSP-2017-SRI-04", "--bid-file", LifecycleProbe.bid("csp-south-ribble.yaml"), "--amount", "1000.00",
             "--decision", "2017/140", "--date", "2017-11-20"], in: folder.path)
        #expect(award.status == 0, "\(award.stderr)")
    }

    // MARK: - A small ledger, run to its close

    @Test func aYearWithEverythingClosedClosesAndTakesNoNewAwards() async throws {
        let folder = try smallLedger()
        let open = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(open.stdout.contains(
            "AWD-CSP-2017-SRI-04  CSP-2017-18  South Ribble Borough Council  awarded  £1,000.00  £0.00\n"))
        #expect(open.stdout.hasSuffix("\n1 thing(s) keep 2017/18 open.\n"))

        _ = try await run(["claim", "AWD-CSP-2017-SRI-04", "--period", "Q3", "--amount", "1000.00", "--date", "2018-01-05"],
                    in: folder, expecting: 0)
        let claimed = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(claimed.stdout.contains("AWD-CSP-2017-SRI-04-C01  AWD-CSP-2017-SRI-04  2018-01-05  £1,000.00\n"))
        #expect(claimed.stdout.hasSuffix("\n2 thing(s) keep 2017/18 open.\n"))

        _ = try await run(["pay", "AWD-CSP-2017-SRI-04-C01", "--date", "2018-01-20"], in: folder, expecting: 0)
        _ = try await run(["close", "AWD-CSP-2017-SRI-04", "--spent", "1000.00", "--date", "2018-04-10"], in: folder, expecting: 0)
        let ready = try await run(["year-end", "2017/18"], in: folder, expecting: 0)
        #expect(ready.stdout == """
            Year end 2017/18

            Allocation not committed                   Fund         Allocated  Committed  Uncommitted
            -----------------------------------------------------------------------------------------
            South Ribble Community Safety Partnership  CSP-2017-18  £5,000.00  £1,000.00    £4,000.00

            Nothing is open: 2017/18 can be closed.

            """)

        let closed = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-01"], in: folder, expecting: 0)
        #expect(closed.stdout == ready.stdout + "Closed 2017/18 on 2018-05-01: its funds take no new awards.\n")
        #expect(closed.stderr.isEmpty)
        let after = try await run(["year-end", "2017/18"], in: folder, expecting: 0)
        #expect(after.stdout.hasPrefix("Year end 2017/18: closed on 2018-05-01\n"))
        let history = try await run(["history", "--entry", "2017/18"], in: folder, expecting: 0)
        #expect(history.stdout.contains("tester: record year-closure 2017/18\n"))
        #expect(history.stdout.contains("why: year end 2017/18\n"))
        try LifecycleProbe.expectBalances(in: folder)

        // Closing again on another day is not an edit.
        let again = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-02"], in: folder, expecting: 65)
        #expect(again.stderr.contains("year closure 2017/18 is already in the ledger with different contents"))

        // The closed year's fund takes no new award: checked, overridden, or imported.
        let closedYear = "error: fund: the financial year 2017/18 is closed: fund CSP-2017-18 takes no new awards\n"
        try folder.write("late.yaml", """
            format: grants-bid/1
            id: CSP-2017-SRI-06
            scheme: csp-grant
            financial_year: 2017/18
            submitted: 2018-03-01
            applicant: {id: GB-LAE-SRI, name: South Ribble Borough Council, type: local-authority, documents: []}
            title: Late leaflet reprint
            requested: "100.00"
            total_project_cost: "100.00"
            planned_start: 2018-03-20
            planned_end: 2018-03-31
            priorities: [crime-reduction]
            locations: [South Ribble]
            csp: South Ribble
            budget:
              - {category: printing, description: Leaflets, amount: "100.00", vat_reclaimable: false}

            """)
        let check = try await run(["check", "late.yaml"], in: folder, expecting: 0)
        #expect(check.stdout.hasPrefix("CSP-2017-SRI-06: South Ribble Borough Council, £100.00 requested: ELIGIBLE\n"))
        try await LifecycleProbe.expectRefused(
            ["award", "CSP-2017-SRI-06", "--bid-file", "late.yaml", "--amount", "100.00", "--decision", "2017/160",
             "--date", "2018-03-20"], in: folder, stderr: closedYear)
        try await LifecycleProbe.expectRefused(
            ["award", "CSP-2017-SRI-06", "--bid-file", "late.yaml", "--amount", "100.00", "--decision", "2017/160",
             "--date", "2018-03-20", "--override", "Urgent"], in: folder, stderr: closedYear)
        try folder.write("award.yaml", Fixtures.award(id: "AWD-LATE", amount: "100.00"))
        let imported = try await run(["import", "award.yaml"], in: folder, expecting: 65)
        #expect(imported.stderr.contains("the financial year 2017/18 is closed: fund CSP-2017-18 takes no new awards"))
    }

    @Test func underspendOwedKeepsTheYearOpenUntilItIsReturned() async throws {
        let folder = try smallLedger()
        _ = try await run(["claim", "AWD-CSP-2017-SRI-04", "--period", "Q3", "--amount", "1000.00", "--date", "2018-01-05"],
                    in: folder, expecting: 0)
        _ = try await run(["pay", "AWD-CSP-2017-SRI-04-C01", "--date", "2018-01-20"], in: folder, expecting: 0)
        let close = try await run(["close", "AWD-CSP-2017-SRI-04", "--spent", "900.00", "--date", "2018-04-10"],
                            in: folder, expecting: 0)
        #expect(close.stdout.hasSuffix(
            "AWD-CSP-2017-SRI-04: awarded £1,000.00, paid £1,000.00, released £0.00, owed back £100.00, returned £0.00\n"))

        let owed = try await run(["year-end", "2017/18"], in: folder, expecting: 1)
        #expect(owed.stdout.contains("AWD-CSP-2017-SRI-04  South Ribble Borough Council  £100.00     £0.00\n"))
        #expect(owed.stdout.hasSuffix("\n1 thing(s) keep 2017/18 open.\n"))
        let refused = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-01"], in: folder, expecting: 65)
        #expect(refused.stderr == "error: financial_year: 2017/18 cannot close: 1 thing(s) still open, first award "
            + "AWD-CSP-2017-SRI-04 owes £100.00 back; see grants year-end\n")

        try folder.write("return.yaml", """
            format: grants-ledger/1
            underspend_returns:
              - {id: RET-SRI-04, award: AWD-CSP-2017-SRI-04, amount: "100.00", date: 2018-04-20, reason: Unspent leaflet money}

            """)
        _ = try await run(["import", "return.yaml"], in: folder, expecting: 0)
        _ = try await run(["year-end", "2017/18"], in: folder, expecting: 0)
        let closed = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-01"], in: folder, expecting: 0)
        #expect(closed.stdout.hasSuffix("Closed 2017/18 on 2018-05-01: its funds take no new awards.\n"))
        try LifecycleProbe.expectBalances(in: folder)
    }

    /// BUG: `grants withdraw` accepts an award with an unpaid claim on it. The claim can then never be paid (the
    /// award is withdrawn) yet `grants year-end` still lists it as unpaid, so the year can never close. Either the
    /// withdrawal should be refused while a claim is unpaid, or a withdrawn award's claims should not keep the year
    /// open.
    @Test func aWithdrawnAwardsClaimDoesNotKeepTheYearOpenForever() async throws {
        let folder = try smallLedger()
        _ = try await run(["claim", "AWD-CSP-2017-SRI-04", "--period", "Q3", "--amount", "400.00", "--date", "2018-01-05"],
                    in: folder, expecting: 0)
        let withdraw = try await GrantsBinary.run(
            ["withdraw", "AWD-CSP-2017-SRI-04", "--date", "2018-01-10", "--reason", "Project cancelled"], in: folder.path)
        guard withdraw.status == 0 else {
            // Refusing the withdrawal while a claim is unpaid is one way to keep the year closable.
            #expect(withdraw.status == 65)
            #expect(withdraw.stderr.contains("AWD-CSP-2017-SRI-04-C01"))
            return
        }
        // The claim cannot be paid now…
        let pay = try await run(["pay", "AWD-CSP-2017-SRI-04-C01", "--date", "2018-01-20"], in: folder, expecting: 65)
        #expect(pay.stderr.contains("was withdrawn on 2018-01-10 (Project cancelled) and cannot be paid"))
        // …so it must not stop the year closing: nothing else is open.
        let report = try await run(["year-end", "2017/18"], in: folder, expecting: 0)
        #expect(!report.stdout.contains("Claim unpaid"), "\(report.stdout)")
        _ = try await run(["year-end", "2017/18", "--close", "--date", "2018-05-01"], in: folder, expecting: 0)
    }
}
