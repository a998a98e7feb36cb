import GrantsWorkflows
import HTTPTypes
import Hummingbird

/// Cross-site request forgery, refused with a double-submit token: a page with a form sets a random token in a
/// cookie that only this site's pages can send (SameSite=Strict, HttpOnly) and puts the same token in the form;
/// a state-changing request must carry both, equal. A form posted from another site has neither.
///
/// Behind TLS the cookie is `Secure` and named with the `__Host-` prefix, which a browser accepts only from this
/// host over HTTPS, for the whole site: a neighbouring subdomain, or a page over plain HTTP, cannot plant one.
struct CSRF: Sendable {
    /// Whether the site is reached over HTTPS.
    let secure: Bool

    init(secure: Bool) {
        self.secure = secure
    }

    /// The cookie's name.
    var cookie: String { secure ? "__Host-grants-csrf" : "grants-csrf" }

    /// The token a page's forms carry: signed in, one derived from the session (so it changes with each sign-in and
    /// cannot be planted by anyone who cannot read the session); signed out, the cookie's token or a new one: 32
    /// random bytes as hex, from the system's generator.
    func token(from request: Request, _ context: SiteContext) -> String {
        if let session = context.session { return session.derived("csrf") }
        if let value = request.cookies[cookie]?.value, Self.isWellFormed(value) { return value }
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            text += String(repeating: "0", count: 16 - hex.count) + hex
        }
        return text
    }

    /// Sets the token's cookie on a response.
    func set(_ token: String, on response: inout Response) {
        response.setCookie(
            Cookie(name: cookie, value: token, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
    }

    /// Refuses a form whose token is missing or differs from what the page was given: the session's (signed in), or
    /// the cookie's.
    func check(_ request: Request, _ context: SiteContext, form: FormData) throws(Problem) {
        let sent = form["csrf"]
        let expected = context.session.map { $0.derived("csrf") } ?? request.cookies[cookie]?.value
        guard let expected, Self.isWellFormed(expected), Self.isWellFormed(sent),
              Self.equal(Array(expected.utf8), Array(sent.utf8))
        else {
            throw Problem(
                status: .forbidden, title: "Forbidden",
                detail: "This form has expired or did not come from this site. Go back, reload the page and try again.")
        }
    }

    private static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Compares every byte whatever the first difference, so the time taken says nothing of the token.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
