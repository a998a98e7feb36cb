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
            let result = try GrantsBinary.runBlocking(GrantsBinary.demoArguments(reports: reports), in: folder)
            return .success(DemoRun(folder: folder, result: result))
        } catch {
            return .failure(SharedRuns.Failure("cannot run grants demo: \(error)"))
        }
    }()

    /// The one run of this process.
    static func shared() throws -> DemoRun { try once.get() }
}

/// A folder made once per test process by running the binary (a ledger and the files it was made from), which tests
/// copy rather than change: `make` runs on first use, and if it throws, every `copy()` throws what it said.
final class TemplateFolder: Sendable {
    private let what: String
    private let make: @Sendable (String) throws -> Void
    private let made = Mutex<Result<String, SharedRuns.Failure>?>(nil)

    init(_ what: String, make: @escaping @Sendable (_ folder: String) throws -> Void) {
        self.what = what
        self.make = make
    }

    private func folder() throws -> String {
        try made.withLock { made in
            if made == nil {
                do {
                    let folder = try SharedRuns.processFolder()
                    try make(folder)
                    made = .success(folder)
                } catch {
                    made = .failure(SharedRuns.Failure("cannot make \(what): \(error)"))
                }
            }
            return made!
        }.get()
    }

    /// A new folder holding a copy of every file of the template: the ledger, with its write-ahead log when there is
    /// one (a process that exits without closing the ledger leaves its last commits there), so the copy is complete,
    /// and the files it was made from. The shared-memory index is not copied; SQLite rebuilds it from the log.
    func copy() throws -> TemporaryFolder {
        let template = try folder()
        let copy = try TemporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: template) where !name.hasSuffix("-shm") {
            try FileManager.default.copyItem(
                atPath: (template as NSString).appendingPathComponent(name), toPath: copy.file(name))
        }
        return copy
    }
}

extension GrantsBinary {
    /// Runs `grants arguments…` in a template's folder and throws unless it exits 0 (and prints `stdout`, when given).
    static func make(_ arguments: [String], in folder: String, stdout: String? = nil) throws {
        let result = try runBlocking(arguments, in: folder)
        guard result.status == 0 else {
            throw SharedRuns.Failure("grants \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        if let stdout, result.stdout != stdout {
            throw SharedRuns.Failure("grants \(arguments.joined(separator: " ")) printed \(result.stdout), not \(stdout)")
        }
    }
}

/// The sample ledger: `grants init` and `grants import Samples/lancashire-2017-18` run once per test process into
/// a template, each exiting 0, and each test given a copy of its own to change.
enum SampleLedger {
    private static let template = TemplateFolder("the sample ledger") { folder in
        try GrantsBinary.make(["init"], in: folder)
        try GrantsBinary.make(["import", GrantsBinary.samples], in: folder)
    }

    /// A new folder whose grants.sqlite holds the sample ledger.
    static func copy() throws -> TemporaryFolder { try template.copy() }
}
