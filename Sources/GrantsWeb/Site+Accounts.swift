import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// Signing in and out, and the account page. The accounts, sessions and sign-in log are the workflows' (`SignIn`);
/// these routes read the form, call it, and set or clear the session cookie.
extension Site {
    var accountRoutes: [Route] {
        [
            .get("/sign-in") { request, context in
                if context.account != nil { return Response(status: .seeOther, headers: [.location: "/account"]) }
                return try self.signInPage(SignInForm(), status: .ok, request, context)
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

    /// The client's address, for throttling and the sign-in log: behind a TLS proxy, the last address of
    /// X-Forwarded-For (the one the proxy added; any before it the client may have written), else the connection's.
    func clientAddress(_ request: Request, _ context: SiteContext) -> String {
        if settings.behindTLS, let forwarded = request.headers[values: HTTPField.Name("X-Forwarded-For")!].last,
           let last = forwarded.split(separator: ",").last
        {
            let address = last.trimmingCharacters(in: .whitespaces)
            if !address.isEmpty, address.utf8.count <= 64 { return address }
        }
        return context.peer ?? "unknown"
    }

    /// The form's values and errors, as the sign-in page shows them.
    struct SignInForm {
        var email = ""
        var emailError: String?
        var passwordError: String?
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
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        guard let fields = FormData(body: Array(body.readableBytesView)) else {
            throw Problem.badRequest("The form could not be read; go back and send it again.")
        }
        try csrf.check(request, context, form: fields)
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
        guard let token = SessionToken(randomBytes: (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        else { throw Problem(status: .internalServerError, title: "Internal Server Error", detail: "No token.") }
        let address = clientAddress(request, context)
        let at = clock()
        let outcome = try await NIOThreadPool.singleton.runIfActive {
            try SignIn.attempt(email: email, password: password, address: address, token: token, at: at, in: accounts)
        }
        switch outcome {
        case .signedIn:
            if let old = context.session { try SignIn.signOut(old, at: at, address: address, in: accounts) }
            var response = Response(status: .seeOther, headers: [.location: "/account"])
            Sessions.set(token, on: &response, secure: settings.behindTLS)
            return response
        case .refused:
            form.emailError = "Enter the email address and password of your account. After repeated failures an "
                + "account is locked: contact the office to unlock it."
            return try signInPage(form, status: .unauthorized, request, context)
        case .throttled:
            form.emailError = "There have been too many attempts to sign in. Wait 15 minutes, then try again."
            var response = try signInPage(form, status: .tooManyRequests, request, context)
            response.headers[.retryAfter] = String(SignIn.window)
            return response
        }
    }

    /// `POST /sign-out`: the session ended in the ledger and its cookie cleared.
    private func signOut(_ request: Request, _ context: SiteContext) async throws -> Response {
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        guard let fields = FormData(body: Array(body.readableBytesView)) else {
            throw Problem.badRequest("The form could not be read; go back and send it again.")
        }
        try csrf.check(request, context, form: fields)
        if let session = context.session {
            try SignIn.signOut(session, at: clock(), address: clientAddress(request, context), in: accountStore())
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
        case .financeOfficer:
            [.init(href: "/dashboard", text: "Dashboard: funds and partnerships"),
             .init(href: "/returns", text: "Spend returns")]
        case .commissioner:
            [.init(href: "/dashboard", text: "Dashboard: funds and partnerships"),
             .init(href: "/returns", text: "Spend returns")]
        }
        return AccountPage(email: account.email, role: account.role.title, organisation: organisation, links: links)
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
    let errors: [Message]
    let hasErrors: Bool

    struct Message {
        let id: String
        let message: String
    }

    init(form: Site.SignInForm, csrf: String) {
        email = form.email
        emailError = form.emailError
        passwordError = form.passwordError
        self.csrf = csrf
        errors = [("email", form.emailError), ("password", form.passwordError)].compactMap { id, message in
            message.map { Message(id: id, message: $0) }
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
