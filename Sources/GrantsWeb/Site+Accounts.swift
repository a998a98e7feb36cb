import Foundation
import GrantsCore
import GrantsWorkflows
import Synchronization
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// Signing in and out, and the account page. The accounts, sessions and sign-in log are the workflows' (`SignIn`);
/// these routes read the form, call it, and set or clear the session cookie.
extension Site {
    var accountRoutes: [Route] {
        [
            // Shown whether or not someone is signed in: signing in again (as someone else, say) ends the session the
            // browser had.
            .get("/sign-in") { request, context in
                var form = SignInForm()
                form.registered = try self.query(request)["registered"] == "1"
                return try self.signInPage(form, status: .ok, request, context)
            },
            .post("/sign-in") { request, context in try await self.signIn(request, context) },
            .post("/sign-out", .everyRole) { request, context in try await self.signOut(request, context) },
            .get("/signed-out") { request, context in
                self.html("signedout", title: "You have signed out", SignedOutPage(), context: context)
            },
            .get("/account", .everyRole) { request, context in
                let account = try context.signedIn()
                return self.html("account", title: "Your account", try self.accountPage(account), context: context)
            },
        ]
    }

    /// A page for the person signed in (or no one): the layout shows who, with the sign-out button.
    func html(_ template: String, title: String, _ object: Any, status: HTTPResponse.Status = .ok,
              context: SiteContext) -> HTML
    {
        HTML(text: pages.render(template, title: title, object, viewer: viewer(context)), status: status)
    }

    func viewer(_ context: SiteContext) -> Pages.Viewer? {
        guard let account = context.account, let session = context.session else { return nil }
        return Pages.Viewer(email: account.email, role: account.role.title, csrf: session.derived("csrf"))
    }

    /// The accounts, or a 404 page when the server has none (no ledger, or one opened only to read).
    func accountStore() throws -> any AccountStore {
        guard let accounts else {
            throw Problem.notFound("This server has no accounts: it serves the public pages only.")
        }
        return accounts
    }

    /// The client's address, for throttling and the sign-in log, as `ClientAddress` counts it: with
    /// `trustForwardedFor`, the last address of X-Forwarded-For (the one the proxy added; any before it the client
    /// may have written); else the connection's.
    func clientAddress(_ request: Request, _ context: SiteContext) -> String {
        if settings.trustForwardedFor, let name = HTTPField.Name("X-Forwarded-For"),
           let forwarded = request.headers[values: name].last,
           let last = forwarded.split(separator: ",").last,
           let address = ClientAddress.counted(last.trimmingCharacters(in: .whitespaces))
        {
            return address
        }
        return context.peer.flatMap(ClientAddress.counted) ?? "unknown"
    }

    /// The form's values and errors, as the sign-in page shows them.
    struct SignInForm {
        var email = ""
        var emailError: String?
        var passwordError: String?
        /// Whether they have just set their password through an invitation.
        var registered = false
    }

    private func signInPage(_ form: SignInForm, status: HTTPResponse.Status, _ request: Request, _ context: SiteContext)
        throws -> Response
    {
        let token = csrf.token(from: request, context)
        let page = SignInPage(form: form, csrf: token)
        var response = try HTML(
            text: pages.render("signin", title: (page.hasErrors ? "Error: " : "") + "Sign in", page), status: status
        ).response(from: request, context: context)
        if context.session == nil { csrf.set(token, on: &response) }
        return response
    }

    /// `POST /sign-in`: the form checked, then the attempt (bcrypt, off the event loop); a new session and cookie
    /// when it succeeds, whatever session the browser held before (no session fixation).
    private func signIn(_ request: Request, _ context: SiteContext) async throws -> Response {
        let accounts = try accountStore()
        let fields = try await postedForm(request, context)
        var form = SignInForm(email: fields["email"])
        let typed = fields["email"].trimmingCharacters(in: .whitespaces)
        let email = EmailAddress(typed)
        if typed.isEmpty {
            form.emailError = "Enter your email address"
        } else if email == nil {
            form.emailError = "Enter an email address in the correct format, like name@example.com"
        }
        let password = fields["password"]
        if password.isEmpty { form.passwordError = "Enter your password" }
        guard let email, !password.isEmpty else {
            return try signInPage(form, status: .unprocessableContent, request, context)
        }
        var generator = SystemRandomNumberGenerator()
        let token = SessionToken(using: &generator)
        let address = clientAddress(request, context)
        let at = clock()
        func throttled() throws -> Response {
            form.emailError = "There have been too many attempts to sign in. Wait 15 minutes, then try again."
            var response = try signInPage(form, status: .tooManyRequests, request, context)
            response.headers[.retryAfter] = String(SignIn.window)
            return response
        }
        // Throttled attempts are answered before they can queue for a bcrypt check.
        if try await onLedgerThread({ () throws(WorkflowError) in
            try SignIn.isThrottled(email: email, address: address, at: at, in: accounts)
        }).get() {
            return try throttled()
        }
        // bcrypt takes a quarter of a second of a core: a few at a time on a thread of their own, never on the
        // threads that answer requests, and beyond that the sender is asked to come back.
        let outcome = try await hashing {
            try SignIn.attempt(email: email, password: password, address: address, token: token, at: at, in: accounts)
        }
        switch outcome {
        case .signedIn:
            if let old = context.session {
                try await NIOThreadPool.singleton.runIfActive {
                    try SignIn.signOut(old, at: at, address: address, in: accounts)
                }
            }
            var response = Response(status: .seeOther, headers: [.location: "/account"])
            Sessions.set(token, on: &response, secure: settings.behindTLS)
            return response
        case .refused:
            form.emailError = "Enter the email address and password of your account. After repeated failures an "
                + "account is locked: contact the office to unlock it."
            return try signInPage(form, status: .unauthorized, request, context)
        case .throttled:
            return try throttled()
        }
    }

    /// `POST /sign-out`: the session ended in the ledger and its cookie cleared.
    private func signOut(_ request: Request, _ context: SiteContext) async throws -> Response {
        _ = try await postedForm(request, context)
        if let session = context.session {
            let (at, address, accounts) = (clock(), clientAddress(request, context), try accountStore())
            try await NIOThreadPool.singleton.runIfActive {
                try SignIn.signOut(session, at: at, address: address, in: accounts)
            }
        }
        var response = Response(status: .seeOther, headers: [.location: "/signed-out"])
        Sessions.clear(on: &response, secure: settings.behindTLS)
        return response
    }

    private func accountPage(_ account: Account) throws -> AccountPage {
        let organisation = try account.organisation.map { id in
            let found = try store.flatMap { store in try store.organisation(id) }
            return found.map { "\($0.name) (\(id.rawValue))" } ?? id.rawValue
        }
        let links: [AccountPage.Link] = switch account.role {
        case .applicant:
            [.init(href: "/organisation", text: "Your organisation's bids and grants"), .init(href: "/", text: "Check a bid")]
        case .financeOfficer, .commissioner:
            [.init(href: "/dashboard", text: "Dashboard: funds and partnerships"),
             .init(href: "/round", text: "The bids of the year"), .init(href: "/claims", text: "Claims to pay"),
             .init(href: "/returns", text: "Spend returns"), .init(href: "/outcomes", text: "Outcomes reported"),
             .init(href: "/year-end", text: "Year end: what keeps a year open"),
             .init(href: "/reconcile", text: "Reconciliation"), .init(href: "/history", text: "History")]
        }
        return AccountPage(email: account.email, role: account.role.title, organisation: organisation, links: links)
    }
}

extension Site {
    /// Runs `body`, which checks or sets a password with bcrypt, on `Site.hashing`, at most `signInGate`'s limit at
    /// once (running or waiting): beyond it the sender is asked to come back (503).
    func hashing<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard signInGate.enter() else {
            throw Problem(
                status: .serviceUnavailable, title: "Service Unavailable",
                detail: "Too many people are signing in at this moment. Wait a minute, then try again.",
                headers: [.retryAfter: "60"])
        }
        defer { signInGate.leave() }
        return try await Site.hashing.runIfActive(body)
    }

    /// The thread bcrypt runs on, apart from the ledger's work (`NIOThreadPool.singleton`) and the requests'.
    static let hashing: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 1)
        pool.start()
        return pool
    }()
}

/// A count of work in progress with a limit: `enter` says whether there is room.
final class Gate: Sendable {
    let limit: Int
    private let count = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    func enter() -> Bool {
        count.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        count.withLock { $0 -= 1 }
    }
}

/// A client's address as throttling counts it: an IPv4 address as it is (an IPv4-mapped IPv6 one as IPv4); an IPv6
/// address by its /64 network, which one subscriber usually holds whole, so that walking through its addresses does
/// not escape the limit. Anything that is not an IP address is not one (nil).
enum ClientAddress {
    static func counted(_ given: String) -> String? {
        guard !given.isEmpty, given.utf8.count <= 64 else { return nil }
        // As a proxy may write it: `[2001:db8::1]:443`, `192.0.2.7:443`, `fe80::1%eth0`.
        var text = Substring(given)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            text = text[text.index(after: text.startIndex)..<close]
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = text[..<colon]
        }
        if let zone = text.firstIndex(of: "%") { text = text[..<zone] }
        let address = String(text)
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 {
            return withUnsafeBytes(of: &v4) { bytes in bytes.map { String($0) }.joined(separator: ".") }
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return bytes[12..<16].map { String($0) }.joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}

extension SiteContext {
    /// The account signed in; a route whose access is a role always has one (checked before its handler runs).
    func signedIn() throws -> Account {
        guard let account else {
            throw Problem(status: .unauthorized, title: "Unauthorized", detail: "Sign in to do this.")
        }
        return account
    }
}

struct SignInPage {
    let email: String
    let emailError: String?
    let passwordError: String?
    let csrf: String
    let errors: [FieldMessage]
    let hasErrors: Bool
    let registered: Bool

    init(form: Site.SignInForm, csrf: String) {
        registered = form.registered
        email = form.email
        emailError = form.emailError
        passwordError = form.passwordError
        self.csrf = csrf
        errors = [("email", form.emailError), ("password", form.passwordError)].compactMap { id, message in
            message.map { FieldMessage(id: id, message: $0) }
        }
        hasErrors = !errors.isEmpty
    }
}

struct SignedOutPage {}

struct AccountPage {
    struct Link {
        let href: String
        let text: String
    }

    let email: String
    let role: String
    let organisation: String?
    let links: [Link]
}
