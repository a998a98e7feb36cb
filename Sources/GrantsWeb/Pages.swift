import Foundation
import GrantsFiles
import GrantsReports
import HTTPTypes
import Hummingbird
import Mustache

/// The site's Mustache templates and static files, read once when the server starts from the package's resources.
/// Every page is a template rendered into `layout`; Mustache escapes every value it puts in a page.
struct Pages: Sendable {
    /// Why the site cannot start: its templates or static files are missing or do not parse.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    private let library: MustacheLibrary
    /// The static files by name (`app.css`), with their content types.
    let statics: [String: (type: String, bytes: [UInt8])]

    init() throws(Missing) {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        guard let templates = ShippedResource.find(
                "Templates", bundle: "grants_GrantsWeb.resources", sourceFolder: source, isFolder: true),
              let statics = ShippedResource.find(
                "Static", bundle: "grants_GrantsWeb.resources", sourceFolder: source, isFolder: true)
        else {
            throw Missing(description: "the web templates are not beside the grants binary (grants_GrantsWeb.resources)")
        }
        MustacheContentTypes.register(ScalarHTML(), named: ScalarHTML.name)
        var library = MustacheLibrary()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templates.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = templates.appendingPathComponent(name).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Missing(description: "cannot read the template \(path)")
            }
            do {
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw Missing(description: "the template \(path) does not parse: \(error)")
            }
        }
        self.library = library
        var files: [String: (type: String, bytes: [UInt8])] = [:]
        let types = [
            "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml",
            "json": "application/json",
        ]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: statics.path)) ?? [] {
            guard let type = types[(name as NSString).pathExtension],
                  let data = FileManager.default.contents(atPath: statics.appendingPathComponent(name).path)
            else { continue }
            files[name] = (type, [UInt8](data))
        }
        self.statics = files
    }

    /// `template` rendered with `object`, inside the layout with the page's title and, for a page made for one
    /// person, who is signed in (with the sign-out button). A page kept and served to everyone has no viewer.
    func render(_ template: String, title: String, _ object: Any, viewer: Viewer? = nil) -> String {
        let content = library.render(object, withTemplate: template) ?? ""
        return library.render(Layout(title: title, content: content, viewer: viewer), withTemplate: "layout") ?? content
    }

    /// What the layout shows around a page.
    private struct Layout {
        let title: String
        let content: String
        let viewer: Viewer?
    }

    /// The person signed in, as the layout shows them, with the token its sign-out form carries.
    struct Viewer: Sendable {
        let email: String
        let role: String
        let csrf: String
    }
}

extension Response {
    /// A whole body of `type` (`text/html; charset=utf-8`, `application/json`…), with any other headers.
    static func body(
        _ buffer: ByteBuffer, type: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = type
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }
}

/// An HTML page as a response.
struct HTML: ResponseGenerator {
    let text: String
    var status: HTTPResponse.Status = .ok

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .body(ByteBuffer(string: text), type: "text/html; charset=utf-8", status: status)
    }
}

/// JSON bytes as a response.
struct JSONBody: ResponseGenerator {
    let bytes: [UInt8]

    func response(from request: Request, context: some RequestContext) throws -> Response {
        .body(ByteBuffer(bytes: bytes), type: "application/json")
    }
}

/// The site's escaping for Mustache: `HTMLText.escape`, a Unicode scalar at a time. Mustache's own escapes whole
/// `Character`s, so a quote followed by a combining mark would pass unescaped and end an attribute in the browser.
/// Every template names it on its first line: `{{% CONTENT_TYPE: SCALARHTML}}`.
struct ScalarHTML: MustacheContentType {
    static let name = "SCALARHTML"

    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
