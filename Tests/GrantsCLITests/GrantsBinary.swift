import Foundation
import GrantsTestSupport

/// The golden files in Tests/GrantsCLITests/Golden: the demo's standard output and what other commands print.
let goldenFiles = GoldenFiles()

/// Runs the built `grants` executable, as a person or a script would, and captures what it prints.
struct GrantsBinary {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The `grants` executable beside the test bundle in the build folder.
    static func locate() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("grants")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw LocateError(searched: candidates.map(\.path))
    }

    struct LocateError: Error, CustomStringConvertible {
        let searched: [String]
        var description: String { "no grants executable in \(searched.joined(separator: ", ")); run swift build first" }
    }

    /// Another of the package's executables, built beside `grants` (`grants-bench`, say).
    static func sibling(_ name: String) throws -> URL {
        try locate().deletingLastPathComponent().appendingPathComponent(name)
    }

    static var packageRoot: URL { PackageFiles.root }

    static var samples: String { PackageFiles.samples }

    static var bids: String { PackageFiles.bids }

    static var formula: String { PackageFiles.formulas.appendingPathComponent("csp-2018-19-weighted.yaml").path }

    /// `grants demo` on the package's Samples, writing into `reports`.
    static func demoArguments(reports: String) -> [String] {
        ["demo", "--samples", samples, "--bids", bids, "--formula", formula, "--reports", reports]
    }

    /// Starts `grants arguments…` in `folder` without waiting; output goes to files in `folder`.
    ///
    /// With `fileSizeLimitKiB`, no file the process writes may grow past that many KiB (`ulimit -f`, with SIGXFSZ
    /// ignored): a write past it fails with EFBIG, as a write to a full disk fails with ENOSPC.
    static func start(_ arguments: [String], in folder: String, tag: String = UUID().uuidString,
                      environment: [String: String] = [:], fileSizeLimitKiB: Int? = nil, input: String? = nil, inputBytes: [UInt8]? = nil)
        throws -> Running
    {
        let process = Process()
        if let fileSizeLimitKiB {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(fileSizeLimitKiB); exec \"$0\" \"$@\"", try locate().path]
                + arguments
        } else {
            process.executableURL = try locate()
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "GRANTS_DB")
        env["GRANTS_ACTOR"] = "tester"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = URL(fileURLWithPath: folder).appendingPathComponent(".out-\(tag)")
        let err = URL(fileURLWithPath: folder).appendingPathComponent(".err-\(tag)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        if let bytes = inputBytes ?? input.map({ Array($0.utf8) }) {
            let file = URL(fileURLWithPath: folder).appendingPathComponent(".in-\(tag)")
            try Data(bytes).write(to: file)
            process.standardInput = try FileHandle(forReadingFrom: file)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let (exits, exited) = AsyncStream.makeStream(of: Int32.self)
        process.terminationHandler = { process in
            exited.yield(process.terminationStatus)
            exited.finish()
        }
        try process.run()
        return Running(process: process, out: out, err: err, exits: exits)
    }

    struct Running {
        let process: Process
        let out: URL
        let err: URL
        let exits: AsyncStream<Int32>

        /// Waits for the process to exit without holding a thread, so that other tests run meanwhile.
        func wait() async throws -> Result {
            var status: Int32?
            for await code in exits { status = code }
            guard let status else { throw SharedRuns.Failure("grants \(process.arguments ?? []) ended without an exit status") }
            return try collect(status)
        }

        /// Waits for the process to exit, holding the thread: for the runs made once, in a static initialiser.
        func waitBlocking() throws -> Result {
            process.waitUntilExit()
            return try collect(process.terminationStatus)
        }

        private func collect(_ status: Int32) throws -> Result {
            let stdout = String(decoding: try Data(contentsOf: out), as: UTF8.self)
            let stderr = String(decoding: try Data(contentsOf: err), as: UTF8.self)
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
            return Result(status: status, stdout: stdout, stderr: stderr)
        }
    }

    /// Runs `grants arguments…` in `folder` and waits for it.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:],
                    fileSizeLimitKiB: Int? = nil, input: String? = nil, inputBytes: [UInt8]? = nil) async throws -> Result
    {
        try await start(
            arguments, in: folder, environment: environment, fileSizeLimitKiB: fileSizeLimitKiB, input: input, inputBytes: inputBytes
        ).wait()
    }

    /// Runs `grants arguments…` in `folder` and waits for it, holding the thread.
    static func runBlocking(_ arguments: [String], in folder: String) throws -> Result {
        try start(arguments, in: folder).waitBlocking()
    }
}
