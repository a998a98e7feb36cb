import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport

/// Fixtures and readers for the 360Giving tests.
enum ThreeSixtyGivingSupport {
    /// The 360Giving schemas, codelists, templates and validate.py, beside the package: `<root>/../shared`.
    static let anchors = PackageFiles.root.deletingLastPathComponent()
        .appendingPathComponent("shared/anchors/360giving").path

    static let lastModified = "2018-04-30T09:00:00Z"
    static let dataSource = "https://www.lancashire-pcc.gov.uk/grants/2017-18.json"

    /// Runs the standard's offline validator on a JSON file: its exit status and what it printed.
    static func validate(_ file: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", anchors + "/validate.py", anchors, file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The first line of a CSV file in the anchors, split on commas (the template's titles hold none).
    static func templateTitles(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: anchors + "/" + name, encoding: .utf8)
        return CSV.records(text).first ?? []
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
