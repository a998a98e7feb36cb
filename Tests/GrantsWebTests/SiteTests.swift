import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GrantsWeb

/// Every route in process: status, content type, the security headers, and what the pages and the API say.
@Suite struct SiteTests {
    private func withSite(
        store: (any LedgerStore)? = nil, _ body: @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let site = try Site(store: store)
        try await Application(router: site.router()).test(.router, body)
    }

    private static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    private static func expectSecurityHeaders(_ response: TestResponse, _ label: String) {
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        #expect(policy.contains("frame-ancestors 'none'"), "\(label)")
        #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(label)")
        #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(label)")
        #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(label)")
    }

    @Test func theHealthEndpointSaysOK() async throws {
        try await withSite { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(Self.text(response) == "{\"status\":\"ok\"}\n")
                Self.expectSecurityHeaders(response, "/health")
            }
        }
    }

    @Test func theHomePageListsEverySchemeWithARulebook() async throws {
        try await withSite { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let page = Self.text(response)
                for path in ShippedRulebooksList.paths {
                    #expect(page.contains("href=\"\(path)\""), "\(path)")
                }
                #expect(page.contains("<html lang=\"en-GB\">"))
                #expect(!page.contains("<script"), "no script on the page")
                Self.expectSecurityHeaders(response, "/")
            }
        }
    }

    /// The scheme page is the rulebook: its cap with the day it applies from and its reference, and every rule.
    @Test func theSchemePageIsMadeFromTheRulebook() async throws {
        let book = try RulebookLibrary.shipped().rulebook(
            scheme: .communityActionFund, year: try FinancialYear(parsing: "2017/18"))
        let rulebook = try #require(book)
        try await withSite { client in
            try await client.execute(uri: "/schemes/community-action-fund/2017-18", method: .get) { response in
                #expect(response.status == .ok)
                let page = Self.text(response)
                #expect(page.contains("<h1 class=\"heading-xl\">Community Action Fund 2017/18</h1>"))
                #expect(page.contains("£2,500.00"))
                #expect(page.contains("From 2017-04-01"))
                #expect(page.contains("PCC annual report: Community Action Fund grants of up to £2,500 are available"))
                for rule in rulebook.rules {
                    #expect(page.contains("<code>\(rule.id)</code>"), "\(rule.id)")
                }
                for parameter in rulebook.parameters {
                    #expect(page.contains(parameter.description), "\(parameter.name)")
                }
                // Plan priorities by their names, not their slugs.
                #expect(page.contains("Anti-social behaviour"))
            }
        }
    }

    @Test(arguments: ["/schemes/community-action-fund/2031-32", "/schemes/no-such-scheme/2017-18", "/nowhere"])
    func anUnknownPageIsA404PageWithTheHeaders(uri: String) async throws {
        try await withSite { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.text(response).contains("Not Found"))
                Self.expectSecurityHeaders(response, uri)
            }
        }
    }

    @Test func theStylesheetIsServedAndAnUnknownStaticFileIsNot() async throws {
        try await withSite { client in
            try await client.execute(uri: "/static/app.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(Self.text(response).contains(".heading-xl"))
            }
            try await client.execute(uri: "/static/..%2FSite.swift", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    // MARK: - The API

    @Test func theAPIListsTheSchemesAndGivesEachRulebookAsData() async throws {
        try await withSite { client in
            try await client.execute(uri: "/api/v1/schemes", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let schemes = list?["schemes"] as? [[String: Any]] ?? []
                #expect(schemes.count == ShippedRulebooksList.paths.count)
                #expect(schemes.contains { $0["href"] as? String == "/api/v1/schemes/community-action-fund/2017-18" })
            }
            try await client.execute(uri: "/api/v1/schemes/community-action-fund/2017-18", method: .get) { response in
                #expect(response.status == .ok)
                let book = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(book?["title"] as? String == "Community Action Fund 2017/18")
                let parameters = book?["parameters"] as? [[String: Any]] ?? []
                let cap = parameters.first { $0["name"] as? String == "max_request" }
                let values = cap?["values"] as? [[String: Any]] ?? []
                #expect(values.first?["value"] as? String == "2500.00")
                #expect(values.first?["from"] as? String == "2017-04-01")
            }
            try await client.execute(uri: "/api/v1/schemes/community-action-fund/1999-00", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(problem?["status"] as? Int == 404)
            }
        }
    }

    @Test func theOpenAPIDocumentIsServedAndNamesEveryRoute() async throws {
        try await withSite { client in
            try await client.execute(uri: "/api/v1/openapi.json", method: .get) { response in
                #expect(response.status == .ok)
                let document = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(document?["openapi"] as? String == "3.1.0")
                // Every route of the API (and the health check) in the route table, with each of its methods.
                let paths = document?["paths"] as? [String: Any] ?? [:]
                let documented = try Site(store: nil).routes.filter { $0.path.hasPrefix("/api/") || $0.path == "/health" }
                #expect(Set(paths.keys) == Set(documented.map(\.path)))
                for route in documented {
                    let operations = paths[route.path] as? [String: Any] ?? [:]
                    #expect(operations[route.method.rawValue.lowercased()] != nil, "\(route.method) \(route.path)")
                }
            }
        }
    }

    /// Every sample bid, posted as JSON, gets the verdict `grants check` gives it against the same ledger.
    @Test func theCheckerAgreesWithGrantsCheckOnEverySampleBid() async throws {
        let ledger = try Fixtures.sampleLedger(reason: "web")
        let bids = try BidFile.read(paths: [PackageFiles.bids]).map(\.value)
        #expect(bids.count >= 8)
        var library = try RulebookLibrary()
        let expected = try BidScreening.screen(bids, rulebooks: &library, store: ledger).verdicts
        try await withSite(store: ledger) { client in
            for (bid, verdict) in zip(bids, expected) {
                // Each bid alone: the round of one, as a person checking a bid would send it.
                var alone = try RulebookLibrary()
                let single = try BidScreening.screen([bid], rulebooks: &alone, store: ledger).verdicts
                try await client.execute(
                    uri: "/api/v1/bids/check", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(bytes: BidJSON.bytes(bid))
                ) { response in
                    #expect(response.status == .ok, "\(bid.id): \(Self.text(response))")
                    #expect(Self.text(response) == EligibilityRenderer.render(single, as: .json), "\(bid.id)")
                    #expect(single.first?.outcome == verdict.outcome || bid.id.contains("repeat"), "\(bid.id)")
                }
            }
        }
    }

    @Test func aBidWithAFieldWrongIsA422NamingTheField() async throws {
        try await withSite { client in
            let bad = #"{"id":"B1","scheme":"community-action-fund","financial_year":"2017/18","submitted":"2017-06-01","applicant":{"id":"360G-X-1","name":"A group","type":"community-group"},"title":"T","requested":"12.345"}"#
            try await client.execute(
                uri: "/api/v1/bids/check", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                let errors = problem?["errors"] as? [[String: Any]] ?? []
                #expect(errors.first?["pointer"] as? String == "/requested", "\(Self.text(response))")
            }
            try await client.execute(
                uri: "/api/v1/bids/check", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: "{not json")
            ) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(
                uri: "/api/v1/bids/check", method: .post, headers: [.contentType: "text/plain"],
                body: ByteBuffer(string: bad)
            ) { response in
                #expect(response.status == .unsupportedMediaType)
            }
            let huge = ByteBuffer(bytes: [UInt8](repeating: 0x20, count: Site.bodyLimit + 1))
            try await client.execute(
                uri: "/api/v1/bids/check", method: .post, headers: [.contentType: "application/json"], body: huge
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    /// Every route of the table answers its methods and HEAD for GET, and 405 with an Allow header for any other.
    @Test func everyRouteAnswersItsMethodsAndRefusesOthersWith405() async throws {
        let ledger = try Fixtures.sampleLedger(reason: "web")
        let site = try Site(store: ledger, accounts: ledger)
        let values = [
            "{scheme}": "community-action-fund", "{year}": "2017-18", "{name}": "app.css", "{file}": "register.csv",
            "{bid}": "BID-CAF-2017-18-06", "{award}": "AWD-CAF-2017-18-01", "{claim}": "AWD-CAF-2017-18-01-C01",
            "{draft}": "1", "{token}": String(repeating: "A", count: 43),
        ]
        let paths = site.routes.map(\.path).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        #expect(paths.count == site.routes.methodsByPattern.count)
        try await Application(router: site.router()).test(.router) { client in
            for path in paths {
                var concrete = path
                for (name, value) in values { concrete = concrete.replacingOccurrences(of: name, with: value) }
                #expect(!concrete.contains("{"), "a value for every parameter of \(path)")
                let methods = site.routes.filter { $0.path == path }.map(\.method)
                for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch, .head] {
                    try await client.execute(uri: concrete, method: method, headers: [.contentType: "application/json"]) { response in
                        let allowed = methods.contains(method) || (method == .head && methods.contains(.get))
                        if allowed {
                            #expect(response.status != .methodNotAllowed && response.status != .notFound,
                                    "\(method) \(concrete): \(response.status)")
                        } else {
                            #expect(response.status == .methodNotAllowed, "\(method) \(concrete): \(response.status)")
                            #expect(response.headers[.allow] != nil, "\(method) \(concrete)")
                        }
                        if method == .head { #expect(response.body.readableBytes == 0, "HEAD \(concrete) has no body") }
                    }
                }
            }
        }
    }

    /// The published grants: the years, a year's register as a page, and its files, with what the public may see.
    @Test func thePublishedGrantsArePagesAndDownloads() async throws {
        let ledger = try Fixtures.sampleLedger(reason: "web")
        let year = try FinancialYear(parsing: "2017/18")
        let register = try Publications.grantRegister(month: nil, year: year, in: ledger)
        let options = ReturnOptions(lastModified: try SpendReturns.lastModified(in: ledger))
        let (spendReturn, _) = try SpendReturns.build(SpendReturn.Period(year: year), in: ledger)
        let package = try SpendReturns.text(spendReturn, format: .threeSixtyGivingJSON, options: options)
        try await withSite(store: ledger) { client in
            try await client.execute(uri: "/grants", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("href=\"/grants/2017-18\""))
            }
            try await client.execute(uri: "/grants/2017-18", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                for entry in register.entries {
                    #expect(page.contains(entry.awardID), "\(entry.awardID)")
                }
                #expect(page.contains("href=\"/grants/2017-18/360giving.json\""))
                // No internal figures: budgets, payments and the ledger's fingerprint are not published here.
                #expect(!page.contains("fnv1a64") && !page.contains("Paid to date"))
            }
            try await client.execute(uri: "/grants/2017-18/360giving.json", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"grants-2017-18-360giving.json\"")
                #expect(String(buffer: response.body) == package)
            }
            try await client.execute(uri: "/api/v1/grants/2017-18", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json")
                #expect(String(buffer: response.body) == package)
            }
            try await client.execute(uri: "/grants/2017-18/register.csv", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == Publications.text(register, format: .csv, excel: true))
            }
            for missing in ["/grants/2031-32", "/grants/2017-18/secrets.txt", "/api/v1/grants/nonsense"] {
                try await client.execute(uri: missing, method: .get) { response in
                    #expect(response.status == .notFound, "\(missing)")
                }
            }
        }
        // A server with no ledger publishes no grants.
        try await withSite { client in
            try await client.execute(uri: "/grants", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func problemPointersFollowTheFieldPath() {
        #expect(Problem.pointer("budget[0].amount") == "/budget/0/amount")
        #expect(Problem.pointer("applicant.name") == "/applicant/name")
        #expect(Problem.pointer("requested") == "/requested")
        #expect(Problem.pointer("") == "")
        #expect(Problem.pointer("a/b~c") == "/a~1b~0c")
    }
}

/// The shipped rulebooks' pages, as the home page links them.
enum ShippedRulebooksList {
    static var paths: [String] {
        ((try? RulebookLibrary.shipped())?.rulebooks ?? []).map { book in
            "/schemes/\(book.scheme.rawValue)/\(book.year.label.replacingOccurrences(of: "/", with: "-"))"
        }
    }
}

/// A bid as the grants-bid/1 JSON a client would send.
enum BidJSON {
    static func bytes(_ bid: BidForm) -> [UInt8] {
        func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
        func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        var applicant: [(String, JSONValue)] = [
            ("id", .string(bid.applicant.id.rawValue)), ("name", .string(bid.applicant.name)),
            ("type", .string(bid.applicant.type.rawValue)),
        ]
        if let constituted = bid.applicant.constituted { applicant.append(("constituted", .bool(constituted))) }
        if let reserves = bid.applicant.unrestrictedReserves {
            applicant.append(("unrestricted_reserves", .string(reserves.plain)))
        }
        applicant.append(("documents", list(bid.applicant.documents)))
        var members: [(String, JSONValue)] = [
            ("format", .string("grants-bid/1")), ("id", .string(bid.id)), ("scheme", .string(bid.scheme.rawValue)),
            ("financial_year", .string(bid.year.label)), ("submitted", .string(bid.submitted.description)),
            ("applicant", .object(applicant)), ("title", .string(bid.title)), ("description", text(bid.description)),
            ("requested", .string(bid.requested.plain)),
            ("total_project_cost", text(bid.totalProjectCost?.plain)),
            ("planned_start", text(bid.plannedStart?.description)), ("planned_end", text(bid.plannedEnd?.description)),
            ("priorities", list(bid.priorities)), ("works_with", list(bid.worksWith)),
            ("locations", list(bid.locations)), ("csp", text(bid.csp)),
        ]
        if let budget = bid.budget {
            members.append(("budget", .array(budget.map { line in
                var fields: [(String, JSONValue)] = [
                    ("category", .string(line.category)), ("description", .string(line.description)),
                    ("amount", .string(line.amount.plain)),
                ]
                if let vat = line.vatReclaimable { fields.append(("vat_reclaimable", .bool(vat))) }
                return .object(fields)
            })))
        }
        var out: [UInt8] = []
        JSONValue.object(members).write(into: &out, indent: 0)
        return out
    }
}

/// The checker's form in process: the CSRF token, the verdicts of sample bids typed into the form, a field typed
/// wrong shown next to its input, and another budget line.
@Suite struct CheckerFormTests {
    private func withSite(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let site = try Site(store: try Fixtures.sampleLedger(reason: "web"))
        try await Application(router: site.router()).test(.router, body)
    }

    /// The token from the page's cookie and its hidden field, which must agree.
    private static func token(_ response: TestResponse) throws -> String {
        let cookie = try #require(response.headers[.setCookie])
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
        let value = try #require(cookie.split(separator: ";").first?.split(separator: "=").last.map(String.init))
        #expect(String(buffer: response.body).contains("name=\"csrf\" value=\"\(value)\""))
        return value
    }

    /// The page shows `verdict`'s headline and every one of its rules.
    static func expectVerdictShown(_ page: String, _ verdict: Eligibility, _ label: String) {
        switch verdict.outcome {
        case .eligible: #expect(page.contains("The bid meets every rule that must be met"), "\(label)")
        case .ineligible:
            #expect(page.contains("The bid does not meet the rules: \(verdict.failedRules.joined(separator: ", "))"), "\(label)")
        case .incomplete: #expect(page.contains("The bid cannot be fully checked yet"), "\(label)")
        }
        for result in verdict.results {
            #expect(page.contains("<code>\(result.ruleID)</code>"), "\(label): \(result.ruleID)")
        }
    }

    static func encode(_ pairs: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = pairs.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    /// A bid as a person would type it into the form.
    static func pairs(_ bid: BidForm) -> [(String, String)] {
        var pairs: [(String, String)] = [
            ("applicant-name", bid.applicant.name), ("applicant-id", bid.applicant.id.rawValue),
            ("applicant-type", bid.applicant.type.rawValue), ("title", bid.title),
            ("description", bid.description ?? ""), ("requested", "£" + bid.requested.plain),
            ("total-cost", bid.totalProjectCost?.plain ?? ""), ("csp", bid.csp ?? ""),
        ]
        if let constituted = bid.applicant.constituted { pairs.append(("applicant-constituted", constituted ? "yes" : "no")) }
        if let reserves = bid.applicant.unrestrictedReserves { pairs.append(("applicant-reserves", reserves.plain)) }
        for document in bid.applicant.documents { pairs.append(("applicant-documents", document)) }
        for (name, day) in [("submitted", bid.submitted), ("start", bid.plannedStart), ("end", bid.plannedEnd)] {
            guard let day else { continue }
            pairs += [("\(name)-day", String(day.day)), ("\(name)-month", String(day.month)), ("\(name)-year", String(day.year))]
        }
        for priority in bid.priorities { pairs.append(("priorities", priority)) }
        for group in bid.worksWith { pairs.append(("works-with", group)) }
        for place in bid.locations { pairs.append(("locations", place)) }
        let lines = bid.budget ?? []
        pairs.append(("budget-lines", String(max(lines.count, 1))))
        for (index, line) in lines.enumerated() {
            pairs += [
                ("budget-\(index)-category", line.category), ("budget-\(index)-description", line.description),
                ("budget-\(index)-amount", line.amount.plain),
            ]
            if line.vatReclaimable == true { pairs.append(("budget-\(index)-vat", "yes")) }
        }
        pairs.append(("action", "check"))
        return pairs
    }

    private static func post(
        _ client: any TestClientProtocol, _ uri: String, token: String?, _ pairs: [(String, String)],
        _ check: @escaping @Sendable (TestResponse) async throws -> Void
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        var fields = pairs
        if let token {
            headers[.cookie] = "\(CSRF(secure: false).cookie)=\(token)"
            fields.append(("csrf", token))
        }
        try await client.execute(uri: uri, method: .post, headers: headers, body: encode(fields), testCallback: check)
    }

    @Test func theFormAsksForEveryFieldAndSetsItsToken() async throws {
        try await withSite { client in
            try await client.execute(uri: "/schemes/community-action-fund/2017-18/check", method: .get) { response in
                #expect(response.status == .ok)
                _ = try Self.token(response)
                let page = String(buffer: response.body)
                for id in ["applicant-name", "applicant-id", "applicant-type", "applicant-constituted", "applicant-reserves",
                           "applicant-documents", "title", "description", "submitted-day", "submitted-month",
                           "submitted-year", "start-day", "end-day", "priorities", "works-with", "locations",
                           "requested", "total-cost", "budget-0-category", "budget-0-amount", "budget-0-vat"] {
                    #expect(page.contains("id=\"\(id)\""), "\(id)")
                }
                // Every input has a label.
                #expect(page.contains("<label class=\"label\" for=\"requested\">"))
                #expect(page.contains("Anti-social behaviour"), "priorities by name")
                #expect(!page.contains("<script"))
            }
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        let bid = try BidFile.read(file: PackageFiles.bids + "/caf-friday-boxing.yaml")[0].value
        try await withSite { client in
            try await Self.post(client, "/schemes/community-action-fund/2017-18/check", token: nil, Self.pairs(bid)) { response in
                #expect(response.status == .forbidden)
            }
            // A token in the form that differs from the cookie's.
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            headers[.cookie] = "\(CSRF(secure: false).cookie)=" + String(repeating: "a", count: 64)
            try await client.execute(
                uri: "/schemes/community-action-fund/2017-18/check", method: .post, headers: headers,
                body: Self.encode(Self.pairs(bid) + [("csrf", String(repeating: "b", count: 64))])
            ) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    /// The sample bids of the Community Action Fund, typed into the form, get the verdict `grants check` gives
    /// each alone, with every rule on the page.
    @Test(arguments: ["caf-friday-boxing.yaml", "caf-over-cap.yaml", "caf-individual.yaml", "caf-retrospective.yaml"])
    func aSampleBidTypedInGetsItsVerdict(file: String) async throws {
        let bid = try BidFile.read(file: PackageFiles.bids + "/" + file)[0].value
        let ledger = try Fixtures.sampleLedger(reason: "web")
        var library = try RulebookLibrary()
        let verdict = try #require(try BidScreening.screen([bid], rulebooks: &library, store: ledger).verdicts.first)
        try await withSite { client in
            let token = String(repeating: "0123456789abcdef", count: 4)
            try await Self.post(client, "/schemes/community-action-fund/2017-18/check", token: token, Self.pairs(bid)) { response in
                #expect(response.status == .ok, "\(file)")
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"verdict\""), "\(file)")
                Self.expectVerdictShown(page, verdict, file)
                // What was typed is kept, to change and check again.
                #expect(page.contains("value=\"\(bid.title.replacingOccurrences(of: "'", with: "&#39;"))\""), "\(file)")
            }
        }
    }

    /// An amount typed wrong is shown next to its input, in the summary linking to it, with the value kept.
    @Test func aMalformedAmountIsShownNextToItsField() async throws {
        let bid = try BidFile.read(file: PackageFiles.bids + "/caf-friday-boxing.yaml")[0].value
        let fields = Self.pairs(bid).filter { $0.0 != "requested" } + [("requested", "12.345")]
        try await withSite { client in
            let token = String(repeating: "0123456789abcdef", count: 4)
            try await Self.post(client, "/schemes/community-action-fund/2017-18/check", token: token, fields) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains("<title>Error: "))
                #expect(page.contains("There is a problem"))
                #expect(page.contains("<a href=\"#requested\">"))
                #expect(page.contains("<p id=\"requested-error\" class=\"error-message\">"))
                #expect(page.contains("aria-describedby=\"requested-error\""))
                #expect(page.contains("value=\"12.345\""))
                #expect(!page.contains("id=\"verdict\""))
            }
        }
    }

    /// A value typed into the form comes back escaped a Unicode scalar at a time: a quote with a combining mark
    /// after it (one Swift Character) cannot end the attribute it is put in.
    @Test func aValueTypedInComesBackEscapedEvenWithCombiningMarks() async throws {
        try await withSite { client in
            let token = String(repeating: "0123456789abcdef", count: 4)
            let typed = "\"\u{301} autofocus x=\"<b>&'"
            let fields = [("title", typed), ("budget-lines", "1"), ("action", "add-line")]
            try await Self.post(client, "/schemes/community-action-fund/2017-18/check", token: token, fields) { response in
                let page = String(buffer: response.body)
                let escaped = "value=\"&quot;" + "\u{301}" + " autofocus x=&quot;&lt;b&gt;&amp;&#39;\""
                let raw = "\"" + "\u{301}" + " autofocus"
                #expect(page.contains(escaped))
                #expect(!page.contains(raw))
            }
        }
    }

    @Test func anotherBudgetLineIsAddedWithoutChecking() async throws {
        try await withSite { client in
            let token = String(repeating: "0123456789abcdef", count: 4)
            let fields = [("budget-lines", "2"), ("budget-0-category", "venue-hire"), ("action", "add-line")]
            try await Self.post(client, "/schemes/community-action-fund/2017-18/check", token: token, fields) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("id=\"budget-2-amount\""))
                #expect(!page.contains("id=\"budget-3-amount\""))
                #expect(page.contains("name=\"budget-lines\" value=\"3\""))
                #expect(page.contains("value=\"venue-hire\""))
                #expect(!page.contains("There is a problem") && !page.contains("id=\"verdict\""))
            }
        }
    }

    @Test func formFieldsReadAsABidFileWould() {
        #expect(Checker.money("£2,500.00") == "2500.00")
        #expect(Checker.money(" 12.5 ") == "12.5")
        let form = FormData([("start-day", "1"), ("start-month", "7"), ("start-year", "2017"), ("end-day", "x")])
        #expect(Checker.day(form, "start") == "2017-07-01")
        #expect(Checker.day(form, "end") == "--x")
        #expect(Checker.day(form, "submitted") == "")
        #expect(Checker.inputID(for: "budget[2].amount") == "budget-2-amount")
        #expect(Checker.inputID(for: "applicant.unrestricted_reserves") == "applicant-reserves")
        #expect(Checker.inputID(for: "priorities[1]") == "priorities")
        #expect(FormData(body: Array("a=1&b=%ZZ".utf8)) == nil)
        #expect(FormData(body: Array("a=x+y&a=%C2%A3".utf8))?.all("a") == ["x y", "£"])
    }
}

