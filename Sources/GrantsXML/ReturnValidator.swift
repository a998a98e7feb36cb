import CLibXML2
import Foundation

/// Checks a file against the shipped return schema, `grants-return-1.xsd`.
///
/// The document is treated as untrusted: it is read with `XML_PARSE_NONET` (and `XML_PARSE_BIG_LINES`, so lines
/// past 65,535 are numbered right) and nothing else — no entity substitution, no DTD loading, no XInclude, no
/// size limits lifted — and any DOCTYPE is refused as soon as it is seen, before its internal subset is read,
/// so no entity is ever declared or expanded and nothing outside the file is opened.
public enum ReturnValidator {
    /// The schema's file name.
    public static let schemaFileName = "grants-return-1.xsd"

    /// The shipped XSD: in `grants_GrantsXML.resources/Schema/` beside the executable or the main bundle, or, in a
    /// checkout, in the sources; `nil` when none is there.
    ///
    /// Looked up by hand rather than through `Bundle.module`, which stops the program when the folder is missing:
    /// a binary copied away from its build folder must fail with a clear error instead.
    public static var schemaURL: URL? {
        let bundleName = "grants_GrantsXML.resources"
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        // In a checkout, the sources themselves.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        for candidate in candidates {
            let file = candidate.appendingPathComponent("Schema").appendingPathComponent(schemaFileName)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), !isFolder.boolValue {
                return file
            }
        }
        return nil
    }

    /// The issue reported for any document type declaration.
    public static let doctypeRefused = "a DOCTYPE is not accepted"

    /// Validates the file at `path`.
    ///
    /// An invalid, malformed or refused document is a result (`.invalid` with each issue's line); only a file
    /// that cannot be read, a missing schema or a failure inside libxml2 throws. Safe to call from many threads
    /// at once.
    public static func validate(file path: String) throws(XMLReturnError) -> ValidationResult {
        let schema = try CompiledSchema.shared.get()
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw XMLReturnError(.unreadable, "could not open the file (\(LibXML.systemError()))", path: path)
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw XMLReturnError(.unreadable, "is a folder, not a file", path: path)
        }
        return try validate(descriptor: descriptor, name: path, schema: schema)
    }

    private static func validate(descriptor: Int32, name: String, schema: CompiledSchema) throws(XMLReturnError)
        -> ValidationResult
    {
        guard let parser = xmlNewParserCtxt() else {
            throw XMLReturnError(.validatorFailed, "libxml2 could not create a parser (out of memory)", path: name)
        }
        defer { xmlFreeParserCtxt(parser) }
        let collector = IssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        parser.pointee._private = box.toOpaque()
        if let sax = parser.pointee.sax {
            sax.pointee.serror = IssueCollector.parserError
            sax.pointee.internalSubset = IssueCollector.doctypeSeen
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        // The descriptor is ours: libxml2 reads it and leaves it open; `name` only labels its messages.
        let document = xmlCtxtReadFd(parser, descriptor, name, nil, options)
        defer { if let document { xmlFreeDoc(document) } }

        if let line = collector.doctypeLine {
            return .invalid([ValidationIssue(line: line, message: doctypeRefused)])
        }
        guard let document, collector.issues.isEmpty, parser.pointee.wellFormed != 0 else {
            let issues = collector.issues
            return .invalid(issues.isEmpty ? [ValidationIssue(line: 0, message: "the document is not well-formed")] : issues)
        }

        guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw XMLReturnError(.validatorFailed, "libxml2 could not create a validator (out of memory)", path: name)
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        xmlSchemaSetValidStructuredErrors(validation, IssueCollector.structuredError, box.toOpaque())
        let outcome = xmlSchemaValidateDoc(validation, document)
        if outcome < 0 {
            throw XMLReturnError(.validatorFailed, "libxml2 failed while validating (internal error \(outcome))", path: name)
        }
        if outcome == 0 && collector.issues.isEmpty { return .valid }
        let issues = collector.issues
        return .invalid(issues.isEmpty ? [ValidationIssue(line: 0, message: "not valid (libxml2 error \(outcome))")] : issues)
    }
}
