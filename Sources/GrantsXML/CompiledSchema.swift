import CLibXML2
import Foundation

/// The shipped XSD, compiled once for the process and never freed.
///
/// libxml2 allows one compiled schema to be used by many validation contexts on many threads at once; each
/// validation makes its own context.
final class CompiledSchema: @unchecked Sendable {
    let pointer: xmlSchemaPtr

    private init(_ pointer: xmlSchemaPtr) {
        self.pointer = pointer
    }

    /// Compiled on first use, by whichever thread comes first, exactly once.
    static let shared: Result<CompiledSchema, XMLReturnError> = Result { () throws(XMLReturnError) in
        guard let url = ReturnValidator.schemaURL else {
            throw XMLReturnError(
                .schemaUnavailable,
                "the return schema \(ReturnValidator.schemaFileName) was not found beside the program "
                    + "(ship grants_GrantsXML.resources with it)")
        }
        return try compile(url)
    }

    /// Compiles the XSD at `url`, read as bytes (so its path is never taken for a URI).
    static func compile(_ url: URL) throws(XMLReturnError) -> CompiledSchema {
        LibXML.initialise()
        var bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: url))
        } catch {
            throw XMLReturnError(.schemaUnavailable, "could not read the return schema: \(error)", path: url.path)
        }
        bytes = withoutIdentityConstraints(bytes)
        let collector = IssueCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        let schema: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress,
                  let context = base.withMemoryRebound(to: CChar.self, capacity: buffer.count, {
                      xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
                  })
            else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, IssueCollector.structuredError, box.toOpaque())
            return xmlSchemaParse(context)
        }
        guard let schema else {
            let reasons = collector.issues.map(\.description).joined(separator: "; ")
            throw XMLReturnError(
                .schemaUnavailable, "the return schema does not compile: \(reasons.isEmpty ? "unknown error" : reasons)",
                path: url.path)
        }
        return CompiledSchema(schema)
    }

    /// The schema's text without its `xs:key`, `xs:keyref` and `xs:unique` elements: libxml2 would keep every value
    /// they select until the document ends (about 800 MiB for a million award lines); `IdentityConstraints` checks
    /// them as the document streams by instead. The published file keeps them, for xmllint and everyone else.
    static func withoutIdentityConstraints(_ bytes: [UInt8]) -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        for name in ["keyref", "key", "unique"] {
            while let start = text.range(of: "<xs:\(name) "),
                  let end = text.range(of: "</xs:\(name)>", range: start.upperBound..<text.endIndex)
            {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        return Array(text.utf8)
    }
}
