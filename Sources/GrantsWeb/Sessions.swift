import Foundation
import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// The signed-in session of each request: read from its cookie before routing, so that every route and the layout
/// know who is signed in; a cookie that names no live session is ignored (and cleared). Whether a route may be used
/// is decided by the route itself (`Route`, from the table's `Access`), never here.
struct Sessions: RouterMiddleware {
    typealias Context = SiteContext

    let accounts: (any AccountStore)?
    let secure: Bool
    let clock: @Sendable () -> Timestamp

    /// The session cookie's name; behind TLS `__Host-` prefixed, so that a browser takes it only from this host over
    /// HTTPS for the whole site.
    static func cookie(secure: Bool) -> String { secure ? "__Host-grants-session" : "grants-session" }

    func handle(_ request: Request, context: SiteContext, next: (Request, SiteContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        // A program on the JSON API: its token (`grants user token add`) is who it is, whatever cookie it sends. A
        // token that does not work is refused, never taken for no one.
        if request.uri.path.hasPrefix("/api/"), let authorization = request.headers[.authorization],
           authorization.lowercased().hasPrefix("bearer") {
            let at = clock()
            guard let accounts,
                  let account = try await NIOThreadPool.singleton.runIfActive({
                      try APITokens.account(authorization: authorization, at: at, in: accounts)
                  })
            else {
                var headers = HTTPFields()
                if let name = HTTPField.Name("WWW-Authenticate") { headers[name] = "Bearer error=\"invalid_token\"" }
                throw Problem(
                    status: .unauthorized, title: "Unauthorized",
                    detail: "The token is not one this server knows, or it has expired or been revoked.",
                    headers: headers)
            }
            context.account = account
            return try await next(request, context)
        }
        let name = Self.cookie(secure: secure)
        guard let accounts, let value = request.cookies[name]?.value else { return try await next(request, context) }
        let at = clock()
        // On the ledger's threads, not the requests': a session in use has its last-seen time written now and then,
        // and a write may wait for another process's.
        if let token = SessionToken(cookie: value),
           let account = try await NIOThreadPool.singleton.runIfActive({
               try SignIn.account(token, at: at, in: accounts)
           })
        {
            context.account = account
            context.session = token
            return try await next(request, context)
        }
        // A cookie for no live session (signed out, timed out, or never ours): removed from the browser, with the
        // answer or with the refusal that sends the person to sign in (`Access.check`).
        context.clearSession = Self.clearing(secure: secure).description
        var response = try await next(request, context)
        if response.headers[values: .setCookie].allSatisfy({ !$0.hasPrefix(name + "=") }) {
            Self.clear(on: &response, secure: secure)
        }
        return response
    }

    /// Sets the session cookie: HttpOnly, SameSite=Strict, for the whole site, gone when the browser closes.
    static func set(_ token: SessionToken, on response: inout Response, secure: Bool) {
        response.setCookie(Cookie(
            name: cookie(secure: secure), value: token.text, path: "/", secure: secure, httpOnly: true,
            sameSite: .strict))
    }

    /// Removes the session cookie from the browser.
    static func clear(on response: inout Response, secure: Bool) {
        response.setCookie(clearing(secure: secure))
    }

    static func clearing(secure: Bool) -> Cookie {
        Cookie(name: cookie(secure: secure), value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true,
               sameSite: .strict)
    }
}

extension Access {
    /// Refuses `context`'s account when the route is not for it: signed out, a person is sent to sign in (a page
    /// asked for with GET) or told to (401); signed in with another role, 403. The one place a route's access is
    /// checked: every route's handler calls it first (`Route.get`, `Route.post`), so no path the router matches can
    /// reach a handler without it.
    func check(_ request: Request, _ context: SiteContext) throws {
        guard !allows(context.account) else { return }
        if context.account == nil {
            var headers: HTTPFields = [:]
            if let clearing = context.clearSession { headers[.setCookie] = clearing }
            if request.method == .get || request.method == .head, !request.uri.path.hasPrefix("/api/") {
                headers[.location] = "/sign-in"
                throw Problem(status: .seeOther, title: "See Other", detail: "Sign in to see this page.", headers: headers)
            }
            throw Problem(status: .unauthorized, title: "Unauthorized", detail: "Sign in to do this.", headers: headers)
        }
        throw Problem(status: .forbidden, title: "Forbidden", detail: "Your account may not see or do this.")
    }
}
