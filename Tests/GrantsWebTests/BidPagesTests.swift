import Foundation
import GrantsCore
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GrantsWeb

/// Registering through an invitation, and an applicant's bid from a draft to a submission the office sees with its
/// check: each step through the router, as a browser sends it.
@Suite struct BidPagesTests {
    typealias Pages = AccountPagesTests

    /// In the Samples' year, so that its Community Action Fund takes bids.
    static func world() throws -> AccountPagesTests.World {
        try AccountPagesTests.World(clock: AccountPagesTests.TestClock(start: try Timestamp(parsing: "2017-11-01T10:00:00Z")))
    }

    static func post(
        _ client: any TestClientProtocol, _ path: String, cookie: String?, _ pairs: [(String, String)]
    ) async throws -> TestResponse {
        var headers = Pages.formType
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .post, headers: headers, body: Pages.form(pairs))
    }

    @Test func anInvitedPersonChoosesAPasswordOnceThenSignsIn() async throws {
        let world = try Self.world()
        _ = try Accounts.add(
            email: "new@example.org", role: "applicant", organisation: "360G-Test-ORG-0002", password: nil,
            stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger, cost: 4)
        let token = SessionToken(randomBytes: [UInt8](repeating: 9, count: 32))!
        try Invitations.invite(
            email: "new@example.org", token: token, stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger)
        let path = "/register/\(token.text)"
        try await world.test { client in
            let page = try await client.execute(uri: path, method: .get)
            #expect(page.status == .ok)
            let html = Pages.text(page)
            #expect(html.contains("new@example.org") && html.contains("autocomplete=\"new-password\""))
            let csrf = try #require(Pages.csrf(in: html))
            let cookie = try #require(page.headers[.setCookie]?.split(separator: ";").first.map(String.init))
            // No token, no password set.
            let forged = try await Self.post(
                client, path, cookie: nil, [("password", "a long enough password"), ("confirmation", "a long enough password")])
            #expect(forged.status == .forbidden)
            let short = try await Self.post(
                client, path, cookie: cookie, [("csrf", csrf), ("password", "short"), ("confirmation", "short")])
            #expect(short.status == .unprocessableContent && Pages.text(short).contains("at least 12"))
            let mismatch = try await Self.post(
                client, path, cookie: cookie,
                [("csrf", csrf), ("password", "a long enough password"), ("confirmation", "a long enough passwore")])
            #expect(mismatch.status == .unprocessableContent && Pages.text(mismatch).contains("not the same"))
            let done = try await Self.post(
                client, path, cookie: cookie,
                [("csrf", csrf), ("password", "a long enough password"), ("confirmation", "a long enough password")])
            #expect(done.status == .seeOther && done.headers[.location] == "/sign-in?registered=1")
            let signIn = try await client.execute(uri: "/sign-in?registered=1", method: .get)
            #expect(Pages.text(signIn).contains("Your password is set"))
            // Used: the link is gone, whoever opens it next, and says the same as one never made.
            let again = try await client.execute(uri: path, method: .get)
            #expect(again.status == .gone)
            let never = try await client.execute(uri: "/register/\(String(repeating: "B", count: 43))", method: .get)
            #expect(never.status == .gone && Pages.text(never) == Pages.text(again))
            let resent = try await Self.post(
                client, path, cookie: cookie,
                [("csrf", csrf), ("password", "another long password"), ("confirmation", "another long password")])
            #expect(resent.status == .gone)
        }
        #expect(try SignIn.attempt(
            email: try EmailAddress("new@example.org", field: "email"), password: "a long enough password",
            address: "192.0.2.1", token: SessionToken(randomBytes: [UInt8](repeating: 10, count: 32))!,
            at: world.clock.now, in: world.ledger) != .refused)
        #expect(AccessLog<SiteContext>.logged("/register/\(token.text)") == "/register/(token)")
    }

    /// The answers of a bid that reads, as the form sends them.
    static let answers: [(String, String)] = [
        ("applicant-name", "Test Group (example)"), ("applicant-type", "community-group"),
        ("applicant-constituted", "yes"), ("applicant-reserves", "1000.00"),
        ("applicant-documents", "constitution"), ("applicant-documents", "safeguarding-policy"),
        ("applicant-documents", "latest-accounts"), ("applicant-documents", "bank-details"),
        ("title", "Winter boxing sessions"), ("requested", "300.00"), ("total-cost", "300.00"),
        ("start-day", "1"), ("start-month", "1"), ("start-year", "2018"),
        ("end-day", "31"), ("end-month", "3"), ("end-year", "2018"),
        ("priorities", "anti-social-behaviour"), ("locations", "South Ribble"), ("budget-lines", "1"),
        ("budget-0-category", "venue-hire"), ("budget-0-description", "Hall"), ("budget-0-amount", "300.00"),
    ]

    @Test func aDraftIsSavedCheckedAndSubmittedOnceAndTheOfficeSeesItsCheck() async throws {
        let world = try Self.world()
        let applicant = try #require(world.cookies["applicant"])
        let officer = try #require(world.cookies["officer"])
        try await world.test { client in
            let start = try await client.execute(uri: "/organisation/bids/new", method: .get, headers: [.cookie: applicant])
            #expect(start.status == .ok)
            let csrf = try #require(Pages.csrf(in: Pages.text(start)))
            #expect(Pages.text(start).contains("value=\"community-action-fund_2017-18\""))
            let none = try await Self.post(client, "/organisation/bids/new", cookie: applicant, [("csrf", csrf)])
            #expect(none.status == .unprocessableContent)
            let begun = try await Self.post(
                client, "/organisation/bids/new", cookie: applicant,
                [("csrf", csrf), ("call", "community-action-fund_2017-18")])
            #expect(begun.status == .seeOther)
            let draftPath = try #require(begun.headers[.location])
            #expect(draftPath.hasPrefix("/organisation/drafts/"))
            let draftPage = Pages.text(try await client.execute(uri: draftPath, method: .get, headers: [.cookie: applicant]))
            // Begun with the organisation's name; its id is fixed, not an input; the day it is sent is not asked.
            #expect(draftPage.contains("value=\"Leyland Youth Boxing Club (example)\"") && draftPage.contains("Submit the bid"))
            #expect(!draftPage.contains("id=\"applicant-id\"") && !draftPage.contains("id=\"submitted-day\""))

            // Saved whatever is pressed: half a bid is kept, and checking it names the field at fault.
            let saved = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "save"), ("title", "Half a bid")])
            #expect(saved.status == .seeOther && saved.headers[.location] == draftPath + "?saved=1")
            let check = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "check"), ("title", "Half a bid")])
            #expect(check.status == .unprocessableContent && Pages.text(check).contains("There is a problem"))
            let checked = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "check")] + Self.answers)
            #expect(checked.status == .ok && Pages.text(checked).contains("id=\"verdict\""))

            // Submit: a page to check first, carrying the draft as saved.
            let confirm = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "submit")] + Self.answers)
            let confirmPage = Pages.text(confirm)
            #expect(confirm.status == .ok && confirmPage.contains("Check your bid before you submit it"))
            let savedAt = try #require(confirmPage.range(of: "name=\"fingerprint\" value=\"").map {
                String(confirmPage[$0.upperBound...].prefix(64))
            })
            // Changed in another window after this page was shown: not submitted, and said so.
            let elsewhere = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "save")] + Self.answers + [("description", "More")])
            #expect(elsewhere.status == .seeOther)
            let stale = try await Self.post(
                client, draftPath + "/submit", cookie: applicant,
                [("csrf", csrf), ("action", "confirm"), ("fingerprint", savedAt)])
            #expect(stale.status == .conflict && Pages.text(stale).contains("changed after you checked it"))
            // Back as it was checked: submitted.
            _ = try await Self.post(client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "save")] + Self.answers)
            let sent = try await Self.post(
                client, draftPath + "/submit", cookie: applicant, [("csrf", csrf), ("action", "confirm"), ("fingerprint", savedAt)])
            #expect(sent.status == .seeOther)
            let bidPath = try #require(sent.headers[.location])
            #expect(bidPath.hasPrefix("/organisation/bids/BID-CAF-2017-18-W") && bidPath.hasSuffix("?submitted=1"))
            let bidID = String(bidPath.dropFirst("/organisation/bids/".count).dropLast("?submitted=1".count))
            // Confirmed twice (a double click): submitted once.
            let twice = try await Self.post(
                client, draftPath + "/submit", cookie: applicant, [("csrf", csrf), ("action", "confirm"), ("fingerprint", savedAt)])
            #expect(twice.status == .seeOther && twice.headers[.location] == "/organisation/bids/\(bidID)")
            let after = try await Self.post(
                client, draftPath, cookie: applicant, [("csrf", csrf), ("action", "save"), ("title", "Changed")])
            #expect(after.status == .conflict)

            let mine = try await client.execute(uri: bidPath, method: .get, headers: [.cookie: applicant])
            #expect(mine.status == .ok && Pages.text(mine).contains("Its check when it was submitted"))
            #expect(Pages.text(mine).contains("CAF-AMOUNT") && Pages.text(mine).contains("Correct this bid"))
            let organisation = Pages.text(try await client.execute(
                uri: "/organisation", method: .get, headers: [.cookie: applicant]))
            #expect(organisation.contains(bidID) && organisation.contains("Winter boxing sessions"))

            // The office: the round links the bid, its page shows the check, and the award form checks it again.
            let round = Pages.text(try await client.execute(
                uri: "/round?year=2017-18", method: .get, headers: [.cookie: officer]))
            #expect(round.contains("href=\"/bids/\(bidID)\""))
            let office = try await client.execute(uri: "/bids/\(bidID)", method: .get, headers: [.cookie: officer])
            #expect(office.status == .ok && Pages.text(office).contains("Leyland Youth Boxing Club (example) (360G-Test-ORG-0001)"))
            #expect(Pages.text(office).contains("CAF-AMOUNT") && Pages.text(office).contains("Award this bid"))
            let award = Pages.text(try await client.execute(
                uri: "/bids/\(bidID)/award", method: .get, headers: [.cookie: officer]))
            #expect(award.contains("only if it does not"))
        }
        let bids = try world.ledger.bids(applicant: try OrganisationID(parsing: "360G-Test-ORG-0001"))
        #expect(bids.filter { $0.id.contains("-W") }.count == 1)
    }

    /// Another organisation's applicant is told a draft or bid does not exist, whether or not it does.
    @Test func anotherOrganisationsDraftsAndBidsAreNotFound() async throws {
        let world = try Self.world()
        let owner = try #require(try world.ledger.account(email: "applicant@example.org"))
        let draft = try BidSubmissions.begin(
            scheme: .communityActionFund, year: try FinancialYear(parsing: "2017/18"), form: "title=Mine", for: owner,
            rulebooks: try RulebookLibrary.shipped(), in: world.ledger, at: world.clock.now)
        _ = try Accounts.add(
            email: "other@example.org", role: "applicant", organisation: "360G-Test-ORG-0002",
            password: try Password(Pages.password), stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger,
            cost: 4)
        let token = SessionToken(randomBytes: [UInt8](repeating: 42, count: 32))!
        _ = try SignIn.attempt(
            email: try EmailAddress("other@example.org", field: "email"), password: Pages.password, address: "192.0.2.1",
            token: token, at: world.clock.now, in: world.ledger)
        let other = "grants-session=\(token.text)"
        try await world.test { client in
            for path in ["/organisation/drafts/\(draft)", "/organisation/drafts/999", "/organisation/bids/BID-C",
                         "/organisation/bids/BID-NONE"] {
                let response = try await client.execute(uri: path, method: .get, headers: [.cookie: other])
                #expect(response.status == .notFound, "\(path)")
            }
            let page = Pages.text(try await client.execute(uri: "/organisation", method: .get, headers: [.cookie: other]))
            let csrf = try #require(Pages.csrf(in: page))
            let save = try await Self.post(
                client, "/organisation/drafts/\(draft)", cookie: other, [("csrf", csrf), ("action", "save"), ("title", "Theirs")])
            #expect(save.status == .notFound)
            let correct = try await Self.post(client, "/organisation/bids/BID-C/correct", cookie: other, [("csrf", csrf)])
            #expect(correct.status == .notFound)
        }
        #expect(try world.ledger.draft(draft)?.form == "title=Mine")
    }
}
