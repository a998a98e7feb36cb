import CLibXML2
import Foundation
import GrantsFiles

/// Checks a file against the shipped return schema, `grants-return-1.xsd`, and a document valid against it for what
/// XSD 1.0 cannot say (`ReturnConsistency`: totals are the sums of their lines, figures follow from one another,
/// days fit the period), in the same single pass.
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
    public static var schemaURL: URL? {
        ShippedResource.find(
            "Schema/" + schemaFileName, bundle: "grants_GrantsXML.resources",
            sourceFolder: URL(fileURLWithPath: #filePath).deletingLastPathComponent(), isFolder: false)
    }

    /// The issue reported for any document type declaration.
    public static let doctypeRefused = "a DOCTYPE is not accepted"

    /// Validates the file at `path`.
    ///
    /// An invalid, malformed, refused or inconsistent document is a result (`.invalid` with each issue's line; the
    /// consistency issues only when there is no other); only a file that cannot be read, a missing schema or a
    /// failure inside libxml2 throws. Safe to call from many threads at once.
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

    /// More issues than this and the rest are not listed.
    static let issueLimit = 1_000

    /// Streams the document through libxml2's reader with the schema attached: memory stays flat however large
    /// the file (a document tree of a million-line return would take gigabytes).
    private static func validate(descriptor: Int32, name: String, schema: CompiledSchema) throws(XMLReturnError)
        -> ValidationResult
    {
        if let line = try prologDoctypeLine(descriptor, name: name) {
            return .invalid([ValidationIssue(line: line, message: doctypeRefused)])
        }
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw XMLReturnError(.unreadable, "could not read the file again (\(LibXML.systemError()))", path: name)
        }
        let collector = IssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        // Made before the reader so that it is freed after it: the reader unplugs itself from the validator as
        // it is freed.
        guard let validation = xmlSchemaNewValidCtxt(schema.pointer) else {
            throw XMLReturnError(.validatorFailed, "libxml2 could not create a validator (out of memory)", path: name)
        }
        defer { xmlSchemaFreeValidCtxt(validation) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        // The descriptor is ours: libxml2 reads it and leaves it open; `name` only labels its messages.
        guard let reader = xmlReaderForFd(descriptor, name, nil, options) else {
            throw XMLReturnError(.validatorFailed, "libxml2 could not create a reader (out of memory)", path: name)
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetStructuredErrorHandler(reader, IssueCollector.structuredError, box.toOpaque())
        xmlSchemaSetValidStructuredErrors(validation, IssueCollector.structuredError, box.toOpaque())
        guard xmlTextReaderSchemaValidateCtxt(reader, validation, 0) == 0 else {
            throw XMLReturnError(.validatorFailed, "libxml2 could not attach the schema to the reader", path: name)
        }
        // Some fatal parse errors (a document cut short) go to the thread's handler rather than the reader's.
        let read = try LibXML.capturingErrors(into: collector) { () throws(XMLReturnError) in
            readDocument(reader, into: collector)
        }
        if let refused = read.refused { return refused }
        // The schema's identity constraints, checked beside libxml2 (see `IdentityConstraints`), with its issues, all
        // in line order.
        for issue in read.identities.issues { collector.add(issue) }
        collector.putInLineOrder()
        let issues = collector.issues
        if read.status == 0 && issues.isEmpty && xmlTextReaderIsValid(reader) == 1 {
            // Only a document valid against the schema is held to what the schema cannot say.
            return read.consistency.isEmpty ? .valid : .invalid(read.consistency)
        }
        if issues.isEmpty {
            let message = read.status < 0 ? "the document is not well-formed" : "not valid against \(schemaFileName)"
            return .invalid([ValidationIssue(line: Int(xmlTextReaderGetParserLineNumber(reader)), message: message)])
        }
        return .invalid(issues)
    }

    /// What reading a whole document gave.
    private struct Reading {
        /// The reader's last status: 0 at the end of the document, -1 on an error.
        var status: Int32 = 1
        /// The result when a DOCTYPE is met.
        var refused: ValidationResult?
        /// The consistency issues, which count only if the document is valid against the schema.
        var consistency: [ValidationIssue] = []
        /// Where the elements the schema's keys and keyrefs select are.
        var identities = IdentityConstraints(limit: issueLimit)
    }

    /// Reads the whole document, checking its consistency as it goes.
    private static func readDocument(_ reader: xmlTextReaderPtr, into collector: IssueCollector) -> Reading {
        var read = Reading()
        var records = ReturnRecordReader()
        var names = ElementNames()
        var consistency = ReturnConsistency(limit: issueLimit)
        func ended(_ record: ReturnRecord?) {
            guard let record else { return }
            read.identities.register(record)
            // A document the schema refuses is not held to the rest: its consistency issues would not be shown.
            if collector.issues.isEmpty { consistency.check(record) }
        }
        while read.status == 1 && collector.issues.count < issueLimit {
            read.status = xmlTextReaderRead(reader)
            switch read.status == 1 ? xmlTextReaderNodeType(reader) : -1 {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                // A second guard: the prolog scan has already refused any DOCTYPE before parsing began.
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                read.refused = .invalid([ValidationIssue(line: line, message: doctypeRefused)])
                return read
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let element = names.element(xmlTextReaderConstLocalName(reader))
                let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
                records.start(element, line: line)
                if xmlTextReaderIsEmptyElement(reader) == 1 { ended(records.end()) }
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                if records.wantsText, let value = xmlTextReaderConstValue(reader) {
                    records.characters(String(cString: value))
                }
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                ended(records.end())
            default:
                break
            }
        }
        // As libxml2 would, the references to totals are judged only once the root element has ended.
        if read.status == 0 { read.identities.finish() }
        read.consistency = consistency.issues
        return read
    }

    /// The line of a `<!DOCTYPE` before the root element, found by reading only the prolog (the XML declaration,
    /// comments, processing instructions and white space): nothing of a DTD is ever handed to the parser.
    static func prologDoctypeLine(_ descriptor: Int32, name: String) throws(XMLReturnError) -> Int? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var index = 0
        var line = 1
        func fill(_ needed: Int) throws(XMLReturnError) -> Bool {
            while bytes.count < index + needed {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { throw XMLReturnError(.unreadable, "could not read (\(LibXML.systemError()))", path: name) }
                if count == 0 { return false }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > 16 * 1_048_576 { return false }  // an absurd prolog: let the parser judge it
            }
            return true
        }
        func starts(with text: String) throws(XMLReturnError) -> Bool {
            let expected = Array(text.utf8)
            guard try fill(expected.count) else { return false }
            return bytes[index..<(index + expected.count)].elementsEqual(expected)
        }
        func skip(past end: String) throws(XMLReturnError) -> Bool {
            let expected = Array(end.utf8)
            while try fill(expected.count) {
                if bytes[index..<(index + expected.count)].elementsEqual(expected) {
                    index += expected.count
                    return true
                }
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
            return false
        }
        if try starts(with: "\u{FEFF}") { index += 3 }
        while try fill(1) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                index += 1
            } else if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if try starts(with: "<?") {
                guard try skip(past: "?>") else { return nil }
            } else if try starts(with: "<!--") {
                guard try skip(past: "-->") else { return nil }
            } else if try starts(with: "<!DOCTYPE") {
                return line
            } else if try starts(with: "<!doctype") {
                return line
            } else {
                return nil  // the root element, or something the parser will report
            }
        }
        return nil
    }
}
