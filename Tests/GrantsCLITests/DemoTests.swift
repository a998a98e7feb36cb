import Foundation
import Testing
import GrantsTestSupport

/// `grants demo`, the main job, run as the built binary on Samples.
@Suite struct DemoTests {
    /// Every file `grants demo` writes into Reports/.
    static let reports = [
        "status.txt", "status.csv", "status.json", "allocation-2018-19.txt", "eligibility.txt", "eligibility.json",
        "return-2017-18.csv", "chart-2017-18.svg", "summary-2017-18.md", "return-2017-18.xml",
        "360giving-2017-18.json", "360giving-2017-18.csv",
    ]

    /// Files compared byte for byte with the committed Reports/ but not kept as text goldens.
    static let binaryReports = ["return-2017-18.xlsx", "schema/grants-return-1.xsd"]

    @Test func demoPrintsTheStatusAndWritesReports() throws {
        let folder = try TemporaryFolder()
        let reports = folder.file("Reports")
        let result = try GrantsBinary.run(GrantsBinary.demoArguments(reports: reports), in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        // The paths differ per run; the golden holds the relative form.
        let stdout = result.stdout.replacingOccurrences(of: folder.path + "/", with: "")
            .replacingOccurrences(of: GrantsBinary.samples, with: "Samples/lancashire-2017-18")
            .replacingOccurrences(of: GrantsBinary.bids, with: "Samples/bids-2017-18")
            .replacingOccurrences(of: GrantsBinary.formula, with: "Samples/formulas/csp-2018-19-weighted.yaml")
        try goldenFiles.check(stdout, against: "demo.txt")
        for name in Self.reports {
            let written = try String(contentsOfFile: (reports as NSString).appendingPathComponent(name), encoding: .utf8)
            try goldenFiles.check(written, against: name)
        }
        // The demo never touches a ledger file of its own.
        #expect(!FileManager.default.fileExists(atPath: folder.file("grants.sqlite")))
    }

    @Test func demoOutputIsTheSameEveryRun() throws {
        let folder = try TemporaryFolder()
        let arguments = GrantsBinary.demoArguments(reports: "a")
        let first = try GrantsBinary.run(arguments, in: folder.path)
        let second = try GrantsBinary.run(arguments, in: folder.path)
        #expect(first.status == 0 && second.status == 0)
        #expect(first.stdout == second.stdout)
    }

    @Test func theCommittedReportsMatchTheSamples() throws {
        let folder = try TemporaryFolder()
        let result = try GrantsBinary.run(GrantsBinary.demoArguments(reports: "r"), in: folder.path)
        #expect(result.status == 0)
        let committed = GrantsBinary.packageRoot.appendingPathComponent("Reports")
        for name in Self.reports + Self.binaryReports {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: folder.file("r/\(name)")))
            let kept = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(fresh == kept, "Reports/\(name) is stale: run `swift run grants demo` and commit it")
        }
    }

    @Test func demoWithMissingSamplesIsAnIOError() throws {
        let folder = try TemporaryFolder()
        let result = try GrantsBinary.run(["demo", "--samples", "nowhere"], in: folder.path)
        #expect(result.status == 74)
        #expect(result.stderr.contains("nowhere: no such file or folder"))
        #expect(result.stdout.isEmpty)
    }
}
