import Foundation
import Testing

/// Compares output with a golden file in Tests/GrantsCLITests/Golden. With GRANTS_RECORD_GOLDEN=1 in the
/// environment it rewrites the file instead and records an issue, so a re-recording is always on purpose and
/// always seen: review it with `git diff`.
enum Golden {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRANTS_RECORD_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: file, options: .atomic)
            Issue.record("re-recorded \(name); review the diff and run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(name); record it with GRANTS_RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = firstDifference.map {
                "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)"
            } ?? "lengths differ (\(expectedLines.count) lines expected, \(actualLines.count) actual)"
            Issue.record("output differs from golden \(name) at \(where_)", sourceLocation: sourceLocation)
        }
    }
}
