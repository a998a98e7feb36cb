import Foundation
import Testing
import GrantsTestSupport

/// `grants allocate` run as the built binary on the sample ledger, whose £325,000.00 CSP fund for 2018/19 is not
/// yet allocated, and the sample formulas.
@Suite struct AllocateCommandTests {
    private var formulas: URL { PackageFiles.formulas }

    @Test func aDryRunPrintsTheTableAndWritesNothing() async throws {
        let folder = try SampleLedger.copy()
        let formula = formulas.appendingPathComponent("csp-2018-19-weighted.yaml").path
        let result = try await GrantsBinary.run(
            ["allocate", "--fund", "CSP-2018-19", "--formula", formula, "--decision", "2018/07", "--date", "2018-04-16",
             "--dry-run"], in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        try goldenFiles.check(result.stdout.replacingOccurrences(of: formula, with: "csp-2018-19-weighted.yaml"),
                         against: "allocate-weighted.txt")
        #expect(result.stdout.hasSuffix("Dry run: nothing was recorded.\n"))
        let status = try await GrantsBinary.run(["status", "--fund", "CSP-2018-19", "--format", "csv"], in: folder.path)
        #expect(status.stdout.contains(",325000.00,0.00,0.00,0.00,0.00,325000.00,0.00,325000.00,100.00\r\n"))
    }

    @Test func recordingAllocatesEveryPennyOfTheSharedPart() async throws {
        let folder = try SampleLedger.copy()
        let formula = formulas.appendingPathComponent("csp-2018-19-weighted.yaml").path
        let result = try await GrantsBinary.run(
            ["allocate", "--fund", "CSP-2018-19", "--formula", formula, "--decision", "2018/07", "--date", "2018-04-16"],
            in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("Recorded 14 entries: 14 allocations.\n"))
        let status = try await GrantsBinary.run(["status", "--fund", "CSP-2018-19", "--format", "csv"], in: folder.path)
        // 10% retained: £292,500.00 allocated, exactly.
        #expect(status.stdout.contains(
            "fund,CSP-2018-19,Community Safety Partnership grant 2018/19,csp-grant,2018/19,,,325000.00,292500.00,"))
        let history = try await GrantsBinary.run(["history", "--entry", "CSP-2018-19-2018-07-01"], in: folder.path)
        #expect(history.stdout.contains("why: allocation of CSP-2018-19 by"))
        // The same decision again would over-allocate: refused, naming the part that fails.
        let again = try await GrantsBinary.run(
            ["allocate", "--fund", "CSP-2018-19", "--formula", formula, "--decision", "2018/08", "--date", "2018-04-17"],
            in: folder.path)
        #expect(again.status == 65)
        #expect(again.stderr.contains("the formula cannot be met: weighted.floor: 14 floors of £5,000.00 are more than"))
    }

    @Test func aFlatFormulaKeepsTheRestCentrally() async throws {
        let folder = try SampleLedger.copy()
        let formula = formulas.appendingPathComponent("csp-flat-10000.yaml").path
        let result = try await GrantsBinary.run(
            ["allocate", "--fund", "CSP-2018-19", "--formula", formula, "--decision", "2018/09", "--date", "2018-04-16",
             "--dry-run"], in: folder.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Not allocated (kept by the OPCC)                     £205,000.00    63.08%"))
    }

    @Test func aFormulaForAFundOfAnotherSchemeIsRefused() async throws {
        let folder = try SampleLedger.copy()
        let formula = formulas.appendingPathComponent("csp-flat-10000.yaml").path
        let result = try await GrantsBinary.run(
            ["allocate", "--fund", "CAF-2017-18", "--formula", formula, "--decision", "x", "--date", "2017-04-16"],
            in: folder.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("is a community-action-fund fund, which is not split into CSP allocations"))
    }
}
