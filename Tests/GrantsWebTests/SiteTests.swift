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
                let paths = (document?["paths"] as? [String: Any])?.keys.sorted() ?? []
                #expect(paths == [
                    "/api/v1/bids/check", "/api/v1/openapi.json", "/api/v1/schemes", "/api/v1/schemes/{scheme}/{year}",
                    "/health",
                ])
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
