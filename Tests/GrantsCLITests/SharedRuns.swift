import Foundation
import GrantsTestSupport
import Synchronization

/// Runs of the built binary that many tests read but none changes, made once per test process on first use, in
/// folders of their own that are removed when the process exits.
enum SharedRuns {
    /// What a shared run could not do, with what the binary said: every test that needs the run fails with it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The folders made for shared runs, removed at exit.
    private static let folders = Mutex<[String]>([])

    /// A new folder that lasts until the test process exits (a `TemporaryFolder` held by a `static let` is never
    /// released, so it would never be removed).
    static func processFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("grants-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let first = folders.withLock { folders in
            folders.append(path)
            return folders.count == 1
        }
        if first {
            atexit {
                for folder in SharedRuns.folders.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
            }
        }
        return path
    }
}

/// `grants demo` on the package's Samples, run once per test process: its result and the folder it ran in, whose
/// Reports/ holds what it wrote.
struct DemoRun: Sendable {
    let folder: String
    let result: GrantsBinary.Result

    /// The Reports folder the demo wrote.
    var reports: String { (folder as NSString).appendingPathComponent("Reports") }

    private static let once: Result<DemoRun, SharedRuns.Failure> = {
        do {
            let folder = try SharedRuns.processFolder()
            let reports = (folder as NSString).appendingPathComponent("Reports")
            let result = try GrantsBinary.run(GrantsBinary.demoArguments(reports: reports), in: folder)
            return .success(DemoRun(folder: folder, result: result))
        } catch {
            return .failure(SharedRuns.Failure("cannot run grants demo: \(error)"))
        }
    }()

    /// The one run of this process.
    static func shared() throws -> DemoRun { try once.get() }
}

/// The sample ledger: `grants init` and `grants import Samples/lancashire-2017-18` run once per test process into
/// a template, and each test given a copy of its own to change.
enum SampleLedger {
    private static let template: Result<String, SharedRuns.Failure> = {
        do {
            let folder = try SharedRuns.processFolder()
            let initialised = try GrantsBinary.run(["init"], in: folder)
            guard initialised.status == 0 else {
                return .failure(SharedRuns.Failure("grants init exited \(initialised.status): \(initialised.stderr)"))
            }
            let imported = try GrantsBinary.run(["import", GrantsBinary.samples], in: folder)
            guard imported.status == 0 else {
                return .failure(SharedRuns.Failure("grants import of the samples exited \(imported.status): \(imported.stderr)"))
            }
            return .success(folder)
        } catch {
            return .failure(SharedRuns.Failure("cannot make the sample ledger: \(error)"))
        }
    }()

    /// A new folder whose grants.sqlite holds the sample ledger. The write-ahead log is copied with the file when
    /// there is one (a process that exits without closing the ledger leaves its last commits there), so the copy is
    /// complete; the shared-memory index is not, and SQLite rebuilds it from the log.
    static func copy() throws -> TemporaryFolder {
        let template = try template.get()
        let folder = try TemporaryFolder()
        for name in ["grants.sqlite", "grants.sqlite-wal"] {
            let source = (template as NSString).appendingPathComponent(name)
            if name == "grants.sqlite" || FileManager.default.fileExists(atPath: source) {
                try FileManager.default.copyItem(atPath: source, toPath: folder.file(name))
            }
        }
        return folder
    }
}
