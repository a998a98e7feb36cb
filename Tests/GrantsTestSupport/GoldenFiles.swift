import Foundation
import Testing

/// Compares output with the golden files in a test target's Golden folder. With GRANTS_RECORD_GOLDEN=1 in the
/// environment it rewrites the file instead and records an issue, so a re-recording is always on purpose and
/// always seen: review it with `git diff`.
public struct GoldenFiles: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The folder named Golden beside the source file that makes this value.
    public init(besideFile filePath: String = #filePath) {
        folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }

    public func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(Array(actual.utf8), against: name, sourceLocation: sourceLocation)
    }

    /// `actual` must equal the golden file `name` byte for byte.
    public func check(_ actual: [UInt8], against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GRANTS_RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual).write(to: file, options: .atomic)
            Issue.record("re-recorded \(name); review the diff and run the tests again", sourceLocation: sourceLocation)
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record("no golden file \(name); record it with GRANTS_RECORD_GOLDEN=1 swift test", sourceLocation: sourceLocation)
            return
        }
        if Array(expected) != actual {
            Issue.record("output differs from golden \(name) at \(Self.firstDifference(Array(expected), actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// Where two texts first differ, by line, for a failure message.
    public static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDifference = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }
        return firstDifference.map {
            "line \($0.offset + 1):\n  expected: \($0.element.0)\n  actual:   \($0.element.1)"
        } ?? "lengths differ (\(expectedLines.count) lines expected, \(actualLines.count) actual)"
    }
}
