import GrantsCore
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import NIOPosix

/// Registering: a person opens the one-time link an administrator gave them (`grants user add --invite`, `grants
/// user invite`) and chooses their password; then they sign in with it. The link's token is in the path, which the
/// access log leaves out; a link that does not work (never made, used, replaced, expired, or its account disabled)
/// gets one answer.
extension Site {
    var registrationRoutes: [Route] {
        [
            .get("/register/{token}") { request, context in
                let (token, account) = try await self.invitation(context)
                return try self.registerPage(token: token, account: account, errors: [], status: .ok, request, context)
            },
            .post("/register/{token}") { request, context in try await self.register(request, context) },
        ]
    }

    /// The token in the path and the account it sets the password of; not found when the link does not work.
    private func invitation(_ context: SiteContext) async throws -> (SessionToken, Account) {
        let accounts = try accountStore()
        let at = clock()
        guard let token = SessionToken(cookie: try context.parameters.require("token")),
              let account = try await NIOThreadPool.singleton.runIfActive({
                  try Invitations.account(for: token, at: at, in: accounts)
              })
        else {
            throw Self.unusableLink
        }
        return (token, account)
    }

    /// One answer for every link that does not work, whatever the reason: 410 Gone.
    static let unusableLink = Problem(
        status: .gone, title: "Gone",
        detail: "This link does not work: it has been used, it has expired, or a newer one was sent. Ask the office for "
            + "a new link.")

    private func registerPage(
        token: SessionToken, account: Account, errors: [FieldMessage], status: HTTPResponse.Status, _ request: Request,
        _ context: SiteContext
    ) throws -> Response {
        let csrfToken = csrf.token(from: request, context)
        let page = RegisterPage(
            email: account.email, action: Invitations.path(token), csrf: csrfToken, errors: errors)
        var response = try HTML(
            text: pages.render("register", title: (errors.isEmpty ? "" : "Error: ") + "Choose your password", page,
                               viewer: viewer(context)),
            status: status
        ).response(from: request, context: context)
        if context.session == nil { csrf.set(csrfToken, on: &response) }
        return response
    }

    /// `POST /register/{token}`: the password checked and hashed (bcrypt, on its own thread, as at sign-in), the link
    /// used; then to the sign-in page.
    private func register(_ request: Request, _ context: SiteContext) async throws -> Response {
        let form = try await postedForm(request, context)
        let (token, account) = try await invitation(context)
        let accounts = try accountStore()
        let (password, confirmation) = (form["password"], form["confirmation"])
        if password.isEmpty {
            return try registerPage(
                token: token, account: account, errors: [FieldMessage(id: "password", message: "Enter a password")],
                status: .unprocessableContent, request, context)
        }
        let (at, address) = (clock(), clientAddress(request, context))
        let outcome = try await hashing {
            try Invitations.register(
                token: token, password: password, confirmation: confirmation, address: address, at: at, in: accounts)
        }
        switch outcome {
        case .registered:
            return Response(status: .seeOther, headers: [.location: "/sign-in?registered=1"])
        case .refused(let field, let message):
            return try registerPage(
                token: token, account: account, errors: [FieldMessage(id: field, message: message)],
                status: .unprocessableContent, request, context)
        case .unusable:
            throw Self.unusableLink
        }
    }
}

struct RegisterPage {
    let email: String
    let action: String
    let csrf: String
    let errors: [FieldMessage]
    let hasErrors: Bool
    let passwordError: String?
    let confirmationError: String?

    init(email: String, action: String, csrf: String, errors: [FieldMessage]) {
        self.email = email
        self.action = action
        self.csrf = csrf
        self.errors = errors
        hasErrors = !errors.isEmpty
        passwordError = errors.first { $0.id == "password" }?.message
        confirmationError = errors.first { $0.id == "confirmation" }?.message
    }
}
