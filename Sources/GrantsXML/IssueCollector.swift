import CLibXML2

/// Gathers the errors of one parse or one validation, passed to libxml2 as the context of its structured error
/// callbacks: errors go to the run that caused them, never to a process-wide handler.
final class IssueCollector {
    private(set) var issues: [ValidationIssue] = []
    /// The line of a DOCTYPE, once one is seen.
    var doctypeLine: Int?

    func add(_ issue: ValidationIssue) {
        issues.append(issue)
    }

    /// Adds `issue` unless the same message is already listed at the same line.
    func addUnlessPresent(_ issue: ValidationIssue) {
        guard !issues.contains(where: { $0.line == issue.line && $0.message == issue.message }) else { return }
        issues.append(issue)
    }

    /// Puts the issues in line order, those with no line last (libxml2 reports some at the end of the document).
    func putInLineOrder() {
        func order(_ issue: (offset: Int, element: ValidationIssue)) -> (Int, Int) {
            (issue.element.line == 0 ? Int.max : issue.element.line, issue.offset)
        }
        issues = issues.enumerated().sorted { order($0) < order($1) }.map(\.element)
    }

    /// For `xmlSchemaSetValidStructuredErrors` and friends: `userData` is an unretained `IssueCollector`.
    /// Warnings are left out: they do not make a document invalid.
    static let structuredError: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<IssueCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.record(error.pointee)
    }

    /// For a parser context's `sax->serror`: libxml2 passes the parser context, whose `_private` holds the
    /// unretained `IssueCollector`.
    static let parserError: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error, let collector = collector(ofParser: userData) else { return }
        collector.record(error.pointee)
    }

    /// For a parser context's `sax->internalSubset`: called as soon as `<!DOCTYPE name …` is read, before any of
    /// the internal subset is (so before any entity is declared, let alone expanded, and nothing is fetched).
    /// Records the line and stops the parser.
    static let doctypeSeen: internalSubsetSAXFunc = { userData, _, _, _ in
        guard let userData else { return }
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        if let collector = collector(ofParser: userData), collector.doctypeLine == nil {
            collector.doctypeLine = Int(context.pointee.input.map { $0.pointee.line } ?? 0)
        }
        xmlStopParser(context)
    }

    private static func collector(ofParser userData: UnsafeMutableRawPointer) -> IssueCollector? {
        let context = userData.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let box = context.pointee._private else { return nil }
        return Unmanaged<IssueCollector>.fromOpaque(box).takeUnretainedValue()
    }

    private func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        add(ValidationIssue(line: Int(max(0, error.line)), message: LibXML.message(error)))
    }
}
