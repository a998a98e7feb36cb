/// A form sent as `multipart/form-data` (RFC 7578), as a browser sends a form with a file input: the checker's
/// upload of a bid file. Strict and bounded: a body that does not end with its closing boundary, a part without a
/// `form-data` disposition and a name, more than `maximumParts` parts or a part's headers over
/// `maximumHeaderBytes` make the whole body unreadable (nil), never a partial form.
struct Multipart: Sendable {
    /// One part: a field's value, or a file with the name it had on the sender's machine.
    struct Part: Sendable {
        let name: String
        /// The file's name as the browser gave it (a file input's part has one, empty when no file was chosen);
        /// nil for an ordinary field.
        let filename: String?
        let bytes: [UInt8]
    }

    static let maximumParts = 16
    static let maximumHeaderBytes = 8 * 1024

    let parts: [Part]

    /// The boundary a `Content-Type` header names, or nil when the type is not `multipart/form-data` or its boundary
    /// is not 1 to 70 characters of RFC 2046's alphabet.
    static func boundary(contentType: String) -> String? {
        let parameters = Self.parameters(contentType)
        guard let type = parameters.first, type.name.lowercased() == "multipart/form-data", type.value == nil,
              let boundary = parameters.dropFirst().first(where: { $0.name.lowercased() == "boundary" })?.value,
              (1...70).contains(boundary.utf8.count), !boundary.hasSuffix(" "),
              boundary.utf8.allSatisfy(isBoundaryByte)
        else { return nil }
        return boundary
    }

    /// Reads a body whose parts are separated by `boundary`; nil when it is malformed.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = [0x0D, 0x0A] + delimiter
        // The first delimiter starts the body or a line (anything before it is a preamble, ignored).
        guard var position = body.starts(with: delimiter)
            ? delimiter.count : Self.find(separator, in: body, from: 0).map({ $0 + separator.count })
        else { return nil }
        var parts: [Part] = []
        while true {
            // After a delimiter: `--` closes the body; otherwise optional spaces and a line break start a part.
            if body[position...].starts(with: [0x2D, 0x2D]) { break }
            while position < body.count && (body[position] == 0x20 || body[position] == 0x09) { position += 1 }
            guard body[position...].starts(with: [0x0D, 0x0A]) else { return nil }
            position += 2
            guard parts.count < Self.maximumParts,
                  let headersEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: position,
                                             before: position + Self.maximumHeaderBytes),
                  let disposition = Self.disposition(body[position..<headersEnd])
            else { return nil }
            // An empty part's separator follows its headers' line break directly (its CR LF is the separator's).
            guard let contentEnd = Self.find(separator, in: body, from: headersEnd + 2) else { return nil }
            let contentStart = min(headersEnd + 4, contentEnd)
            parts.append(Part(name: disposition.name, filename: disposition.filename,
                              bytes: Array(body[contentStart..<contentEnd])))
            position = contentEnd + separator.count
        }
        self.parts = parts
    }

    /// The ordinary fields, as a form. A field whose value is not UTF-8 is left out: the only ordinary field the
    /// upload form has is its CSRF token, which is then missing and refused.
    var fields: FormData {
        FormData(parts.compactMap { part in
            guard part.filename == nil, let value = String(validating: part.bytes, as: UTF8.self) else { return nil }
            return (part.name, value)
        })
    }

    /// The first file sent under `name`.
    func file(_ name: String) -> Part? {
        parts.first { $0.name == name && $0.filename != nil }
    }

    // MARK: - Reading

    private static func isBoundaryByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        default: Array("'()+_,-./:=? ".utf8).contains(byte)
        }
    }

    /// Where `needle` first occurs in `haystack` at or after `start` (and starting before `limit`).
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, before limit: Int = .max)
        -> Int?
    {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        let last = min(haystack.count - needle.count, limit - 1)
        var index = start
        while index <= last {
            if haystack[index] == first && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The part's `Content-Disposition: form-data; name="…"; filename="…"`, from its header block; nil when the
    /// block is not UTF-8 header lines or has no such header.
    private static func disposition(_ block: ArraySlice<UInt8>) -> (name: String, filename: String?)? {
        guard let text = String(validating: block, as: UTF8.self) else { return nil }
        var found: (name: String, filename: String?)?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            guard line[..<colon].lowercased() == "content-disposition" else { continue }
            let parameters = Self.parameters(String(line[line.index(after: colon)...]))
            guard found == nil, parameters.first?.name.lowercased() == "form-data",
                  let name = parameters.first(where: { $0.name.lowercased() == "name" })?.value
            else { return nil }
            // A file input's part has a file name, even an empty one; an ordinary field's has none.
            let filename = parameters.first { $0.name.lowercased() == "filename" }.map { $0.value ?? "" }
            found = (name, filename)
        }
        return found
    }

    /// A header value's `;`-separated items, each a name and, after `=`, a value (a quoted string's quotes removed;
    /// a browser escapes a quote in a file name as `%22`, so a backslash inside quotes is taken as it stands). Read a
    /// Unicode scalar at a time: a quote or `;` followed by a combining mark still ends what it ends.
    static func parameters(_ header: String) -> [(name: String, value: String?)] {
        func text(_ scalars: Substring.UnicodeScalarView) -> String { String(String.UnicodeScalarView(scalars)) }
        func trimmed(_ scalars: Substring.UnicodeScalarView) -> String {
            var view = scalars
            while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
            while let last = view.last, last == " " || last == "\t" { view.removeLast() }
            return text(view)
        }
        var items: [(name: String, value: String?)] = []
        var rest = Substring(header).unicodeScalars
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            let name = rest.prefix { $0 != ";" && $0 != "=" }
            rest = rest.dropFirst(name.count)
            var value: String?
            if rest.first == "=" {
                rest = rest.dropFirst()
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    let quoted = rest.prefix { $0 != "\"" }
                    rest = rest.dropFirst(quoted.count + 1)
                    value = text(quoted)
                    rest = rest.drop { $0 != ";" }
                } else {
                    let token = rest.prefix { $0 != ";" }
                    rest = rest.dropFirst(token.count)
                    value = trimmed(token)
                }
            }
            if rest.first == ";" { rest = rest.dropFirst() }
            let trimmedName = trimmed(name)
            if !trimmedName.isEmpty || value != nil { items.append((trimmedName, value)) }
        }
        return items
    }
}
