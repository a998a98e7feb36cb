import Foundation
import Testing
import GrantsTestSupport

/// `grants check` and `grants rulebook` run as the built binary: output, goldens and exit codes.
@Suite struct CheckCommandTests {
    private func bid(_ name: String) -> String {
        URL(fileURLWithPath: GrantsBinary.bids).appendingPathComponent(name).path
    }

    @Test func anEligibleBidExitsZero() async throws {
        let folder = try SampleLedger.copy()
        let result = try await GrantsBinary.run(["check", bid("csp-south-ribble.yaml")], in: folder.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasPrefix(
            "CSP-2017-SRI-04: South Ribble Borough Council, £1,000.00 requested: ELIGIBLE\n"
                + "  csp-grant 2017/18, rules of shipped csp-grant/2017-18.yaml, values as of 2017-11-06\n"))
        #expect(result.stdout.contains(
            "✓ CSP-ALLOCATION Requested £1,000.00 fits in the £1,250.00 left of the allocation (£10,000.00 allocated to "
                + "South Ribble Community Safety Partnership, £8,750.00 committed)"))
    }

    @Test func anIneligibleBidExitsOneAndSaysWhy() async throws {
        let folder = try TemporaryFolder()
        let result = try await GrantsBinary.run(["check", bid("caf-over-cap.yaml")], in: folder.path)
        #expect(result.status == 1)
        #expect(result.stdout.contains("✗ CAF-AMOUNT Requested £2,600.00 exceeds the £2,500.00 cap\n"
            + "      max_request = £2,500.00 from 2017-04-01: PCC annual report: Community Action Fund grants of up to "
            + "£2,500 are available\n"))
        // With no ledger the ledger rules are unknown, and say so.
        #expect(result.stdout.contains("? CAF-NOT-FUNDED-ELSEWHERE Cannot check other PCC funding: no ledger"))
    }

    @Test func manyBidsGiveASummaryFirstAndAJSONReportThatMatchesItsGolden() async throws {
        let folder = try SampleLedger.copy()
        let text = try await GrantsBinary.run(["check", GrantsBinary.bids], in: folder.path)
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("Bid              Applicant"))
        #expect(text.stdout.contains("8 bids: 3 eligible, 5 ineligible, 0 incomplete\n"))
        let json = try await GrantsBinary.run(["check", GrantsBinary.bids, "--format", "json"], in: folder.path)
        #expect(json.status == 1)
        try goldenFiles.check(json.stdout, against: "check-samples.json")
    }

    @Test func asOfPicksTheParameterValues() async throws {
        let folder = try TemporaryFolder()
        let text = """
            format: grants-bid/1
            id: CAF-2018-001
            scheme: community-action-fund
            financial_year: 2018/19
            submitted: 2018-06-01
            applicant: {id: 360G-Test-ORG-1, name: Test group (example), type: community-group, constituted: true,
                        unrestricted_reserves: "100.00", documents: [constitution, latest-accounts]}
            title: Test
            requested: "2800.00"
            total_project_cost: "2800.00"
            planned_start: 2018-11-01
            planned_end: 2019-03-31
            priorities: [reoffending]
            locations: [Preston]
            budget: [{category: venue-hire, description: Hall, amount: "2800.00", vat_reclaimable: false}]

            """
        try folder.write("bid.yaml", text)
        let june = try await GrantsBinary.run(["check", "bid.yaml"], in: folder.path)
        #expect(june.stdout.contains("✗ CAF-AMOUNT Requested £2,800.00 exceeds the £2,500.00 cap"))
        let october = try await GrantsBinary.run(["check", "bid.yaml", "--as-of", "2018-10-01"], in: folder.path)
        #expect(october.stdout.contains("✓ CAF-AMOUNT Requested £2,800.00 is within the £3,000.00 cap"))
        #expect(october.stdout.contains("max_request = £3,000.00 from 2018-10-01"))
    }

    @Test func whatIfListsTheBidsWhoseOutcomeChanges() async throws {
        let folder = try SampleLedger.copy()
        let result = try await GrantsBinary.run(
            ["check", bid("caf-over-cap.yaml"), bid("caf-friday-boxing.yaml"), "--set", "max_request=3000.00"],
            in: folder.path)
        #expect(result.stdout == """
            What if max_request=3000.00:
            Bid           Applicant                                 Requested  Now         With the change
            ----------------------------------------------------------------------------------------------
            CAF-2017-015  Penwortham Youth Football Club (example)  £2,600.00  ineligible  eligible
            1 of 2 bids change outcome.

            """)
        #expect(result.status == 0)
        let unknown = try await GrantsBinary.run(["check", bid("caf-over-cap.yaml"), "--set", "max_cap=1"], in: folder.path)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("max_cap: is not a parameter of Community Action Fund 2017/18"))
    }

    @Test func badBidsExit65NamingTheLineAndKey() async throws {
        let folder = try TemporaryFolder()
        let good = try String(contentsOfFile: bid("caf-friday-boxing.yaml"), encoding: .utf8)
        try folder.write("bad.yaml", good.replacingOccurrences(of: "type: community-group", with: "type: charity"))
        let result = try await GrantsBinary.run(["check", "bad.yaml"], in: folder.path)
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("error: bad.yaml:9: applicant.type: 'charity' is not one of community-group"))
        #expect(result.stdout.isEmpty)
        let missing = try await GrantsBinary.run(["check", "nowhere.yaml"], in: folder.path)
        #expect(missing.status == 74)
        let usage = try await GrantsBinary.run(["check", "bad.yaml", "--as-of", "2017-13-01"], in: folder.path)
        #expect(usage.status == 64)
        let noDB = try await GrantsBinary.run(["check", bid("caf-over-cap.yaml"), "--db", "none.sqlite"], in: folder.path)
        #expect(noDB.status == 74)
    }

    @Test func rulebookLintAndTest() async throws {
        let folder = try TemporaryFolder()
        let lint = try await GrantsBinary.run(["rulebook", "lint"], in: folder.path)
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("shipped community-action-fund/2017-18.yaml: Community Action Fund 2017/18: 14 rules"))
        let tests = try await GrantsBinary.run(["rulebook", "test"], in: folder.path)
        #expect(tests.status == 0, "\(tests.stdout)")
        #expect(tests.stdout.hasSuffix(" 0 failed\n"))

        try folder.write("broken.yaml", """
            format: grants-rulebook/1
            scheme: community-action-fund
            financial_year: 2017/18
            title: Broken
            parameters:
              cap:
                type: money
                description: A cap
                values:
                  - {from: 2018-04-01, value: "2500.00", reference: "somewhere"}
            rules:
              - id: R1
                check: amount-at-most
                severity: blocking
                parameters: {field: requested, limit: cap, extra: x}
                message: {fail: "{nope}"}

            """)
        let broken = try await GrantsBinary.run(["rulebook", "lint", "broken.yaml"], in: folder.path)
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("broken.yaml:10: error: parameters.cap.values[0]: applies from 2018-04-01, outside 2017/18"))
        #expect(broken.stdout.contains("broken.yaml:15: error: rules[0].parameters.extra: amount-at-most takes no parameter extra"))
        let refused = try await GrantsBinary.run(["check", bid("caf-over-cap.yaml"), "--rulebook", "broken.yaml"], in: folder.path)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("the rulebook has 3 error(s)"))
    }
}
