import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Everything a reader of the ledger can see: if this is equal before and after a refused import, nothing was
/// written.
struct LedgerSnapshot: Equatable {
    let counts: [EntryKind: Int]
    let status: StatusReport
    let history: [HistoryEntry]

    init(_ ledger: Ledger) throws {
        counts = try ledger.counts()
        status = try ledger.status()
        history = try ledger.history()
    }
}

/// Imports `paths` the way `grants import` does: read every file into one batch, then record it in one go.
@discardableResult
func importFiles(_ paths: [String], into ledger: Ledger) throws -> RecordOutcome {
    let batch = try LedgerFile.read(paths: paths)
    return try ledger.record(batch, as: Fixtures.change("import"))
}

/// Tries the import, requires it to throw `E`, and checks that the ledger is exactly as it was.
func refusal<E: Error>(
    _ type: E.Type, importing paths: [String], into ledger: Ledger,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> E {
    let before = try LedgerSnapshot(ledger)
    let error = try #require(throws: type, sourceLocation: sourceLocation) {
        try importFiles(paths, into: ledger)
    }
    let after = try LedgerSnapshot(ledger)
    #expect(after.counts == before.counts, "an entry was written", sourceLocation: sourceLocation)
    #expect(after.status == before.status, "the status changed", sourceLocation: sourceLocation)
    #expect(after.history == before.history, "a line of history was written", sourceLocation: sourceLocation)
    return error
}

/// One file of a test case: a name in a temporary folder and its text.
struct CaseFile: Sendable {
    let name: String
    let text: String

    init(_ name: String, _ text: String) {
        self.name = name
        self.text = text
    }
}

extension TemporaryFolder {
    /// Writes each file and returns their paths, in order.
    func write(_ files: [CaseFile]) throws -> [String] {
        try files.map { try write($0.name, $0.text) }
    }
}

/// Ledger file texts built from the shared fixtures, with one thing changed.
enum Files {
    /// `Fixtures.award(id: "AWD-T-1", amount: "2500.00")`; its lines are
    ///  1 format, 2 awards:, 3 `- id`, 4 fund, 5 allocation, 6 recipient, 7 title, 8 amount, 9 decision,
    /// 10 award_date, 11 planned_start, 12 planned_end, 13 priorities.
    static let award = Fixtures.award(id: "AWD-T-1", amount: "2500.00")

    /// The award file with the value of `key` written as `value` (raw YAML, so quote it if it should be quoted).
    static func award(_ key: String, _ value: String) -> String {
        editing(award, key) { indent, _ in "\(indent)\(key): \(value)" }
    }

    /// The award file without the line of `key`.
    static func award(without key: String) -> String {
        editing(award, key) { _, _ in nil }
    }

    /// The award file with `line` added, as a field of the award, after the line of `key`.
    static func award(adding line: String, after key: String) -> String {
        editing(award, key) { _, original in "\(original)\n    \(line)" }
    }

    /// A file with one organisation; lines 3 id, 4 name, 5 kind, then `extra` (a whole line) on line 6.
    static func organisation(kind: String = "community-group", extra: String = "") -> String {
        """
        format: grants-ledger/1
        organisations:
          - id: 360G-Test-ORG-0002
            name: Penwortham Youth Club (example)
            kind: \(kind)
        \(extra)
        """
    }

    /// A file with one fund; lines 3 id, 4 name, 5 scheme, 6 financial_year, 7 amount, 8 funder.
    static func fund(year: String = "2018/19", amount: String = "\"20000.00\"") -> String {
        """
        format: grants-ledger/1
        funds:
          - id: CSP-2018-19
            name: CSP grant 2018/19
            scheme: csp-grant
            financial_year: \(year)
            amount: \(amount)
            funder: 360G-Test-OPCC

        """
    }

    /// Replaces (or drops, when `replacement` returns nil) the first line whose key is `key`; the closure is
    /// given the text before the key (`  - ` or spaces) and the original line.
    private static func editing(_ text: String, _ key: String, _ replacement: (String, String) -> String?) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.drop { " -".contains($0) }.hasPrefix("\(key):") }),
              let keyStart = lines[index].range(of: "\(key):")?.lowerBound else {
            preconditionFailure("the fixture has no \(key): line")
        }
        let original = lines[index]
        if let new = replacement(String(original[..<keyStart]), original) {
            lines[index] = new
        } else {
            lines.remove(at: index)
        }
        return lines.joined(separator: "\n")
    }
}
