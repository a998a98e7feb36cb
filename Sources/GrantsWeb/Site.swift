import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// The web application: the public side of the grants ledger. Scheme pages made from the shipped rulebooks, the bid
/// checker, and the JSON API. Every route parses its request, calls one workflow, and renders; the rules, the
/// ledger and the reports are the same code the command line runs.
public struct Site: Sendable {
    /// How large a request body may be: a bid is a few kilobytes; a bid file is at most 1 MiB.
    public static let bodyLimit = 1024 * 1024

    /// How the site is reached and how long it waits for a client.
    public struct Settings: Sendable {
        /// Whether people reach the site over HTTPS, through a TLS proxy in front of it: cookies are then `Secure`
        /// (the CSRF cookie `__Host-` named) and Strict-Transport-Security is sent.
        public var behindTLS: Bool
        /// How long a connection may wait for a request's head, or stay open with no request, before it is closed
        /// (a client sending its headers a byte at a time holds nothing for long).
        public var idleTimeout: Duration
        /// How long a request's body may take to arrive; a slower one is answered 408 Request Timeout.
        public var requestTimeout: Duration
        /// Whether the proxy in front of the site appends the client's address to X-Forwarded-For, so that its last
        /// entry may be trusted as the client's (for throttling sign-ins and the sign-in log); else the
        /// connection's address is used.
        public var trustForwardedFor: Bool

        public init(
            behindTLS: Bool = false, idleTimeout: Duration = .seconds(60), requestTimeout: Duration = .seconds(30),
            trustForwardedFor: Bool = false
        ) {
            self.behindTLS = behindTLS
            self.idleTimeout = idleTimeout
            self.requestTimeout = requestTimeout
            self.trustForwardedFor = trustForwardedFor
        }
    }

    let rulebooks: RulebookLibrary
    let store: (any LedgerStore)?
    /// The accounts people sign in with; nil serves the public side only (no ledger, or one opened read-only).
    let accounts: (any AccountStore)?
    /// Now, as the ledger writes it: the server reads the clock here, and passes the time down.
    let clock: @Sendable () -> Timestamp
    let pages: Pages
    let settings: Settings
    let csrf: CSRF
    let cache = PublishedCache()
    let screening: ScreeningCache
    /// At most this many sign-ins checking a password at once (running or waiting); any more are told to try again.
    let signInGate = Gate(limit: 8)

    /// A site over `store` (nil: rules that read the ledger say they cannot tell) and `accounts` (nil: no one signs
    /// in), with every shipped rulebook read and checked now, so that no request reads a file. `clock` is now.
    public init(
        store: (any LedgerStore)?, accounts: (any AccountStore)? = nil, settings: Settings = Settings(),
        clock: @escaping @Sendable () -> Timestamp = Site.systemClock
    ) throws(WorkflowError) {
        rulebooks = try RulebookLibrary.shipped()
        screening = ScreeningCache(rulebooks: rulebooks)
        self.store = store
        self.accounts = accounts
        self.clock = clock
        if accounts != nil { SignIn.prepare() }
        self.settings = settings
        csrf = CSRF(secure: settings.behindTLS)
        do {
            pages = try Pages()
        } catch {
            throw WorkflowError(.io, error.description)
        }
    }

    /// The system's clock, to the second, in UTC.
    @Sendable public static func systemClock() -> Timestamp {
        let seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
        // Between years 1 and 9999 on any working clock; the epoch otherwise, rather than a crash.
        return Timestamp(secondsSinceEpoch: seconds) ?? Timestamp(secondsSinceEpoch: 0)!
    }

    /// Every route of the site, in the order the router has them.
    var routes: [Route] {
        publicRoutes + accountRoutes + registrationRoutes + officeRoutes + applicantRoutes + bidRoutes + reportRoutes + yearEndRoutes + ledgerRoutes + claimRoutes + awardRoutes
    }

    /// The public side: the schemes, the checker, the grants published, the API.
    private var publicRoutes: [Route] {
        [
            .get("/health") { _, _ in JSONBody(bytes: Array("{\"status\":\"ok\"}\n".utf8)) },
            .get("/static/{name}") { _, context in try self.staticFile(context.parameters.require("name")) },
            .get("/") { _, _ in
                HTML(text: self.pages.render("home", title: "Grants of the Police and Crime Commissioner",
                                             HomePage(self.rulebooks.rulebooks)))
            },
            .get("/schemes/{scheme}/{year}") { _, context in
                let book = try self.rulebook(context)
                return HTML(text: self.pages.render("scheme", title: book.title, SchemePage(book)))
            },
            .get("/schemes/{scheme}/{year}/check") { request, context in
                let book = try self.rulebook(context)
                let token = self.csrf.token(from: request, context)
                var response = try HTML(text: self.pages.render(
                    "checker", title: "Check your bid: \(book.title)",
                    CheckerPage(book: book, form: FormData(), csrf: token, error: nil, verdict: nil),
                    viewer: self.viewer(context))
                ).response(from: request, context: context)
                if context.session == nil { self.csrf.set(token, on: &response) }
                return response
            },
            .post("/schemes/{scheme}/{year}/check") { request, context in try await self.check(request, context) },
            .post("/schemes/{scheme}/{year}/check/file") { request, context in
                try await self.checkFile(request, context)
            },
            .get("/grants") { _, _ in
                HTML(text: self.pages.render("years", title: "Grants we have made", PublishedYears(try self.years())))
            },
            .get("/grants/{year}") { request, context in
                let year = try self.publishedYear(context)
                return try self.fromLedger(request, key: "page \(year.label)", type: "text/html; charset=utf-8") {
                    let grants = try PublishedGrants(try self.register(year), year: year)
                    return Array(self.pages.render("grants", title: "Grants made in \(year.label)", grants).utf8)
                }
            },
            .get("/grants/{year}/{file}") { request, context in try self.download(request, context) },
            .get("/api/v1/openapi.json") { _, _ in try self.staticFile("openapi.json") },
            .get("/api/v1/schemes") { _, _ in JSONBody(bytes: API.schemes(self.rulebooks.rulebooks)) },
            .get("/api/v1/schemes/{scheme}/{year}") { _, context in
                JSONBody(bytes: API.rulebook(try self.rulebook(context)))
            },
            .post("/api/v1/bids/check") { request, context in try await self.checkBid(request, context) },
            .get("/api/v1/grants/{year}") { request, context in
                try self.published(request, try self.publishedYear(context), format: .threeSixtyGivingJSON, download: nil)
            },
        ]
    }

    /// Every route, behind the middleware that logs each request, sets the security headers, turns errors into
    /// responses and answers 405 for a method a path does not take.
    public func router() -> Router<SiteContext> {
        let router = Router(context: SiteContext.self)
        let routes = routes
        // The access log: method, path, status and time of every request, through swift-log.
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders(strictTransport: settings.behindTLS))
        router.add(middleware: ProblemResponder(pages: pages))
        router.add(middleware: BodyGuard(limit: Site.uploadLimit, timeout: settings.requestTimeout))
        router.add(middleware: Methods(routes: routes.methodsByPattern))
        router.add(middleware: Sessions(accounts: accounts, secure: settings.behindTLS, clock: clock))
        for route in routes {
            router.on(RouterPath(route.path), method: route.method, use: route.handler)
            if route.method == .get { router.on(RouterPath(route.path), method: .head, use: route.handler) }
        }
        return router
    }

    /// The application, listening on `host` and `port`.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(settings.idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            logger: logger)
    }

    // MARK: - Routes

    private func rulebook(_ context: SiteContext) throws -> Rulebook {
        let schemeText = try context.parameters.require("scheme")
        let yearText = try context.parameters.require("year").replacingOccurrences(of: "-", with: "/")
        guard let scheme = Scheme(rawValue: schemeText), let year = try? FinancialYear(parsing: yearText),
              let book = rulebooks.rulebook(scheme: scheme, year: year)
        else {
            throw Problem.notFound("There is no rulebook for \(schemeText) \(yearText).")
        }
        return book
    }

    // MARK: - Published grants

    /// The ledger, or a 404 when the server has none (published grants come from it).
    func ledger() throws -> any LedgerStore {
        guard let store else { throw Problem.notFound("This server publishes no grants: it has no ledger.") }
        return store
    }

    func years() throws -> [FinancialYear] {
        do {
            return try ledger().fundYears()
        } catch let error as LedgerError {
            throw WorkflowError(error)
        }
    }

    /// The year in the path, if the ledger has funds in it.
    private func publishedYear(_ context: SiteContext) throws -> FinancialYear {
        let text = try context.parameters.require("year")
        let published = try years()
        guard let year = try? FinancialYear(parsing: text.replacingOccurrences(of: "-", with: "/")),
              published.contains(year)
        else { throw Problem.notFound("There are no grants published for \(text).") }
        return year
    }

    private func register(_ year: FinancialYear) throws -> GrantRegister {
        try Publications.grantRegister(month: nil, year: year, in: ledger())
    }

    /// `/grants/{year}/register.csv`, `360giving.json` and `360giving.csv`, as files to save.
    private func download(_ request: Request, _ context: SiteContext) throws -> Response {
        let year = try publishedYear(context)
        let file = try context.parameters.require("file")
        let name = "grants-\(SchemePage.slug(year))-\(file)"
        switch file {
        case "register.csv":
            return try fromLedger(
                request, key: "register.csv \(year.label)", type: "text/csv; charset=utf-8",
                headers: [.contentDisposition: "attachment; filename=\"\(name)\""]
            ) {
                Array(Publications.text(try register(year), format: .csv, excel: true).utf8)
            }
        case "360giving.json": return try published(request, year, format: .threeSixtyGivingJSON, download: name)
        case "360giving.csv": return try published(request, year, format: .threeSixtyGivingCSV, download: name)
        default: throw Problem.notFound("There is no file \(file) for \(year.label).")
        }
    }

    /// A year's 360Giving file, streamed from the ledger.
    private func published(_ request: Request, _ year: FinancialYear, format: ReturnFormat, download: String?) throws
        -> Response
    {
        var headers: HTTPFields = [:]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        let type = format == .threeSixtyGivingJSON ? "application/json" : "text/csv; charset=utf-8"
        return try fromLedger(request, key: "\(format) \(year.label)", type: type, headers: headers) {
            let store = try ledger()
            let options = ReturnOptions(lastModified: try SpendReturns.lastModified(in: store))
            do throws(WorkflowError) {
                return try SpendReturns.bytes(SpendReturn.Period(year: year), in: store, format: format, options: options)
            } catch {
                // A year whose grants cannot be published (none yet, say) is not there to download; the ledger's own
                // failures (I/O) take the 500 path.
                guard error.failureKind == .badData else { throw error }
                throw Problem.notFound("The grants of \(year.label) cannot be published as 360Giving: \(error.message)")
            }
        }
    }

    /// A page or file made from the ledger: made again only when the ledger has changed since it was last made, and
    /// not sent at all (304) to a client that already holds it.
    private func fromLedger(
        _ request: Request, key: String, type: String, headers: HTTPFields = [:], make: () throws -> [UInt8]
    ) throws -> Response {
        let version = try Publications.version(of: ledger())
        var fields = headers
        fields[.eTag] = cache.tag(version)
        fields[.cacheControl] = "no-cache"
        let held = cache.held(request, version: version)
        if held == .this { return Response(status: .notModified, headers: fields) }
        let body = try cache.body(key, version: version, make: make)
        if held == .anything { return Response(status: .notModified, headers: fields) }
        return .body(ByteBuffer(bytes: body), type: type, headers: fields)
    }

    /// A file of `Static/`, such as the stylesheet or the OpenAPI document.
    private func staticFile(_ name: String) throws -> Response {
        guard let file = pages.statics[name] else { throw Problem.notFound("There is no file \(name).") }
        return .body(ByteBuffer(bytes: file.bytes), type: file.type, headers: [.cacheControl: "public, max-age=3600"])
    }

    /// The checker's page: the form holding `form`'s values, with the error or the verdict if there is one.
    private func checkerPage(
        _ book: Rulebook, _ form: FormData, error: Checker.FieldError?, verdict: Eligibility?,
        status: HTTPResponse.Status, request: Request, context: SiteContext
    ) throws -> Response {
        let page = CheckerPage(
            book: book, form: form, csrf: csrf.token(from: request, context), error: error, verdict: verdict)
        let title = (error == nil ? "" : "Error: ") + "Check your bid: \(book.title)"
        return try html("checker", title: title, page, status: status, context: context)
            .response(from: request, context: context)
    }

    /// A form posted to the site (`application/x-www-form-urlencoded`), refused (400) when it cannot be read and
    /// (403) when it does not carry the CSRF token of the page it came from. Every form route reads its form here.
    func postedForm(_ request: Request, _ context: SiteContext) async throws -> FormData {
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        guard let form = FormData(body: Array(body.readableBytesView)) else {
            throw Problem.badRequest("The form could not be read; go back and send it again.")
        }
        try csrf.check(request, context, form: form)
        return form
    }

    /// `POST /schemes/{scheme}/{year}/check`: the checker's form, checked; or given another budget line.
    private func check(_ request: Request, _ context: SiteContext) async throws -> Response {
        let book = try rulebook(context)
        let form = try await postedForm(request, context)
        func page(_ form: FormData, error: Checker.FieldError?, verdict: Eligibility?, status: HTTPResponse.Status)
            throws -> Response
        {
            try checkerPage(book, form, error: error, verdict: verdict, status: status, request: request, context: context)
        }
        if form["action"] == "add-line" {
            let lines = min(Checker.lineCount(form) + 1, Checker.maximumLines)
            return try page(form.setting("budget-lines", to: String(lines)), error: nil, verdict: nil, status: .ok)
        }
        let bid: BidForm
        do {
            bid = try Checker.bid(from: form, book: book)
        } catch {
            return try page(form, error: error, verdict: nil, status: .unprocessableContent)
        }
        return try page(form, error: nil, verdict: try verdict(bid), status: .ok)
    }

    /// How large an upload's body may be: the bid file (at most 1 MiB, said next to the field when it is over) and
    /// the form's other fields and boundaries around it.
    static let uploadLimit = BidFile.maximumSingleBidSize + 64 * 1024

    /// `POST /schemes/{scheme}/{year}/check/file`: a bid file uploaded (`multipart/form-data`) and checked; the page
    /// shows its verdict above the form filled in with its answers, or the file's error next to the file input.
    private func checkFile(_ request: Request, _ context: SiteContext) async throws -> Response {
        let book = try rulebook(context)
        guard let boundary = Multipart.boundary(contentType: request.headers[.contentType] ?? "") else {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the bid file from the checker's upload form (multipart/form-data).")
        }
        let body = try await request.body.collect(upTo: Site.uploadLimit)
        guard let upload = Multipart(body: Array(body.readableBytesView), boundary: boundary) else {
            throw Problem.badRequest("The upload could not be read; go back and send it again.")
        }
        try csrf.check(request, context, form: upload.fields)
        let bid: BidForm
        do {
            bid = try Checker.bid(uploaded: upload.file(Checker.fileInput), book: book)
        } catch {
            return try checkerPage(
                book, FormData(), error: error, verdict: nil, status: .unprocessableContent, request: request,
                context: context)
        }
        return try checkerPage(
            book, Checker.form(from: bid), error: nil, verdict: try verdict(bid), status: .ok, request: request,
            context: context)
    }

    /// The bid checked against its rulebook and the ledger, as `grants check` checks it. The bid's fault (no rulebook
    /// for its scheme and year) is the client's to hear, as a 422; the ledger's is not, and takes the 500 path.
    private func verdict(_ bid: BidForm) throws -> Eligibility {
        do {
            return try screening.check(bid, store: store)
        } catch {
            guard error.failureKind == .badData || error.failureKind == .usage else { throw error }
            throw Problem(
                status: .unprocessableContent, title: "Unprocessable Content", detail: error.message,
                fields: [Problem.FieldError(pointer: "/scheme", detail: error.message)])
        }
    }

    /// `POST /api/v1/bids/check`: a grants-bid/1 document in, the grants-eligibility-report/1 out.
    private func checkBid(_ request: Request, _ context: SiteContext) async throws -> Response {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the bid as JSON (Content-Type: application/json), in the grants-bid/1 format.")
        }
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        let bytes = Array(body.readableBytesView)
        let verdict = try verdict(try API.bid(from: bytes))
        return .body(ByteBuffer(bytes: EligibilityRenderer.jsonBytes([verdict])), type: "application/json")
    }
}
