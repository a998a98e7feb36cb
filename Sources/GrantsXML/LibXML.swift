import CLibXML2
import Foundation

/// Small helpers over libxml2's C interface shared by the writer and the validator.
enum LibXML {
    /// libxml2 must be initialised once, before any thread uses it; `static let` runs this exactly once.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Initialises libxml2 if nothing has yet. Never paired with `xmlCleanupParser`: the library is shared by
    /// the whole process.
    static func initialise() {
        _ = initialised
    }

    /// The error's text, trimmed, without the return's namespace in braces so that `{urn:…}award` reads `award`.
    static func message(_ error: xmlError) -> String {
        guard let raw = error.message else { return "unknown error" }
        var text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        text = text.replacingOccurrences(of: "{\(ReturnXMLWriter.namespace)}", with: "")
        return text
    }

    /// Runs `body` with libxml2's errors on this thread (such as those of its output buffers, which have no
    /// context of their own) sent to `collector` instead of standard error, then puts back whatever handler the
    /// thread had. libxml2 keeps this handler per thread, so other threads are not affected.
    static func capturingErrors<R>(into collector: IssueCollector, _ body: () throws(XMLReturnError) -> R)
        throws(XMLReturnError) -> R
    {
        let box = Unmanaged.passRetained(collector)
        let handler = __xmlStructuredError()
        let context = __xmlStructuredErrorContext()
        let saved = (handler?.pointee, context?.pointee)
        handler?.pointee = IssueCollector.structuredError
        context?.pointee = box.toOpaque()
        defer {
            handler?.pointee = saved.0 ?? nil
            context?.pointee = saved.1 ?? nil
            box.release()
        }
        return try body()
    }

    /// The text of `errno`.
    static func systemError(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
