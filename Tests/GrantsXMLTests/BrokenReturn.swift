import Foundation
import GrantsCore
import GrantsTestSupport
import GrantsXML
import Testing

/// A return broken on purpose, one way: which of the sample ledger's returns, what is changed in its text, and the
/// issues validation must report, each at a line found by the text on it.
struct BrokenReturn: Sendable, CustomTestStringConvertible {
    /// The sample ledger's returns that cases start from.
    enum Base: String, Sendable, CaseIterable {
        /// 2017/18, every fund and CSP.
        case year
        /// 2017/18 Q3.
        case quarter3
        /// 2017/18 to 2017-12-31.
        case toDecember
        /// 2017/18, South Ribble's CSP only.
        case southRibble
    }

    /// Replaces the first `old` after the first `after` (from the start without one) with `new`.
    struct Edit: Sendable {
        let old: String
        let new: String
        let after: String?
    }

    /// Where an expected issue is: the line of the first `text` after the first `after`.
    struct Place: Sendable {
        let text: String
        let after: String?
    }

    /// An issue validation must report.
    struct Issue: Sendable {
        /// `nil` for the line of the first edit's new text.
        let place: Place?
        let message: String
    }

    /// What is broken, as the test is named.
    let name: String
    let base: Base
    let edits: [Edit]
    let issues: [Issue]

    var testDescription: String { name }

    init(_ name: String, in base: Base = .year, _ edits: [Edit], _ issues: [Issue]) {
        self.name = name
        self.base = base
        self.edits = edits
        self.issues = issues
    }

    /// The sample return with the edits made.
    func document() throws -> String {
        var text = try SampleDocuments.text(of: base)
        for edit in edits {
            let range = try Self.find(edit.old, after: edit.after, in: text, for: name)
            text.replaceSubrange(range, with: edit.new)
        }
        return text
    }

    /// The expected issues, placed in `document`, all found by `check`.
    func expected(in document: String, check: ValidationIssue.Check) throws -> [ValidationIssue] {
        try issues.map { issue in
            let place = try issue.place ?? edits.first.map { Place(text: $0.new, after: $0.after) } ?? {
                throw FixtureError("\(name): an issue placed at an edit, with no edit")
            }()
            let range = try Self.find(place.text, after: place.after, in: document, for: name)
            let line = document[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return ValidationIssue(line: line, message: issue.message, check: check)
        }
    }

    private static func find(_ text: String, after anchor: String?, in document: String, for name: String) throws
        -> Range<String.Index>
    {
        var start = document.startIndex
        if let anchor {
            guard let found = document.range(of: anchor) else { throw FixtureError("\(name): no '\(anchor)'") }
            start = found.upperBound
        }
        guard let range = document.range(of: text, range: start..<document.endIndex) else {
            throw FixtureError("\(name): no '\(text)' after '\(anchor ?? "the start")'")
        }
        return range
    }
}

extension BrokenReturn {
    /// Replaces `old` (the first after `after`) with `new`.
    static func replace(_ old: String, _ new: String, after: String? = nil) -> Edit {
        Edit(old: old, new: new, after: after)
    }

    /// An issue on the line of the first edit.
    static func atEdit(_ message: String) -> Issue {
        Issue(place: nil, message: message)
    }

    /// An issue on the line of `text` (the first after `after`).
    static func at(_ text: String, after: String? = nil, _ message: String) -> Issue {
        Issue(place: Place(text: text, after: after), message: message)
    }
}

/// The sample ledger's returns as XML, made once for all the cases.
enum SampleDocuments {
    private static let made = Result { () throws -> [BrokenReturn.Base: String] in
        let ledger = try Fixtures.sampleLedger(reason: "samples")
        let southRibble = try OrganisationID(parsing: "360G-LancashirePCC-CSP-SOUTH-RIBBLE")
        var documents: [BrokenReturn.Base: String] = [:]
        for base in BrokenReturn.Base.allCases {
            let r: SpendReturn = switch base {
            case .year: try ledger.spendReturn(period: .init(year: year2017))
            case .quarter3: try ledger.spendReturn(period: .init(year: year2017, quarter: .q3))
            case .toDecember: try ledger.spendReturn(period: .init(year: year2017, asOf: Made.day("2017-12-31")))
            case .southRibble: try ledger.spendReturn(period: .init(year: year2017), csp: southRibble)
            }
            documents[base] = GrantsXMLTests.text(try ReturnXMLWriter.data(r))
        }
        return documents
    }

    static func text(of base: BrokenReturn.Base) throws -> String {
        guard let text = try made.get()[base] else { throw FixtureError("no sample return for \(base)") }
        return text
    }
}
