import CLibXML2

/// One libxml2 streaming writer (`xmlTextWriter`), indented, with every call checked.
///
/// Element names are static strings; text goes through libxml2, which escapes `&`, `<`, `>` and carriage
/// returns. Nothing is kept but libxml2's small output buffer, so memory stays flat however much is written.
final class XMLTextWriter {
    private var writer: xmlTextWriterPtr?
    /// Named in errors.
    private let target: String
    /// Where libxml2's own messages go while writing (see `LibXML.capturingErrors`): they say why a write failed.
    let errors = IssueCollector()

    /// Takes ownership of `writer`.
    init(_ writer: xmlTextWriterPtr, target: String) throws(XMLReturnError) {
        self.writer = writer
        self.target = target
        try check(xmlTextWriterSetIndent(writer, 1))
        try check(withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) })
    }

    deinit {
        free()
    }

    /// Frees the writer, which flushes and closes its output; safe to call twice.
    func free() {
        if let writer {
            xmlFreeTextWriter(writer)
            self.writer = nil
        }
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws(XMLReturnError) {
        try check(xmlTextWriterStartDocument(try live(), "1.0", "UTF-8", nil))
    }

    /// Closes every open element and flushes the output.
    func endDocument() throws(XMLReturnError) {
        let writer = try live()
        try check(xmlTextWriterEndDocument(writer))
        try check(xmlTextWriterFlush(writer))
    }

    /// Opens the root element in a default namespace: `<name xmlns="namespace">`.
    func startRoot(_ name: StaticString, namespace: StaticString) throws(XMLReturnError) {
        try check(xmlTextWriterStartElementNS(try live(), nil, name.utf8Start, namespace.utf8Start))
    }

    /// Opens an element.
    func start(_ name: StaticString) throws(XMLReturnError) {
        try check(xmlTextWriterStartElement(try live(), name.utf8Start))
    }

    /// Closes the innermost open element (`<name/>` if it has no content).
    func end() throws(XMLReturnError) {
        try check(xmlTextWriterEndElement(try live()))
    }

    /// An element with no content: `<name/>`.
    func empty(_ name: StaticString) throws(XMLReturnError) {
        try start(name)
        try end()
    }

    /// `<name>text</name>`, the text escaped by libxml2.
    func element(_ name: StaticString, _ text: String, field: @autoclosure () -> String) throws(XMLReturnError) {
        try Self.requireRepresentable(text, field: field)
        let writer = try live()
        try check(withXMLChars(text) { xmlTextWriterWriteElement(writer, name.utf8Start, $0) })
    }

    /// `<name>text</name>` for text known to be plain ASCII (amounts, days, counts, enumerations).
    func element(_ name: StaticString, plain text: String) throws(XMLReturnError) {
        let writer = try live()
        try check(withXMLChars(text) { xmlTextWriterWriteElement(writer, name.utf8Start, $0) })
    }

    /// `<name attribute="value">text</name>`, both escaped by libxml2.
    func element(
        _ name: StaticString, _ text: String, attribute: StaticString, _ value: String, field: @autoclosure () -> String
    ) throws(XMLReturnError) {
        try Self.requireRepresentable(text, field: field)
        try Self.requireRepresentable(value, field: field)
        let writer = try live()
        try start(name)
        try check(withXMLChars(value) { xmlTextWriterWriteAttribute(writer, attribute.utf8Start, $0) })
        try check(withXMLChars(text) { xmlTextWriterWriteString(writer, $0) })
        try end()
    }

    /// Writes the element only when there is a value.
    func element(_ name: StaticString, _ text: String?, field: @autoclosure () -> String) throws(XMLReturnError) {
        guard let text else { return }
        try element(name, text, field: field())
    }

    // MARK: - Checks

    private func live() throws(XMLReturnError) -> xmlTextWriterPtr {
        guard let writer else { throw XMLReturnError(.writeFailed, "the XML writer is already closed", path: target) }
        return writer
    }

    private func check(_ result: Int32) throws(XMLReturnError) {
        if result < 0 {
            let reason = errors.issues.map(\.message).joined(separator: "; ")
            throw XMLReturnError(
                .writeFailed, "could not write the XML return (\(reason.isEmpty ? LibXML.systemError() : reason))",
                path: target)
        }
    }

    /// XML 1.0 cannot carry C0 control characters other than tab, line feed and carriage return, nor U+FFFE or
    /// U+FFFF; libxml2's writer would write them as they are and make the document unreadable, so refuse them.
    static func requireRepresentable(_ text: String, field: () -> String) throws(XMLReturnError) {
        var mayHoldNonCharacter = false
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
                throw unrepresentable(Unicode.Scalar(byte), field: field())
            }
            if byte == 0xEF { mayHoldNonCharacter = true }
        }
        guard mayHoldNonCharacter else { return }
        for scalar in text.unicodeScalars where scalar.value == 0xFFFE || scalar.value == 0xFFFF {
            throw unrepresentable(scalar, field: field())
        }
    }

    private static func unrepresentable(_ scalar: Unicode.Scalar, field: String) -> XMLReturnError {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return XMLReturnError(.unrepresentableText, "\(field) holds the character \(code), which XML cannot carry")
    }
}

/// Calls `body` with the string as a NUL-terminated `const xmlChar *` (UTF-8 bytes; `UInt8` and `CChar` alias).
func withXMLChars<R>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> R) -> R {
    text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
