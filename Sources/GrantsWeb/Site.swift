import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import Logging

/// The web application: the public side of the grants ledger. Scheme pages made from the shipped rulebooks, the bid
/// checker, and the JSON API. Every route parses its request, calls one workflow, and renders; the rules, the
/// ledger and the reports are the same code the command line runs.
public struct Site: Sendable {
    /// How large a request body may be: a bid is a few kilobytes; a bid file is at most 1 MiB.
    public static let bodyLimit = 1024 * 1024

    let rulebooks: RulebookLibrary
    let store: (any LedgerStore)?
    let pages: Pages

    /// A site over `store` (nil: rules that read the ledger say they cannot tell), with every shipped rulebook read
    /// and checked now, so that no request reads a file.
    public init(store: (any LedgerStore)?) throws(WorkflowError) {
        rulebooks = try RulebookLibrary.shipped()
        self.store = store
        do {
            pages = try Pages()
        } catch {
            throw WorkflowError(.io, error.description)
        }
    }

    /// Every route, behind the middleware that sets the security headers and turns errors into responses.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        // The access log: method, path, status and time of every request, through swift-log.
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        router.add(middleware: ProblemResponder(pages: pages))
        router.add(middleware: Methods())
        router.read("/health") { _, _ in JSONBody(bytes: Array("{\"status\":\"ok\"}\n".utf8)) }
        router.read("/static/{name}") { _, context in try self.staticFile(context.parameters.require("name")) }
        router.read("/") { _, _ in
            HTML(text: self.pages.render("home", title: "Grants of the Police and Crime Commissioner",
                                         HomePage(self.rulebooks.rulebooks)))
        }
        router.read("/schemes/{scheme}/{year}") { _, context in
            let book = try self.rulebook(context)
            return HTML(text: self.pages.render("scheme", title: book.title, SchemePage(book)))
        }
        router.read("/schemes/{scheme}/{year}/check") { request, context in
            let book = try self.rulebook(context)
            let token = CSRF.token(from: request)
            var response = try HTML(text: self.pages.render(
                "checker", title: "Check your bid: \(book.title)",
                CheckerPage(book: book, form: FormData(), csrf: token, error: nil, verdict: nil))
            ).response(from: request, context: context)
            CSRF.set(token, on: &response)
            return response
        }
        router.post("/schemes/{scheme}/{year}/check") { request, context in
            try await self.check(request, context)
        }
        router.read("/grants") { _, _ in
            HTML(text: self.pages.render("years", title: "Grants we have made", PublishedYears(try self.years())))
        }
        router.read("/grants/{year}") { _, context in
            let year = try self.publishedYear(context)
            let register = try self.register(year)
            let grants = try PublishedGrants(register, year: year)
            return HTML(text: self.pages.render("grants", title: "Grants made in \(year.label)", grants))
        }
        router.read("/grants/{year}/{file}") { _, context in try self.download(context) }
        let api = router.group("/api/v1")
        api.read("/openapi.json") { _, _ in try self.staticFile("openapi.json") }
        api.read("/schemes") { _, _ in JSONBody(bytes: API.schemes(self.rulebooks.rulebooks)) }
        api.read("/schemes/{scheme}/{year}") { _, context in JSONBody(bytes: API.rulebook(try self.rulebook(context))) }
        api.post("/bids/check") { request, context in try await self.checkBid(request, context) }
        api.read("/grants/{year}") { _, context in
            let year = try self.publishedYear(context)
            return try self.published(year, format: .threeSixtyGivingJSON, download: nil)
        }
        return router
    }

    /// The application, listening on `host` and `port`.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            logger: logger)
    }

    // MARK: - Routes

    private func rulebook(_ context: BasicRequestContext) throws -> Rulebook {
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
    private func ledger() throws -> any LedgerStore {
        guard let store else { throw Problem.notFound("This server publishes no grants: it has no ledger.") }
        return store
    }

    private func years() throws -> [FinancialYear] {
        do {
            return try ledger().fundYears()
        } catch let error as LedgerError {
            throw WorkflowError(error)
        }
    }

    /// The year in the path, if the ledger has funds in it.
    private func publishedYear(_ context: BasicRequestContext) throws -> FinancialYear {
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
    private func download(_ context: BasicRequestContext) throws -> Response {
        let year = try publishedYear(context)
        let file = try context.parameters.require("file")
        let name = "grants-\(SchemePage.slug(year))-\(file)"
        switch file {
        case "register.csv":
            let text = Publications.text(try register(year), format: .csv, excel: true)
            return .body(
                ByteBuffer(string: text), type: "text/csv; charset=utf-8",
                headers: [.contentDisposition: "attachment; filename=\"\(name)\""])
        case "360giving.json": return try published(year, format: .threeSixtyGivingJSON, download: name)
        case "360giving.csv": return try published(year, format: .threeSixtyGivingCSV, download: name)
        default: throw Problem.notFound("There is no file \(file) for \(year.label).")
        }
    }

    /// A year's 360Giving file, streamed from the ledger.
    private func published(_ year: FinancialYear, format: ReturnFormat, download: String?) throws -> Response {
        let store = try ledger()
        let options = ReturnOptions(lastModified: try SpendReturns.lastModified(in: store))
        let bytes: [UInt8]
        do {
            bytes = try SpendReturns.bytes(SpendReturn.Period(year: year), in: store, format: format, options: options)
        } catch {
            // A year whose grants cannot be published (none yet, say) is not there to download; the ledger's own
            // failures (I/O) take the 500 path.
            guard error.failureKind == .badData else { throw error }
            throw Problem.notFound("The grants of \(year.label) cannot be published as 360Giving: \(error.message)")
        }
        var headers: HTTPFields = [:]
        if let download { headers[.contentDisposition] = "attachment; filename=\"\(download)\"" }
        return .body(
            ByteBuffer(bytes: bytes),
            type: format == .threeSixtyGivingJSON ? "application/json" : "text/csv; charset=utf-8", headers: headers)
    }

    /// A file of `Static/`, such as the stylesheet or the OpenAPI document.
    private func staticFile(_ name: String) throws -> Response {
        guard let file = pages.statics[name] else { throw Problem.notFound("There is no file \(name).") }
        return .body(ByteBuffer(bytes: file.bytes), type: file.type, headers: [.cacheControl: "public, max-age=3600"])
    }

    /// `POST /schemes/{scheme}/{year}/check`: the checker's form, checked; or given another budget line.
    private func check(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let book = try rulebook(context)
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        guard let form = FormData(body: Array(body.readableBytesView)) else {
            throw Problem.badRequest("The form could not be read; go back and send it again.")
        }
        try CSRF.check(request, form: form)
        let token = CSRF.token(from: request)
        let title = "Check your bid: \(book.title)"
        func page(_ form: FormData, error: Checker.FieldError?, verdict: Eligibility?, status: HTTPResponse.Status)
            throws -> Response
        {
            let page = CheckerPage(book: book, form: form, csrf: token, error: error, verdict: verdict)
            return try HTML(
                text: pages.render("checker", title: (error == nil ? "" : "Error: ") + title, page), status: status
            ).response(from: request, context: context)
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

    /// The bid checked against its rulebook and the ledger, as `grants check` checks it. The bid's fault (no rulebook
    /// for its scheme and year) is the client's to hear, as a 422; the ledger's is not, and takes the 500 path.
    private func verdict(_ bid: BidForm) throws -> Eligibility {
        var library = rulebooks
        let verdicts: [Eligibility]
        do {
            verdicts = try BidScreening.screen([bid], rulebooks: &library, store: store).verdicts
        } catch {
            guard error.failureKind == .badData || error.failureKind == .usage else { throw error }
            throw Problem(
                status: .unprocessableContent, title: "Unprocessable Content", detail: error.message,
                fields: [Problem.FieldError(pointer: "/scheme", detail: error.message)])
        }
        guard let verdict = verdicts.first else { throw WorkflowError(.io, "the check gave no verdict") }
        return verdict
    }

    /// `POST /api/v1/bids/check`: a grants-bid/1 document in, the grants-eligibility-report/1 out.
    private func checkBid(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") else {
            throw Problem(
                status: .unsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the bid as JSON (Content-Type: application/json), in the grants-bid/1 format.")
        }
        let body = try await request.body.collect(upTo: Site.bodyLimit)
        let bytes = Array(body.readableBytesView)
        let verdict = try verdict(try API.bid(from: bytes))
        return .body(ByteBuffer(string: EligibilityRenderer.render([verdict], as: .json)), type: "application/json")
    }
}

extension RouterMethods {
    /// A route that only reads: GET, and HEAD the same (`ProblemResponder` drops HEAD's body).
    @discardableResult
    func read<Output: ResponseGenerator>(
        _ path: RouterPath, use handler: @Sendable @escaping (Request, Context) async throws -> Output
    ) -> Self {
        on(path, method: .head, use: handler)
        return on(path, method: .get, use: handler)
    }
}
