import Foundation
import GrantsCore
import GrantsImport
import GrantsRules
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
@testable import GrantsWeb

/// The signed-in side: who may use which route (every route × every role, from the route table), signing in and
/// out, CSRF, session fixation, throttling, timeouts, an applicant guessing ids, and two officers racing for the
/// last money of an allocation.
@Suite struct AccountPagesTests {
    static let password = "correct horse battery staple"

    /// The fixture ledger, with two CSP bids that cannot both be met from the £5,000 allocation, and a grant to each
    /// of two community groups.
    static let world = """
        format: grants-ledger/1
        organisations:
          - {id: 360G-Test-ORG-0002, name: Another Group (example), kind: community-group, example: true}
        bids:
          - {id: BID-A, fund: CSP-2017-18, csp: 360G-Test-CSP-SR, applicant: GB-LAE-SRI, title: Project A, requested: "3000.00", submitted: 2017-06-01}
          - {id: BID-B, fund: CSP-2017-18, csp: 360G-Test-CSP-SR, applicant: GB-LAE-SRI, title: Project B, requested: "3000.00", submitted: 2017-06-02}
          - {id: BID-C, fund: CAF-2017-18, applicant: 360G-Test-ORG-0001, title: Boxing, requested: "500.00", submitted: 2017-06-03}
          - {id: BID-D, fund: CAF-2017-18, applicant: 360G-Test-ORG-0002, title: Allotments, requested: "400.00", submitted: 2017-06-04}
        awards:
          - {id: AWD-C, bid: BID-C, fund: CAF-2017-18, recipient: 360G-Test-ORG-0001, title: Boxing, amount: "500.00", decision: "2017/90", award_date: 2017-07-24, planned_start: 2017-09-01, planned_end: 2018-03-31, priorities: [anti-social-behaviour]}
          - {id: AWD-D, bid: BID-D, fund: CAF-2017-18, recipient: 360G-Test-ORG-0002, title: Allotments, amount: "400.00", decision: "2017/91", award_date: 2017-07-24, planned_start: 2017-09-01, planned_end: 2018-03-31, priorities: [anti-social-behaviour]}
        claims:
          - {id: AWD-C-C01, award: AWD-C, period_start: 2017-07-01, period_end: 2017-09-30, amount: "200.00", date: 2017-10-02}
          - {id: AWD-D-C01, award: AWD-D, period_start: 2017-07-01, period_end: 2017-09-30, amount: "100.00", date: 2017-10-03}

        """

    /// A site over a ledger file with the world above and one account of each role (two officers), each signed in.
    struct World: Sendable {
        let folder: TemporaryFolder
        let ledger: Ledger
        let site: Site
        let clock: TestClock
        /// The session cookie of each account, by role name (`officer2` the second officer).
        let cookies: [String: String]

        init(clock: TestClock = TestClock()) throws {
            folder = try TemporaryFolder()
            ledger = try Ledger(path: folder.file("grants.sqlite"), mode: .create)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
            try ledger.record(try LedgerFile.parse(AccountPagesTests.world, file: "world.yaml"), as: Fixtures.change())
            self.clock = clock
            let people: [(String, String, String?)] = [
                ("applicant", "applicant", "360G-Test-ORG-0001"), ("officer", "finance-officer", nil),
                ("officer2", "finance-officer", nil), ("commissioner", "commissioner", nil),
            ]
            var cookies: [String: String] = [:]
            for (index, (name, role, organisation)) in people.enumerated() {
                _ = try Accounts.add(
                    email: "\(name)@example.org", role: role, organisation: organisation,
                    password: try Password(AccountPagesTests.password), stamp: Stamp(actor: "admin", at: Fixtures.at),
                    in: ledger, cost: 4)
                let token = try #require(SessionToken(randomBytes: [UInt8](repeating: UInt8(index + 1), count: 32)))
                let outcome = try SignIn.attempt(
                    email: try EmailAddress("\(name)@example.org", field: "email"), password: AccountPagesTests.password,
                    address: "192.0.2.1", token: token, at: clock.now, in: ledger)
                guard case .signedIn = outcome else { throw Failure("\(name) did not sign in: \(outcome)") }
                cookies[name] = "grants-session=\(token.text)"
            }
            self.cookies = cookies
            site = try Site(store: ledger, accounts: ledger, clock: { clock.now })
        }

        func test(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
            try await Application(router: site.router()).test(.router, body)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A clock the tests move.
    final class TestClock: Sendable {
        private let seconds: Mutex<Int64>

        init(start: Timestamp = Fixtures.at) {
            seconds = Mutex(start.secondsSinceEpoch)
        }

        var now: Timestamp { Timestamp(secondsSinceEpoch: seconds.withLock { $0 }) ?? Fixtures.at }
        func advance(_ by: Int64) { seconds.withLock { $0 += by } }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The CSRF token a page's forms carry.
    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(page[range.upperBound...].prefix(64))
    }

    static func form(_ pairs: [(String, String)]) -> ByteBuffer {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return ByteBuffer(string: pairs.map { name, value in
            "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&"))
    }

    static let formType: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    // MARK: - Who may use what

    /// Who may use each route: a route added to the table without a line here fails this test, and so does a line
    /// for a route the table no longer has.
    static let expected: [String: Set<String>] = {
        let everyone: Set<String> = ["out", "applicant", "officer", "commissioner"]
        let signedIn: Set<String> = ["applicant", "officer", "commissioner"]
        let office: Set<String> = ["officer", "commissioner"]
        return [
            "GET /health": everyone, "GET /static/{name}": everyone, "GET /": everyone,
            "GET /schemes/{scheme}/{year}": everyone, "GET /schemes/{scheme}/{year}/check": everyone,
            "POST /schemes/{scheme}/{year}/check": everyone, "POST /schemes/{scheme}/{year}/check/file": everyone,
            "GET /grants": everyone, "GET /grants/{year}": everyone, "GET /grants/{year}/{file}": everyone,
            "GET /api/v1/openapi.json": everyone, "GET /api/v1/schemes": everyone,
            "GET /api/v1/schemes/{scheme}/{year}": everyone, "POST /api/v1/bids/check": everyone,
            "GET /api/v1/grants/{year}": everyone,
            "GET /sign-in": everyone, "POST /sign-in": everyone, "POST /sign-out": signedIn,
            "GET /signed-out": everyone, "GET /account": signedIn,
            "GET /dashboard": office, "GET /round": office, "GET /bids/{bid}/award": ["officer"],
            "POST /bids/{bid}/award": ["officer"], "GET /returns": office, "GET /returns/download": office,
            "GET /organisation": ["applicant"], "GET /organisation/awards/{award}": ["applicant"],
            "GET /organisation/awards/{award}/claim": ["applicant"], "POST /organisation/awards/{award}/claim": ["applicant"],
            "GET /claims": office, "GET /claims/{claim}/pay": ["officer"], "POST /claims/{claim}/pay": ["officer"],
            "GET /awards/{award}": office, "GET /awards/{award}/close": ["officer"], "POST /awards/{award}/close": ["officer"],
            "GET /awards/{award}/withdraw": ["officer"], "POST /awards/{award}/withdraw": ["officer"],
            "GET /register/{token}": everyone, "POST /register/{token}": everyone,
            "GET /organisation/bids/new": ["applicant"], "POST /organisation/bids/new": ["applicant"],
            "GET /organisation/drafts/{draft}": ["applicant"], "POST /organisation/drafts/{draft}": ["applicant"],
            "POST /organisation/drafts/{draft}/submit": ["applicant"], "GET /organisation/bids/{bid}": ["applicant"],
            "POST /organisation/bids/{bid}/correct": ["applicant"], "GET /bids/{bid}": office,
            "GET /organisation/awards/{award}/report": ["applicant"], "POST /organisation/awards/{award}/report": ["applicant"],
            "GET /outcomes": office, "GET /api/v1/returns/{year}": office, "GET /year-end": office,
            "GET /year-end/close": ["officer"], "POST /year-end/close": ["officer"], "GET /reallocate": ["officer"],
            "POST /reallocate": ["officer"], "GET /reconcile": office, "GET /history": office,
        ]
    }()

    @Test func everyRouteIsForTheRolesItsEntrySaysAndNoOthers() async throws {
        let world = try World()
        let routes = world.site.routes.map { "\($0.method.rawValue) \($0.path)" }
        #expect(Set(routes) == Set(Self.expected.keys), "the route table and the expected access differ")
        let values = [
            "{scheme}": "community-action-fund", "{year}": "2017-18", "{name}": "app.css", "{file}": "register.csv",
            "{bid}": "BID-A", "{award}": "AWD-C", "{claim}": "AWD-C-C01", "{draft}": "1",
            "{token}": String(repeating: "A", count: 43),
        ]
        let table = world.site.routes.map { (method: $0.method, path: $0.path) }
        let cookies = world.cookies
        try await world.test { client in
            for route in table {
                var path = route.path
                for (name, value) in values { path = path.replacingOccurrences(of: name, with: value) }
                let allowed = Self.expected["\(route.method.rawValue) \(route.path)"] ?? []
                for who in ["out", "applicant", "officer", "commissioner"] {
                    try await Self.expectAccess(
                        client, route.method, path, cookie: cookies[who], allowed: allowed.contains(who),
                        signedOut: who == "out", label: "\(who): \(route.method) \(path)")
                }
            }
        }
    }

    /// One route tried by one person: allowed, it is not refused for who they are; signed out, a page sends them to
    /// sign in (anything else is 401); signed in with another role, 403.
    static func expectAccess(
        _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, cookie: String?, allowed: Bool,
        signedOut: Bool, label: String
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let response = try await client.execute(uri: path, method: method, headers: headers, body: nil)
        let page = text(response)
        let refusedByRole = response.status == .forbidden && page.contains("may not see or do this")
        let sentToSignIn = response.status == .seeOther && response.headers[.location] == "/sign-in"
        let status = response.status
        if allowed {
            #expect(!refusedByRole && !sentToSignIn && status != .unauthorized && status.code < 500, "\(label): \(status)")
        } else if signedOut {
            // A page asked for is sent to sign in; anything else (a form, the API) is told 401.
            let page = method == .get && !path.hasPrefix("/api/")
            #expect(status == (page ? .seeOther : .unauthorized), "\(label): \(status)")
            #expect(!page || sentToSignIn, "\(label)")
        } else {
            #expect(refusedByRole, "\(label): \(status)")
        }
    }

    // MARK: - Signing in and out

    @Test func signingInStartsANewSessionWhateverTheBrowserHeldAndSigningOutEndsIt() async throws {
        let world = try World()
        try await world.test { client in
            // A session id planted before sign-in (fixation; here a live one, the commissioner's) is not the one signed
            // in, and is ended.
            let planted = try #require(world.cookies["commissioner"])
            let page = try await client.execute(uri: "/sign-in", method: .get, headers: [.cookie: planted])
            #expect(page.status == .ok)
            let csrf = try #require(Self.csrf(in: Self.text(page)))
            var headers = Self.formType
            headers[.cookie] = planted
            let wrong = try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: Self.form([("csrf", csrf), ("email", "officer@example.org"), ("password", "not the password!")]))
            #expect(wrong.status == .unauthorized)
            #expect(Self.text(wrong).contains("error-summary") && Self.text(wrong).contains("Enter the email address"))
            let right = try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: Self.form([("csrf", csrf), ("email", " Officer@Example.org "), ("password", Self.password)]))
            #expect(right.status == .seeOther && right.headers[.location] == "/account")
            let session = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("grants-session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict") && !session.hasPrefix(planted + ";"))
            let signedIn = String(session.prefix { $0 != ";" })
            let account = try await client.execute(uri: "/account", method: .get, headers: [.cookie: signedIn])
            #expect(account.status == .ok && Self.text(account).contains("officer@example.org"))
            // Signing out needs the session's own CSRF token: the one of the page signed in as the commissioner is
            // refused.
            var out = Self.formType
            out[.cookie] = signedIn
            let forged = try await client.execute(
                uri: "/sign-out", method: .post, headers: out, body: Self.form([("csrf", csrf)]))
            #expect(forged.status == .forbidden)
            let token = try #require(Self.csrf(in: Self.text(account)))
            let signOut = try await client.execute(
                uri: "/sign-out", method: .post, headers: out, body: Self.form([("csrf", token)]))
            #expect(signOut.status == .seeOther && signOut.headers[.location] == "/signed-out")
            #expect(signOut.headers[values: .setCookie].contains { $0.hasPrefix("grants-session=;") })
            let after = try await client.execute(uri: "/account", method: .get, headers: [.cookie: signedIn])
            #expect(after.status == .seeOther && after.headers[.location] == "/sign-in")
            let plantedAfter = try await client.execute(uri: "/account", method: .get, headers: [.cookie: planted])
            #expect(plantedAfter.status == .seeOther, "the planted session was ended at sign-in")
            #expect(account.headers[.cacheControl] == "no-store", "a page made for one person is not kept")
        }
        let log = try world.ledger.signInLog(limit: 4).map(\.outcome)
        #expect(log == [.signedOut, .signedOut, .signedIn, .failed])
    }

    @Test func aFormWithoutItsTokenIsRefusedAndChangesNothing() async throws {
        let world = try World()
        try await world.test { client in
            let signIn = try await client.execute(
                uri: "/sign-in", method: .post, headers: Self.formType,
                body: Self.form([("email", "officer@example.org"), ("password", Self.password)]))
            #expect(signIn.status == .forbidden)
            var headers = Self.formType
            headers[.cookie] = world.cookies["officer"]
            let award = try await client.execute(
                uri: "/bids/BID-A/award", method: .post, headers: headers,
                body: Self.form([
                    ("action", "confirm"), ("amount", "3000"), ("decision", "2017/99"), ("date-day", "1"),
                    ("date-month", "8"), ("date-year", "2017"), ("override", "test"),
                ]))
            #expect(award.status == .forbidden)
        }
        #expect(try world.ledger.award("AWD-BID-A") == nil)
        #expect(try world.ledger.signInLog(limit: 10).count == 4, "only the four sign-ins of the set-up")
    }

    @Test func repeatedFailuresAreThrottledWithRetryAfter() async throws {
        let world = try World()
        try await world.test { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            let csrf = try #require(Self.csrf(in: Self.text(page)))
            let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("grants-csrf=") })
            var headers = Self.formType
            headers[.cookie] = String(cookie.prefix { $0 != ";" })
            for attempt in 0...SignIn.failuresPerEmail {
                let response = try await client.execute(
                    uri: "/sign-in", method: .post, headers: headers,
                    body: Self.form([("csrf", csrf), ("email", "nobody@example.org"), ("password", "guess number \(attempt)")]))
                if attempt < SignIn.failuresPerEmail {
                    #expect(response.status == .unauthorized)
                } else {
                    #expect(response.status == .tooManyRequests)
                    #expect(response.headers[.retryAfter] == "900")
                    #expect(Self.text(response).contains("too many attempts"))
                }
            }
        }
    }

    @Test func aSessionLeftAloneForHalfAnHourIsOver() async throws {
        let world = try World()
        try await world.test { client in
            let cookie = try #require(world.cookies["commissioner"])
            let first = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie])
            #expect(first.status == .ok)
            world.clock.advance(SignIn.idleTimeout + 1)
            let later = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie])
            #expect(later.status == .seeOther && later.headers[.location] == "/sign-in")
            #expect(later.headers[values: .setCookie].contains { $0.hasPrefix("grants-session=;") })
        }
    }

    // MARK: - What each role sees

    /// An applicant sees their own organisation's grants; every other award id, real or not, is not found.
    @Test func anApplicantGuessingIdsSeesOnlyTheirOwn() async throws {
        let world = try World()
        let cookie = try #require(world.cookies["applicant"])
        try await world.test { client in
            let own = try await client.execute(uri: "/organisation", method: .get, headers: [.cookie: cookie])
            #expect(own.status == .ok && Self.text(own).contains("AWD-C") && !Self.text(own).contains("AWD-D"))
            for id in ["AWD-C", "AWD-D", "AWD-NONE", "AWD-C%2F..", "..%2FAWD-D"] {
                let response = try await client.execute(
                    uri: "/organisation/awards/\(id)", method: .get, headers: [.cookie: cookie])
                #expect(response.status == (id == "AWD-C" ? .ok : .notFound), "\(id)")
                #expect(!Self.text(response).contains("Allotments"), "\(id)")
            }
        }
    }

    @Test func theOfficeSeesTheDashboardTheRoundAndEveryReturn() async throws {
        let world = try World()
        let cookie = try #require(world.cookies["commissioner"])
        try await world.test { client in
            let dashboard = try await client.execute(
                uri: "/dashboard?year=2017-18&as-of-day=31&as-of-month=3&as-of-year=2018", method: .get,
                headers: [.cookie: cookie])
            #expect(dashboard.status == .ok)
            let page = Self.text(dashboard)
            #expect(page.contains("as of 2018-03-31") && page.contains("South Ribble Community Safety Partnership"))
            #expect(page.contains("£10,000.00") && page.contains("<svg"))
            let bad = try await client.execute(
                uri: "/dashboard?year=2017-18&as-of-day=31&as-of-month=2&as-of-year=2018", method: .get,
                headers: [.cookie: cookie])
            #expect(bad.status == .unprocessableContent && Self.text(bad).contains("Enter a real date"))
            let round = try await client.execute(uri: "/round?year=2017-18", method: .get, headers: [.cookie: cookie])
            #expect(Self.text(round).contains("BID-A") && !Self.text(round).contains("/bids/BID-A/award"),
                    "the commissioner sees the round but may not award")
            for format in ReturnFormat.allCases {
                let file = try await client.execute(
                    uri: "/returns/download?year=2017-18&period=Q2&format=\(format.rawValue)", method: .get,
                    headers: [.cookie: cookie])
                #expect(file.status == .ok, "\(format)")
                #expect(file.headers[.contentType] == format.contentType, "\(format)")
                #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true, "\(format)")
            }
            let csv = try await client.execute(
                uri: "/returns/download?year=2017-18&period=year&format=csv", method: .get, headers: [.cookie: cookie])
            let expected = try SpendReturns.bytes(
                SpendReturn.Period(year: try FinancialYear(parsing: "2017/18")), in: world.ledger, format: .csv,
                options: ReturnOptions(excel: true, lastModified: try SpendReturns.lastModified(in: world.ledger)))
            #expect(Array(csv.body.readableBytesView) == expected, "the same bytes as grants return --excel")
            let refused = try await client.execute(
                uri: "/returns/download?year=2017-18&period=Q9&format=csv", method: .get, headers: [.cookie: cookie])
            #expect(refused.status == .unprocessableContent && Self.text(refused).contains("Select the whole year"))
        }
    }

    // MARK: - Awarding

    static func awardForm(_ csrf: String, action: String, amount: String = "3000") -> ByteBuffer {
        form([
            ("csrf", csrf), ("action", action), ("amount", amount), ("decision", "2017/99"), ("date-day", "1"),
            ("date-month", "8"), ("date-year", "2017"), ("override", "the bid's answers are on paper"),
        ])
    }

    @Test func anOfficerSeesWhatAnAwardWillChangeBeforeRecordingIt() async throws {
        let world = try World()
        let cookie = try #require(world.cookies["officer"])
        var headers = Self.formType
        headers[.cookie] = cookie
        try await world.test { [headers] client in
            let form = try await client.execute(uri: "/bids/BID-A/award", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(Self.csrf(in: Self.text(form)))
            let empty = try await client.execute(
                uri: "/bids/BID-A/award", method: .post, headers: headers,
                body: Self.form([("csrf", csrf), ("action", "check")]))
            #expect(empty.status == .unprocessableContent)
            for message in ["Enter the amount to award", "Enter the decision reference", "Enter the date of the decision",
                            "Enter why you award this bid without checking it"] {
                #expect(Self.text(empty).contains(message), "\(message)")
            }
            let check = try await client.execute(
                uri: "/bids/BID-A/award", method: .post, headers: headers, body: Self.awardForm(csrf, action: "check"))
            #expect(check.status == .ok)
            #expect(Self.text(check).contains("£5,000.00 now, £2,000.00 after"))
            #expect(try world.ledger.award("AWD-BID-A") == nil, "checking records nothing")
            let tooMuch = try await client.execute(
                uri: "/bids/BID-A/award", method: .post, headers: headers,
                body: Self.awardForm(csrf, action: "check", amount: "6000"))
            #expect(tooMuch.status == .unprocessableContent && Self.text(tooMuch).contains("£5,000.00 or less"))
            let confirm = try await client.execute(
                uri: "/bids/BID-A/award", method: .post, headers: headers, body: Self.awardForm(csrf, action: "confirm"))
            #expect(confirm.status == .seeOther)
            #expect(confirm.headers[.location] == "/round?year=2017-18&awarded=AWD-BID-A")
        }
        let award = try #require(try world.ledger.award("AWD-BID-A"))
        #expect(award.amount == Money(pence: 300_000) && award.allocation == "ALLOC-SR")
        let history = try world.ledger.history(entryID: "AWD-BID-A", limit: nil)
        #expect(history.first?.actor == "officer@example.org")
        #expect(try world.ledger.reconcile().balances)
    }

    /// Two officers confirm awards that each fit what is left of the allocation, but not both, at the same moment:
    /// exactly one is recorded, and the other is told why, on the form, with nothing written.
    @Test func twoOfficersAwardingTheLastMoneyAtOnceOneWinsAndTheOtherSeesWhy() async throws {
        let world = try World()
        let first = try #require(world.cookies["officer"])
        let second = try #require(world.cookies["officer2"])
        try await world.test { client in
            // Both see the confirmation page while the money is there.
            var tokens: [String] = []
            for (cookie, bid) in [(first, "BID-A"), (second, "BID-B")] {
                let form = try await client.execute(uri: "/bids/\(bid)/award", method: .get, headers: [.cookie: cookie])
                tokens.append(try #require(Self.csrf(in: Self.text(form))))
                var headers = Self.formType
                headers[.cookie] = cookie
                let check = try await client.execute(
                    uri: "/bids/\(bid)/award", method: .post, headers: headers,
                    body: Self.awardForm(tokens[tokens.count - 1], action: "check"))
                #expect(check.status == .ok && Self.text(check).contains("£2,000.00 after"))
            }
            let statuses = try await withThrowingTaskGroup(of: (String, HTTPResponse.Status, String).self) { group in
                for (index, (cookie, bid)) in [(first, "BID-A"), (second, "BID-B")].enumerated() {
                    let token = tokens[index]
                    group.addTask {
                        var headers = Self.formType
                        headers[.cookie] = cookie
                        let response = try await client.execute(
                            uri: "/bids/\(bid)/award", method: .post, headers: headers,
                            body: Self.awardForm(token, action: "confirm"))
                        return (bid, response.status, Self.text(response))
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.1 == .seeOther }.count == 1, "\(statuses.map(\.1))")
            // The loser is told on the form: by the ledger's refusal when both confirmed before either was recorded
            // (409), or by the check of what is left when the other was recorded first (422).
            let loser = try #require(statuses.first { $0.1 != .seeOther })
            #expect(loser.1 == .conflict || loser.1 == .unprocessableContent, "\(loser.1)")
            #expect(loser.2.contains("error-summary") && loser.2.contains("ALLOC-SR"), "\(loser.2)")
        }
        let awarded = try ["AWD-BID-A", "AWD-BID-B"].filter { try world.ledger.award($0) != nil }
        #expect(awarded.count == 1)
        #expect(try world.ledger.reconcile().balances)
    }

    /// Behind a TLS proxy that appends the client's address: the cookies are Secure and `__Host-` named, HSTS is
    /// sent, and the sign-in log and throttling see the last X-Forwarded-For address (an IPv6 one by its /64).
    @Test func behindATLSProxyTheCookiesAreSecureAndTheForwardedAddressCounts() async throws {
        let world = try World()
        let site = try Site(
            store: world.ledger, accounts: world.ledger,
            settings: Site.Settings(behindTLS: true, trustForwardedFor: true), clock: { world.clock.now })
        try await Application(router: site.router()).test(.router) { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            let csrfCookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("__Host-grants-csrf=") })
            #expect(csrfCookie.contains("Secure"))
            var headers = Self.formType
            headers[.cookie] = String(csrfCookie.prefix { $0 != ";" })
            headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9, 2001:db8:aa:bb:1:2:3:4"
            let signedIn = try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: Self.form([
                    ("csrf", try #require(Self.csrf(in: Self.text(page)))), ("email", "officer@example.org"),
                    ("password", Self.password),
                ]))
            #expect(signedIn.status == .seeOther)
            let session = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("__Host-grants-session=") })
            #expect(session.contains("Secure") && session.contains("HttpOnly") && session.contains("Path=/"))
            #expect(signedIn.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
        }
        #expect(try world.ledger.signInLog(limit: 1).first?.address == "2001:db8:aa:bb::/64")
    }

    @Test(arguments: [
        ("192.0.2.7", "192.0.2.7"), ("::ffff:192.0.2.7", "192.0.2.7"), ("2001:db8::1", "2001:db8:0:0::/64"),
        ("2001:0db8:0001:0002:0003:0004:0005:0006", "2001:db8:1:2::/64"), ("not an address", nil), ("", nil),
        ("192.0.2.7:443", "192.0.2.7"), ("[2001:db8::1]:443", "2001:db8:0:0::/64"), ("fe80::1%eth0", "fe80:0:0:0::/64"),
        ("1.2.3.4.5", nil), ("[not]", nil),
    ] as [(String, String?)])
    func clientAddressesAreCountedByHostOrIPv6Network(text: String, counted: String?) {
        #expect(ClientAddress.counted(text) == counted)
    }

    /// A bid that has an award is not awarded again in the browser, whatever the officer writes.
    @Test func aBidWithAnAwardIsNotAwardedAgain() async throws {
        let world = try World()
        let cookie = try #require(world.cookies["officer"])
        try await world.test { client in
            let form = try await client.execute(uri: "/bids/BID-C/award", method: .get, headers: [.cookie: cookie])
            let csrf = try #require(Self.csrf(in: Self.text(form)))
            var headers = Self.formType
            headers[.cookie] = cookie
            let again = try await client.execute(
                uri: "/bids/BID-C/award", method: .post, headers: headers,
                body: Self.awardForm(csrf, action: "confirm", amount: "100"))
            #expect(again.status == .unprocessableContent)
            #expect(Self.text(again).contains("has AWD-C already"))
        }
        #expect(try world.ledger.award("AWD-BID-C") == nil)
    }

    /// Two plans made while the money was there, then both recorded: the ledger refuses the second inside its
    /// transaction, whatever the pages showed.
    @Test func theLedgerRefusesTheSecondOfTwoPlansForTheSameMoney() throws {
        let world = try World()
        var rulebooks = try RulebookLibrary()
        let date = try Day(parsing: "2017-08-01")
        let plans = try ["BID-A", "BID-B"].map { bid in
            try AwardDecision.plan(
                AwardRequest(bid: bid, amount: Money(pence: 300_000), decision: "2017/99", date: date, override: "test"),
                in: world.ledger, rulebooks: &rulebooks)
        }
        #expect(plans.allSatisfy { $0.available == Money(pence: 500_000) && !$0.availableAfter.isNegative })
        let stamp = Stamp(actor: "officer@example.org", at: Fixtures.at)
        _ = try AwardDecision.record(plans[0], in: world.ledger, by: stamp)
        do {
            _ = try AwardDecision.record(plans[1], in: world.ledger, by: stamp)
            Issue.record("both awards were recorded")
        } catch {
            #expect(error.message.contains("ALLOC-SR"), "\(error.message)")
        }
        #expect(try world.ledger.award("AWD-BID-B") == nil)
    }

    /// The journey of a claim: an applicant claims on their grant (and not on another's), a finance officer pays it,
    /// each through a page to check first, each recorded under their own email.
    @Test func anApplicantClaimsAndAnOfficerPaysIt() async throws {
        let world = try World()
        let applicant = try #require(world.cookies["applicant"])
        let officer = try #require(world.cookies["officer"])
        try await world.test { client in
            let form = try await client.execute(
                uri: "/organisation/awards/AWD-C/claim", method: .get, headers: [.cookie: applicant])
            let csrf = try #require(Self.csrf(in: Self.text(form)))
            var headers = Self.formType
            headers[.cookie] = applicant
            func claim(_ action: String, amount: String, award: String = "AWD-C", id: String = "AWD-C-C02")
                async throws -> TestResponse
            {
                try await client.execute(
                    uri: "/organisation/awards/\(award)/claim", method: .post, headers: headers,
                    body: Self.form([
                        ("csrf", csrf), ("action", action), ("period", "Q3"), ("amount", amount),
                        ("done", "Ten Friday sessions; 14 young people came"), ("claim-id", id),
                    ]))
            }
            let empty = try await client.execute(
                uri: "/organisation/awards/AWD-C/claim", method: .post, headers: headers,
                body: Self.form([("csrf", csrf), ("action", "check")]))
            #expect(empty.status == .unprocessableContent)
            #expect(Self.text(empty).contains("Select the quarter") && Self.text(empty).contains("Enter what was done"))
            let check = try await claim("check", amount: "150.00")
            #expect(check.status == .ok && Self.text(check).contains("Check your claim before you send it"))
            #expect(Self.text(check).contains("name=\"claim-id\" value=\"AWD-C-C02\""), "the claim's number is carried")
            #expect(try world.ledger.claims(award: "AWD-C").count == 1, "checking sends nothing")
            let tooMuch = try await claim("confirm", amount: "1000.00")
            #expect(tooMuch.status == .unprocessableContent && Self.text(tooMuch).contains("The claim was not sent"))
            let sent = try await claim("confirm", amount: "150.00")
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/organisation/awards/AWD-C?claimed=AWD-C-C02")
            let twice = try await claim("confirm", amount: "150.00")
            #expect(twice.status == .seeOther, "the same claim sent twice (a double click)")
            #expect(try world.ledger.claims(award: "AWD-C").count == 2, "is recorded once")
            let forged = try await claim("confirm", amount: "10.00", id: "AWD-D-C09")
            #expect(forged.status == .unprocessableContent, "a claim number of another grant")
            let page = try await client.execute(
                uri: "/organisation/awards/AWD-C?claimed=AWD-C-C02", method: .get, headers: [.cookie: applicant])
            #expect(Self.text(page).contains("Claim sent") && Self.text(page).contains("Waiting for payment"))
            let other = try await claim("confirm", amount: "10.00", award: "AWD-D", id: "AWD-D-C02")
            #expect(other.status == .notFound, "another organisation's grant")

            let claims = try await client.execute(uri: "/claims", method: .get, headers: [.cookie: officer])
            #expect(Self.text(claims).contains("/claims/AWD-C-C02/pay"))
            let payForm = try await client.execute(uri: "/claims/AWD-C-C02/pay", method: .get, headers: [.cookie: officer])
            let token = try #require(Self.csrf(in: Self.text(payForm)))
            var officerHeaders = Self.formType
            officerHeaders[.cookie] = officer
            func pay(_ action: String, day: String = "30", month: String = "4") async throws -> TestResponse {
                try await client.execute(
                    uri: "/claims/AWD-C-C02/pay", method: .post, headers: officerHeaders,
                    body: Self.form([
                        ("csrf", token), ("action", action), ("date-day", day), ("date-month", month),
                        ("date-year", "2018"), ("reference", "BACS 4417"),
                    ]))
            }
            let payCheck = try await pay("check")
            #expect(payCheck.status == .ok && Self.text(payCheck).contains("£150.00"))
            // Before the claim was made (2018-04-30): refused by the ledger, on the form, with why.
            let early = try await pay("confirm", day: "20", month: "1")
            #expect(early.status == .unprocessableContent && Self.text(early).contains("is before claim AWD-C-C02 was made"))
            // After today: refused on the form.
            let future = try await pay("check", day: "1", month: "5")
            #expect(future.status == .unprocessableContent && Self.text(future).contains("must be today or in the past"))
            let paid = try await pay("confirm")
            #expect(paid.status == .seeOther && paid.headers[.location] == "/claims?paid=AWD-C-C02")
            let again = try await pay("confirm")
            #expect(again.status == .seeOther && again.headers[.location] == "/claims?paid=AWD-C-C02",
                    "the same payment confirmed twice is recorded once, and the second says so")
            let after = try await client.execute(uri: "/claims?paid=AWD-C-C02", method: .get, headers: [.cookie: officer])
            #expect(Self.text(after).contains("Payment recorded") && !Self.text(after).contains("/claims/AWD-C-C02/pay"))
            let applicantAfter = try await client.execute(
                uri: "/organisation/awards/AWD-C", method: .get, headers: [.cookie: applicant])
            #expect(Self.text(applicantAfter).contains("Paid on 2018-04-30"))
        }
        let claim = try #require(try world.ledger.claim("AWD-C-C02"))
        let october = try Day(parsing: "2017-10-01")
        #expect(claim.amount == Money(pence: 15_000) && claim.periodStart == october)
        let history = try world.ledger.history(entryID: "AWD-C-C02", limit: nil)
        #expect(history.contains { $0.actor == "applicant@example.org" && $0.reason.contains("Ten Friday sessions") })
        #expect(try world.ledger.claims(award: "AWD-D").count == 1, "nothing recorded on another organisation's grant")
        let payment = try #require(try world.ledger.payments(award: "AWD-C").first { $0.claim == "AWD-C-C02" })
        #expect(payment.amount == Money(pence: 15_000) && payment.reference == "BACS 4417")
        #expect(try world.ledger.reconcile().balances)
    }

    /// A claim is paid in arrears: one for a quarter not yet over is refused. A claim left on a grant since withdrawn
    /// is no longer offered for payment.
    @Test func claimsAreInArrearsAndOnOpenGrantsOnly() async throws {
        let world = try World(clock: TestClock(start: try Timestamp(parsing: "2018-02-01T10:00:00Z")))
        let applicant = try #require(world.cookies["applicant"])
        let officer = try #require(world.cookies["officer"])
        try AwardLifecycle.withdraw(
            award: "AWD-D", date: try Day(parsing: "2018-01-31"), reason: "the group closed", in: world.ledger,
            by: Stamp(actor: "officer@example.org", at: world.clock.now))
        try await world.test { client in
            let form = try await client.execute(
                uri: "/organisation/awards/AWD-C/claim", method: .get, headers: [.cookie: applicant])
            let csrf = try #require(Self.csrf(in: Self.text(form)))
            var headers = Self.formType
            headers[.cookie] = applicant
            let early = try await client.execute(
                uri: "/organisation/awards/AWD-C/claim", method: .post, headers: headers,
                body: Self.form([
                    ("csrf", csrf), ("action", "confirm"), ("period", "Q4"), ("amount", "50"), ("done", "Sessions"),
                    ("claim-id", "AWD-C-C02"),
                ]))
            #expect(early.status == .unprocessableContent && Self.text(early).contains("paid in arrears"))
            // Other dates than a quarter (a month): both days, in order, and ended before the claim.
            func dates(_ from: (String, String, String), _ to: (String, String, String), _ action: String) async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: "/organisation/awards/AWD-C/claim", method: .post, headers: headers,
                    body: Self.form([
                        ("csrf", csrf), ("action", action), ("period", "dates"), ("from-day", from.0),
                        ("from-month", from.1), ("from-year", from.2), ("to-day", to.0), ("to-month", to.1),
                        ("to-year", to.2), ("amount", "50"), ("done", "Sessions"), ("claim-id", "AWD-C-C02"),
                    ]))
            }
            let backwards = try await dates(("31", "1", "2018"), ("1", "1", "2018"), "check")
            #expect(backwards.status == .unprocessableContent && Self.text(backwards).contains("on or after the first day"))
            let unfinished = try await dates(("1", "1", "2018"), ("28", "2", "2018"), "confirm")
            #expect(unfinished.status == .unprocessableContent && Self.text(unfinished).contains("paid in arrears"))
            let check = try await dates(("1", "1", "2018"), ("31", "1", "2018"), "check")
            #expect(check.status == .ok && Self.text(check).contains("2018-01-01 to 2018-01-31"))
            let january = try await dates(("1", "1", "2018"), ("31", "1", "2018"), "confirm")
            #expect(january.status == .seeOther)
            let claims = try await client.execute(uri: "/claims", method: .get, headers: [.cookie: officer])
            #expect(Self.text(claims).contains("AWD-C-C01") && !Self.text(claims).contains("AWD-D-C01"))
            let pay = try await client.execute(uri: "/claims/AWD-D-C01/pay", method: .get, headers: [.cookie: officer])
            #expect(pay.status == .notFound)
        }
        let claims = try world.ledger.claims(award: "AWD-C")
        #expect(claims.map(\.id) == ["AWD-C-C01", "AWD-C-C02"])
        #expect(claims.last.map { "\($0.periodStart)..\($0.periodEnd)" } == "2018-01-01..2018-01-31")
    }

    /// Without `trustForwardedFor`, X-Forwarded-For is the client's to write, and is not believed.
    @Test func xForwardedForIsIgnoredUnlessTrusted() async throws {
        let world = try World()
        try await world.test { client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            let cookie = try #require(page.headers[values: .setCookie].first { $0.hasPrefix("grants-csrf=") })
            var headers = Self.formType
            headers[.cookie] = String(cookie.prefix { $0 != ";" })
            headers[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.50"
            _ = try await client.execute(
                uri: "/sign-in", method: .post, headers: headers,
                body: Self.form([
                    ("csrf", try #require(Self.csrf(in: Self.text(page)))), ("email", "officer@example.org"),
                    ("password", "not the password!"),
                ]))
        }
        let line = try #require(try world.ledger.signInLog(limit: 1).first)
        #expect(line.outcome == .failed && line.address != "203.0.113.50")
    }

    /// An officer ends awards from the award's page: a withdrawal (nothing paid), and a closing on the end-of-grant
    /// report, refused while a claim waits and recorded once it is paid; each through a page to check.
    @Test func anOfficerWithdrawsAndClosesAwards() async throws {
        let world = try World()
        let officer = try #require(world.cookies["officer"])
        let commissioner = try #require(world.cookies["commissioner"])
        try await world.test { client in
            let view = try await client.execute(uri: "/awards/AWD-D", method: .get, headers: [.cookie: officer])
            #expect(view.status == .ok && Self.text(view).contains("/awards/AWD-D/withdraw"))
            let readOnly = try await client.execute(uri: "/awards/AWD-D", method: .get, headers: [.cookie: commissioner])
            #expect(readOnly.status == .ok && !Self.text(readOnly).contains("/awards/AWD-D/withdraw"))
            let form = try await client.execute(uri: "/awards/AWD-D/withdraw", method: .get, headers: [.cookie: officer])
            let csrf = try #require(Self.csrf(in: Self.text(form)))
            var headers = Self.formType
            headers[.cookie] = officer
            func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .post, headers: headers, body: Self.form([("csrf", csrf)] + fields))
            }
            let withdrawal = [("reason", "The group has closed"), ("date-day", "30"), ("date-month", "4"), ("date-year", "2018")]
            let check = try await post("/awards/AWD-D/withdraw", [("action", "check")] + withdrawal)
            #expect(check.status == .ok && Self.text(check).contains("Check the withdrawal"))
            #expect(try world.ledger.state(ofAward: "AWD-D") != .withdrawn, "checking records nothing")
            let done = try await post("/awards/AWD-D/withdraw", [("action", "confirm")] + withdrawal)
            #expect(done.status == .seeOther && done.headers[.location] == "/awards/AWD-D?done=withdraw")
            let twice = try await post("/awards/AWD-D/withdraw", [("action", "confirm")] + withdrawal)
            #expect(twice.status == .conflict && Self.text(twice).contains("is withdrawn"), "confirmed twice, recorded once")
            #expect(try world.ledger.history(entryID: "AWD-D-WITHDRAWN", limit: nil).count == 1)
            let again = try await client.execute(uri: "/awards/AWD-D/withdraw", method: .get, headers: [.cookie: officer])
            #expect(again.status == .conflict, "no form to withdraw an award withdrawn")
            let twoLines = try await post(
                "/awards/AWD-C/withdraw",
                [("action", "check"), ("reason", "Line one\nline two"), ("date-day", "30"), ("date-month", "4"),
                 ("date-year", "2018")])
            #expect(twoLines.status == .ok && Self.text(twoLines).contains("Line one line two"),
                    "a reason on two lines is kept on one, as the history keeps it")
            #expect(try world.ledger.state(ofAward: "AWD-D") == .withdrawn)

            let closing = [("spent", "200.00"), ("date-day", "30"), ("date-month", "4"), ("date-year", "2018")]
            let waiting = try await post("/awards/AWD-C/close", [("action", "confirm")] + closing)
            #expect(waiting.status == .unprocessableContent && Self.text(waiting).contains("Nothing was recorded"))
            _ = try AwardLifecycle.pay(
                claim: "AWD-C-C01", date: try Day(parsing: "2018-04-30"), in: world.ledger,
                by: Stamp(actor: "officer@example.org", at: Fixtures.at))
            let closed = try await post("/awards/AWD-C/close", [("action", "confirm")] + closing)
            #expect(closed.status == .seeOther && closed.headers[.location] == "/awards/AWD-C?done=close")
            let page = try await client.execute(uri: "/awards/AWD-C?done=close", method: .get, headers: [.cookie: officer])
            #expect(Self.text(page).contains("The award is closed."))
            #expect(Self.text(page).contains("<td>officer@example.org</td><td>end-of-grant report for AWD-C</td>"),
                    "the history names who closed it")
        }
        #expect(try world.ledger.state(ofAward: "AWD-C") == .closed)
        #expect(try world.ledger.reconcile().balances)
    }
}
