import Foundation
import Testing
import GrantsTestSupport

/// `grants demo`, the main job, run as the built binary on Samples: once per test process (`DemoRun`), its
/// standard output checked against the golden demo.txt and what it wrote against the committed Reports/. Both
/// are fixed files, so they also pin that every run gives the same output.
@Suite struct DemoTests {
    /// Every file `grants demo` writes into Reports/.
    static let reports = [
        "status.txt", "status.csv", "status.json", "allocation-2018-19.txt", "eligibility.txt", "eligibility.json",
        "return-2017-18.csv", "chart-2017-18.svg", "summary-2017-18.md", "return-2017-18.xml",
        "360giving-2017-18.json", "360giving-2017-18.csv", "return-2017-18.xlsx", "schema/grants-return-1.xsd",
        "grant-register-2017-18.csv", "grant-register-2017-18.html", "vcse-grants-2017-18.csv",
    ]

    @Test func demoPrintsTheStatusAndWritesReports() throws {
        let demo = try DemoRun.shared()
        let result = demo.result
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        // The paths differ per run; the golden holds the relative form.
        let stdout = result.stdout.replacingOccurrences(of: demo.folder + "/", with: "")
            .replacingOccurrences(of: GrantsBinary.samples, with: "Samples/lancashire-2017-18")
            .replacingOccurrences(of: GrantsBinary.bids, with: "Samples/bids-2017-18")
            .replacingOccurrences(of: GrantsBinary.formula, with: "Samples/formulas/csp-2018-19-weighted.yaml")
        try goldenFiles.check(stdout, against: "demo.txt")
        // The demo never touches a ledger file of its own.
        #expect(!FileManager.default.fileExists(atPath: (demo.folder as NSString).appendingPathComponent("grants.sqlite")))
    }

    /// The one comparison of the demo's output with Reports/: every file it writes, byte for byte, and no others.
    @Test func theCommittedReportsMatchTheSamples() throws {
        let demo = try DemoRun.shared()
        #expect(demo.result.status == 0, "\(demo.result.stderr)")
        let written = try Self.files(under: demo.reports)
        #expect(written == Set(Self.reports), "grants demo wrote \(written.sorted()), not \(Self.reports.sorted())")
        // Reports/web/ holds the web pages' screenshots (scripts/web/browser_test.py), not the demo's output.
        #expect(try Self.files(under: PackageFiles.reports.path).filter { !$0.hasPrefix("web/") } == Set(Self.reports),
                "Reports/ is not what grants demo writes: run `swift run grants demo` and commit Reports/")
        for name in Self.reports {
            let fresh = try Data(contentsOf: URL(fileURLWithPath: (demo.reports as NSString).appendingPathComponent(name)))
            let kept = try Data(contentsOf: PackageFiles.reports.appendingPathComponent(name))
            #expect(fresh == kept, """
                Reports/\(name) is stale: run `swift run grants demo` and commit Reports/ (committed vs fresh, first \
                difference at \(GoldenFiles.firstDifference(Array(kept), Array(fresh))))
                """)
        }
    }

    /// The CSVs meant for Excel start with a UTF-8 byte-order mark, so Excel shows £ and not Â£; the 360Giving CSV is
    /// open data for programs and starts with its header.
    @Test func theCSVsForExcelCarryAByteOrderMark() throws {
        let demo = try DemoRun.shared()
        for name in ["status.csv", "return-2017-18.csv", "360giving-2017-18.csv", "grant-register-2017-18.csv",
                     "vcse-grants-2017-18.csv"] {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: (demo.reports as NSString).appendingPathComponent(name)))
            let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF])
            #expect(marked == (name != "360giving-2017-18.csv"), "\(name)")
        }
    }

    @Test func demoWithMissingSamplesIsAnIOError() async throws {
        let folder = try TemporaryFolder()
        let result = try await GrantsBinary.run(["demo", "--samples", "nowhere"], in: folder.path)
        #expect(result.status == 74)
        #expect(result.stderr.contains("nowhere: no such file or folder"))
        #expect(result.stdout.isEmpty)
    }

    /// The files below `folder`, as paths relative to it.
    static func files(under folder: String) throws -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw SharedRuns.Failure("cannot list \(folder)")
        }
        var files: Set<String> = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue { files.insert(path) }
        }
        return files
    }
}
