import Foundation
import GrantsCore
import GrantsReports
import GrantsRules
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix

/// The office's pages: the dashboard and the round of bids (finance officers and the commissioner), awarding a bid
/// with a confirmation page (finance officers), and the spend returns to download (both).
extension Site {
    static let office: Access = .signedIn([.financeOfficer, .commissioner])
    static let financeOfficer: Access = .signedIn([.financeOfficer])

    var officeRoutes: [Route] {
        [
            .get("/dashboard", Site.office) { request, context in try self.dashboard(request, context) },
            .get("/round", Site.office) { request, context in try self.round(request, context) },
            .get("/bids/{bid}/award", Site.financeOfficer) { request, context in
                let bid = try self.storedBid(context)
                let page = FormPage.award(
                    bid: bid, submission: try self.ledger().submission(bid: bid.id), form: FormData(), errors: [],
                    csrf: self.csrf.token(from: request, context))
                return self.html("form", title: page.title, page, context: context)
            },
            .post("/bids/{bid}/award", Site.financeOfficer) { request, context in
                try await self.awardStep(request, context)
            },
            .get("/returns", Site.office) { request, context in
                self.html("returns", title: "Spend returns",
                          try ReturnsPage(years: self.years(), form: FormData(), error: nil, scopes: self.returnScopes()),
                          context: context)
            },
            .get("/returns/download", Site.office) { request, context in try await self.returnDownload(request, context) },
            // The same, for a program with a token (`grants user token add`): refusals as problem details.
            .get("/api/v1/returns/{year}", Site.office) { request, context in
                try await self.returnDownload(request, context, year: try context.parameters.require("year"))
            },
        ]
    }

    /// What a return may be narrowed to: each fund (`fund:ID`) and each community safety partnership (`csp:ID`).
    func returnScopes() throws -> [(value: String, label: String)] {
        let store = try ledger()
        var scopes: [(value: String, label: String)] = []
        var partnerships: [OrganisationID: String] = [:]
        for year in try years() {
            for scheme in Scheme.allCases {
                for fund in try store.funds(scheme: scheme, year: year) {
                    scopes.append(("fund:\(fund.id)", "Fund: \(fund.name)"))
                }
            }
            for partnership in try store.facts(year: year).partnerships { partnerships[partnership.id] = partnership.name }
        }
        return scopes + partnerships.sorted { $0.value < $1.value }.map { ("csp:\($0.key.rawValue)", "Partnership: \($0.value)") }
    }

    /// The query string's values, read as a form is.
    func query(_ request: Request) throws -> FormData {
        guard let form = FormData(body: Array((request.uri.query ?? "").utf8)) else {
            throw Problem.badRequest("The address's query could not be read.")
        }
        return form
    }

    /// The year a query names (`year=2017-18`), else the latest the ledger has funds in.
    func chosenYear(_ form: FormData) throws -> FinancialYear {
        let years = try self.years()
        let text = form["year"]
        if text.isEmpty {
            guard let latest = years.last else { throw Problem.notFound("The ledger has no funds yet.") }
            return latest
        }
        guard let year = try? FinancialYear(parsing: text.replacingOccurrences(of: "-", with: "/")), years.contains(year)
        else { throw Problem.notFound("The ledger has no funds in \(text).") }
        return year
    }

    // MARK: - Dashboard

    /// `GET /dashboard?year=2017-18&as-of-day=…`: every fund and partnership's money in a year, as of a day.
    private func dashboard(_ request: Request, _ context: SiteContext) throws -> HTML {
        let form = try query(request)
        let year = try chosenYear(form)
        let typed = Checker.day(form, "as-of")
        var error: String?
        var report: StatusReport?
        do {
            let scope = try LedgerReports.scope(
                year: year.label, fund: nil, csp: nil, asOf: typed.isEmpty ? nil : typed)
            report = try LedgerReports.status(scope, in: ledger())
        } catch let failure as WorkflowError where failure.failureKind == .usage {
            error = "Enter a real date in \(year.label), for example 31 12 \(year.startYear)"
                + (failure.message.contains("before") ? " (it is before the year begins)" : "")
            report = try LedgerReports.status(StatusReport.Scope(year: year), in: ledger())
        }
        guard let report else { throw Problem.notFound("No figures.") }
        let page = try DashboardPage(
            report: report, years: try years(), year: year, form: form, error: error)
        return html("dashboard", title: (error == nil ? "" : "Error: ") + "Dashboard \(year.label)", page,
                    status: error == nil ? .ok : .unprocessableContent, context: context)
    }

    // MARK: - The round, and awarding

    /// `GET /round?year=2017-18&scheme=…`: the bids of a year with their outcomes.
    private func round(_ request: Request, _ context: SiteContext) throws -> HTML {
        let form = try query(request)
        let year = try chosenYear(form)
        let scheme = Scheme(rawValue: form["scheme"])
        let lines = try Rounds.bids(year: year, scheme: scheme, in: ledger())
        let awarded = form["awarded"].isEmpty ? nil : try ledger().award(form["awarded"])
        let page = RoundPage(
            lines: lines, years: try years(), year: year, scheme: scheme,
            mayAward: context.account?.role == .financeOfficer, awarded: awarded)
        return html("round", title: "Bids in \(year.label)", page, context: context)
    }

    private func storedBid(_ context: SiteContext) throws -> Bid {
        let id = try context.parameters.require("bid")
        guard let bid = try ledger().bid(id) else { throw Problem.notFound("There is no bid \(id).") }
        return bid
    }

    /// `POST /bids/{bid}/award`: the form checked and the award worked out (`action=check`): the confirmation page
    /// shows what will change; confirmed (`action=confirm`), it is recorded, checked again by the ledger, and a
    /// refusal (another officer took the money first, say) is shown on the form with why.
    private func awardStep(_ request: Request, _ context: SiteContext) async throws -> Response {
        let bid = try storedBid(context)
        let submission = try ledger().submission(bid: bid.id)
        let form = try await postedForm(request, context)
        let token = csrf.token(from: request, context)
        func formPage(_ errors: [FieldMessage], status: HTTPResponse.Status) throws -> Response {
            let page = FormPage.award(bid: bid, submission: submission, form: form, errors: errors, csrf: token)
            return try html("form", title: page.title, page, status: status, context: context)
                .response(from: request, context: context)
        }
        if form["action"] == "change" { return try formPage([], status: .ok) }
        let awardRequest: AwardRequest
        switch AwardForm.request(bid: bid, checked: submission != nil, form) {
        case .failure(let errors): return try formPage(errors.messages, status: .unprocessableContent)
        case .success(let value): awardRequest = value
        }
        var rulebooks = rulebooks
        let store = try ledger()
        // A bid that has an award (not withdrawn) is not awarded again from the browser.
        let others = try AwardDecision.otherAwards(on: bid, than: Identifiers.award(onBid: bid.id), in: store)
        if !others.isEmpty {
            return try formPage(
                [FieldMessage(
                    id: "amount",
                    message: "Bid \(bid.id) has \(others.joined(separator: ", ")) already: withdraw it before "
                        + "awarding the bid again")],
                status: .unprocessableContent)
        }
        let plan: AwardDecision.Plan
        do {
            plan = try AwardDecision.plan(awardRequest, in: store, rulebooks: &rulebooks)
        } catch where error.verdict != nil {
            let verdict = error.verdict
            let rules = (verdict?.failedRules ?? []) + (verdict?.unknownRules ?? [])
            return try formPage(
                [FieldMessage(
                    id: "override",
                    message: "The bid is \(verdict?.outcome.rawValue ?? "not eligible") now "
                        + "(\(rules.joined(separator: ", "))): enter why you award it all the same, or do not award it")],
                status: .unprocessableContent)
        } catch {
            return try formPage([FieldMessage(id: "amount", message: error.message)], status: .unprocessableContent)
        }
        if plan.availableAfter.isNegative {
            return try formPage(
                [FieldMessage(
                    id: "amount",
                    message: "Enter an amount of \(plan.available.formatted) or less: that is all that is left to award "
                        + "from \(plan.award.allocation ?? plan.fund.id)")],
                status: .unprocessableContent)
        }
        guard form["action"] == "confirm" else {
            return try html(
                "confirm", title: "Check the award of \(bid.id)",
                ConfirmPage.award(
                    plan, recipient: try store.organisation(plan.award.recipient)?.name ?? "", form: form, csrf: token),
                context: context
            ).response(from: request, context: context)
        }
        let stamp = Stamp(actor: try context.signedIn().email, at: clock())
        // On the ledger's threads: the write may wait for another writer.
        let recorded = try await onLedgerThread { () throws(WorkflowError) in
            try AwardDecision.record(plan, in: store, by: stamp)
        }
        if case .failure(let error) = recorded {
            return try formPage(
                [FieldMessage(
                    id: "amount",
                    message: "The award was not recorded: \(error.message). The ledger may have changed since you "
                        + "checked it; check the figures and try again.")],
                status: .conflict)
        }
        return Response(
            status: .seeOther,
            headers: [.location: "/round?year=\(SchemePage.slug(plan.fund.year))&awarded=\(Site.percentEncoded(plan.award.id))"])
    }

    /// Runs `body` on NIO's thread pool, not on the threads that answer requests: the ledger's writes may wait for
    /// another writer, and some reads (a year's XML, validated) take a while. The workflow's refusal comes back as a
    /// value, for the page to show.
    func onLedgerThread<T: Sendable>(_ body: @escaping @Sendable () throws(WorkflowError) -> T) async throws
        -> Result<T, WorkflowError>
    {
        try await NIOThreadPool.singleton.runIfActive {
            do throws(WorkflowError) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
    }

    /// The status of a page that shows a workflow's refusal: 422 for what was typed or asked, 500 when the ledger could
    /// not be read or written, 503 when its database cannot be reached (try again later).
    static func status(of error: WorkflowError) -> HTTPResponse.Status {
        switch error.failureKind {
        case .io: .internalServerError
        case .unavailable: .serviceUnavailable
        case .checkFailed, .usage, .badData: .unprocessableContent
        }
    }

    /// The status of a form confirmed and then refused by the ledger: 409 (the ledger's state, not what was typed,
    /// stands in the way), 500 when the ledger could not be read or written, 503 when its database cannot be reached.
    static func conflictStatus(of error: WorkflowError) -> HTTPResponse.Status {
        switch error.failureKind {
        case .io: .internalServerError
        case .unavailable: .serviceUnavailable
        case .checkFailed, .usage, .badData: .conflict
        }
    }

    static func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }

    // MARK: - Returns

    /// `GET /returns/download?year=2017-18&period=Q3&format=csv`: the return as a file to save, made as `grants
    /// return` makes it; a bad choice is the form again, with the error.
    private func returnDownload(_ request: Request, _ context: SiteContext, year path: String? = nil) async throws
        -> Response
    {
        var form = try query(request)
        if let path { form = form.setting("year", to: path) }
        let years = try years()
        func refused(_ message: String, _ field: String) throws -> Response {
            if path != nil {
                throw Problem(
                    status: .unprocessableContent, title: "Unprocessable Content", detail: message,
                    fields: [Problem.FieldError(pointer: "/\(field)", detail: message)])
            }
            return try html(
                "returns", title: "Error: Spend returns",
                ReturnsPage(
                    years: years, form: form, error: FieldMessage(id: field, message: message), scopes: try returnScopes()),
                status: .unprocessableContent, context: context
            ).response(from: request, context: context)
        }
        guard let year = try? FinancialYear(parsing: form["year"].replacingOccurrences(of: "-", with: "/")),
              years.contains(year)
        else { return try refused("Select a year the ledger has funds in", "year") }
        let quarter: Quarter?
        switch form["period"] {
        case "year": quarter = nil
        case "Q1", "Q2", "Q3", "Q4": quarter = try? Quarter(parsing: form["period"])
        default: return try refused("Select the whole year or a quarter", "period")
        }
        guard let format = ReturnFormat(rawValue: form["format"]) else {
            return try refused("Select a format", "format")
        }
        let store = try ledger()
        // One fund (of the year) or one partnership, or the whole ledger.
        var fund: String?
        var csp: OrganisationID?
        let scope = form["scope"]
        if scope.hasPrefix("fund:") {
            let id = String(scope.dropFirst("fund:".count))
            guard let found = try store.fund(id), found.year == year else {
                return try refused("Select a fund of \(year.label), or every fund", "scope")
            }
            fund = found.id
        } else if scope.hasPrefix("csp:") {
            let id = String(scope.dropFirst("csp:".count))
            guard let partnership = try store.facts(year: year).partnerships.first(where: { $0.id.rawValue == id }) else {
                return try refused("Select a community safety partnership of the ledger, or every one", "scope")
            }
            csp = partnership.id
        } else if !scope.isEmpty {
            return try refused("Select a fund, a partnership, or the whole ledger", "scope")
        }
        let period = SpendReturn.Period(year: year, quarter: quarter, asOf: nil)
        let options = ReturnOptions(excel: format == .csv, lastModified: try SpendReturns.lastModified(in: store))
        // Made on the ledger's threads: a year's XML is validated, and an XLSX is zipped, before it is sent.
        let (narrowFund, narrowCSP) = (fund, csp)
        let made = try await onLedgerThread { () throws(WorkflowError) in
            try Self.returnBytes(period, fund: narrowFund, csp: narrowCSP, format: format, options: options, in: store)
        }
        let bytes: [UInt8]
        switch made {
        case .success(let value): bytes = value
        case .failure(let error):
            guard error.failureKind == .badData else { throw error }
            return try refused("This return cannot be made: \(error.message)", "format")
        }
        let narrowed = fund ?? csp?.rawValue
        let name = "return-\(SchemePage.slug(year))\(quarter.map { "-\($0)" } ?? "")\(narrowed.map { "-\($0)" } ?? "")"
            + ".\(format.fileExtension)"
        return .body(
            ByteBuffer(bytes: bytes), type: format.contentType,
            headers: [.contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"])
    }

    /// The return's bytes: the text formats straight from the ledger; XML (validated) and XLSX through a file of
    /// their own in a private temporary folder, removed at once.
    static func returnBytes(
        _ period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil, format: ReturnFormat,
        options: ReturnOptions, in store: any LedgerStore
    ) throws(WorkflowError) -> [UInt8] {
        guard format.needsFile else {
            return try SpendReturns.bytes(period, fund: fund, csp: csp, in: store, format: format, options: options)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grants-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw WorkflowError(.io, "cannot make a temporary folder for the return: \(error)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("return.\(format.fileExtension)").path
        try SpendReturns.write(period, fund: fund, csp: csp, in: store, format: format, to: path, options: options)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkflowError(.io, "cannot read back the return just written")
        }
        return [UInt8](data)
    }
}

/// A field's error, for the error summary and beside the input.
struct FieldMessage: Sendable, Equatable {
    let id: String
    let message: String
}

extension ReturnFormat {
    var fileExtension: String {
        switch self {
        case .csv, .threeSixtyGivingCSV: "csv"
        case .xml: "xml"
        case .xlsx: "xlsx"
        case .threeSixtyGivingJSON: "json"
        }
    }

    var contentType: String {
        switch self {
        case .csv, .threeSixtyGivingCSV: "text/csv; charset=utf-8"
        case .xml: "application/xml"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .threeSixtyGivingJSON: "application/json"
        }
    }

    /// As a person reads it on the form.
    var title: String {
        switch self {
        case .csv: "CSV, for a spreadsheet"
        case .xml: "XML (validated against the return's schema)"
        case .xlsx: "Excel workbook (XLSX)"
        case .threeSixtyGivingJSON: "360Giving JSON"
        case .threeSixtyGivingCSV: "360Giving CSV"
        }
    }
}
