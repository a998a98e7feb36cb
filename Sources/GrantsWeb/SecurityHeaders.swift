import HTTPTypes
import Hummingbird

/// Headers on every response, whatever route made it: a Content-Security-Policy allowing only the site's own
/// stylesheet and scripts (no inline script or style), no framing, no MIME sniffing, no referrer sent elsewhere.
/// Behind TLS, Strict-Transport-Security too: a year, so a browser never again tries the site over plain HTTP. A
/// response that does not say how it may be cached is not kept at all (`no-store`): a page made for one person, or
/// holding a form's token, must not be left in a shared cache or the browser's history; the published pages and
/// files, made for everyone, say their own.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// Whether to send Strict-Transport-Security (only when the site is reached over HTTPS).
    let strictTransport: Bool

    static var policy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'"
    }

    /// The fixed headers, each named once; built without a force-unwrap (a name the type refuses is left out).
    static var fixed: [(HTTPField.Name, String)] {
        var fields: [(HTTPField.Name, String)] = [
            (.contentSecurityPolicy, policy), (.xContentTypeOptions, "nosniff"),
        ]
        for (name, value) in [
            ("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY"),
            ("Cross-Origin-Opener-Policy", "same-origin"), ("Permissions-Policy", "interest-cohort=()"),
        ] {
            if let field = HTTPField.Name(name) { fields.append((field, value)) }
        }
        return fields
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        for (name, value) in Self.fixed where response.headers[name] == nil {
            response.headers[name] = value
        }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        if strictTransport, let name = HTTPField.Name("Strict-Transport-Security") {
            response.headers[name] = "max-age=31536000"
        }
        return response
    }
}
