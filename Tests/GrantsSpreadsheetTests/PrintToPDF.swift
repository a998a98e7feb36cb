import Foundation
import GrantsTestSupport

/// Prints a workbook as a finance officer would, to PDF with LibreOffice, and reads the pages back with poppler's
/// `pdfinfo` and `pdftotext`.
///
/// Each conversion has a LibreOffice profile of its own in the test's folder (and that folder as `HOME`), so it never
/// waits for, or hands its work to, another LibreOffice running on the machine; it runs under `timeout`, which ends
/// LibreOffice and the processes it started if it hangs.
enum PrintToPDF {
    /// Seconds a conversion may take (about 2 s on a quiet machine) before it is stopped.
    static let timeoutSeconds = 120

    static let soffice = executable("soffice")
    static let pdfinfo = executable("pdfinfo")
    static let pdftotext = executable("pdftotext")
    static let timeout = executable("timeout")

    /// Whether LibreOffice and poppler-utils are installed here.
    static var isAvailable: Bool { [soffice, pdfinfo, pdftotext, timeout].allSatisfy { $0 != nil } }

    /// Set by CI (`.ci/run`, which installs them): there, a missing LibreOffice fails the print test, never skips it.
    static var isRequired: Bool { ProcessInfo.processInfo.environment["GRANTS_REQUIRE_LIBREOFFICE"] == "1" }

    static let whyDisabled = """
        needs LibreOffice's soffice and poppler-utils' pdfinfo and pdftotext \
        (apt-get install libreoffice-calc-nogui poppler-utils); CI installs them and runs this test
        """

    /// Converts `workbook` to PDF in `folder`; returns the PDF's path.
    static func convert(_ workbook: String, in folder: TemporaryFolder) throws -> String {
        let soffice = try tool(soffice, "soffice")
        let profile = URL(fileURLWithPath: folder.file("libreoffice-profile"), isDirectory: true).absoluteString
        let out = folder.file("pdf")
        let result = try run(
            tool(timeout, "timeout"),
            ["--kill-after=10", String(timeoutSeconds), soffice, "-env:UserInstallation=\(profile)", "--headless",
             "--norestore", "--convert-to", "pdf", "--outdir", out, workbook],
            in: folder)
        let name = ((workbook as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
        let pdf = (out as NSString).appendingPathComponent(name)
        guard result.status == 0, FileManager.default.fileExists(atPath: pdf) else {
            let reason = result.status == 124 || result.status == 137 ? "timed out after \(timeoutSeconds) s" : "failed"
            throw WorkbookSupport.Failure("soffice --convert-to pdf \(reason) (exit \(result.status)): \(result.output)")
        }
        return pdf
    }

    /// The number of pages, as `pdfinfo` gives it.
    static func pages(of pdf: String, in folder: TemporaryFolder) throws -> Int {
        let result = try run(tool(pdfinfo, "pdfinfo"), [pdf], in: folder)
        guard result.status == 0,
              let line = result.output.split(separator: "\n").first(where: { $0.hasPrefix("Pages:") }),
              let pages = Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces))
        else { throw WorkbookSupport.Failure("pdfinfo \(pdf) gave no page count: \(result.output)") }
        return pages
    }

    /// The text of one page (1-based), laid out as printed, one printed line a line.
    static func text(ofPage page: Int, of pdf: String, in folder: TemporaryFolder) throws -> String {
        let result = try run(
            tool(pdftotext, "pdftotext"), ["-layout", "-f", String(page), "-l", String(page), pdf, "-"], in: folder)
        guard result.status == 0 else { throw WorkbookSupport.Failure("pdftotext \(pdf), page \(page): \(result.output)") }
        return result.output
    }

    private static func tool(_ path: String?, _ name: String) throws -> String {
        guard let path else { throw WorkbookSupport.Failure("\(name) is not installed: \(whyDisabled)") }
        return path
    }

    /// Runs a program with its output in a file (so a chatty program cannot fill a pipe and stall), `HOME` set to
    /// `folder`; returns its exit status (124 after a timeout) and what it printed.
    private static func run(_ program: String, _ arguments: [String], in folder: TemporaryFolder) throws
        -> (status: Int32, output: String)
    {
        let log = folder.file("output-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: log, contents: nil) else {
            throw WorkbookSupport.Failure("cannot create \(log)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: log)), as: UTF8.self)
        return (process.terminationStatus, output)
    }

    /// The first `name` on `PATH` that can be run.
    private static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { ($0 as NSString).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
