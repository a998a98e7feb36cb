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

/// End-of-grant reports through the router: a recipient sends one through a page to check; the office sees it on the
/// award's page and starts the closing from it; the office and the commissioner see the year's outcomes.
@Suite struct ReportPagesTests {
    typealias Pages = AccountPagesTests

    @Test func aRecipientReportsAndTheOfficeSeesItAndTheOutcomes() async throws {
        let world = try AccountPagesTests.World(
            clock: AccountPagesTests.TestClock(start: try Timestamp(parsing: "2018-04-20T10:00:00Z")))
        let applicant = try #require(world.cookies["applicant"])
        let officer = try #require(world.cookies["officer"])
        let commissioner = try #require(world.cookies["commissioner"])
        try await world.test { client in
            let form = try await client.execute(
                uri: "/organisation/awards/AWD-C/report", method: .get, headers: [.cookie: applicant])
            #expect(form.status == .ok)
            let page = Pages.text(form)
            #expect(page.contains("id=\"people-anti-social-behaviour\"") && page.contains("id=\"mon-age-18-24\""))
            let csrf = try #require(Pages.csrf(in: page))
            var headers = Pages.formType
            headers[.cookie] = applicant
            func send(_ action: String, _ extra: [(String, String)]) async throws -> TestResponse {
                try await client.execute(
                    uri: "/organisation/awards/AWD-C/report", method: .post, headers: headers,
                    body: Pages.form([("csrf", csrf), ("action", action)] + extra))
            }
            let answers = [
                ("spent", "450.00"), ("people", "30"), ("summary", "Twelve boxing sessions"),
                ("people-anti-social-behaviour", "25"), ("outcome-anti-social-behaviour", "Fewer call-outs"),
                ("mon-age-16-17", "20"), ("mon-age-prefer-not-to-say", "10"), ("mon-gender-man", "18"),
            ]
            // Over the people reached, on its own field; a count that is not a number, on its own.
            let over = try await send("check", answers.map { $0.0 == "mon-age-16-17" ? ($0.0, "21") : $0 })
            #expect(over.status == .unprocessableContent && Pages.text(over).contains("add up to 31"))
            let words = try await send("check", answers.map { $0.0 == "mon-gender-man" ? ($0.0, "lots") : $0 })
            #expect(words.status == .unprocessableContent && Pages.text(words).contains("href=\"#mon-gender-man\""))
            let check = try await send("check", answers)
            #expect(check.status == .ok && Pages.text(check).contains("Check your end-of-grant report"))
            #expect(Pages.text(check).contains("16 to 17: 20; Prefer not to say: 10"))
            let sent = try await send("confirm", answers)
            #expect(sent.status == .seeOther && sent.headers[.location] == "/organisation/awards/AWD-C?reported=1")
            let grant = Pages.text(try await client.execute(
                uri: "/organisation/awards/AWD-C?reported=1", method: .get, headers: [.cookie: applicant]))
            #expect(grant.contains("Report sent") && grant.contains("Correct the end-of-grant report"))

            // Another organisation's grant: not found.
            let theirs = try await client.execute(
                uri: "/organisation/awards/AWD-D/report", method: .get, headers: [.cookie: applicant])
            #expect(theirs.status == .notFound)

            let office = Pages.text(try await client.execute(uri: "/awards/AWD-C", method: .get, headers: [.cookie: officer]))
            #expect(office.contains("by applicant@example.org") && office.contains("Twelve boxing sessions"))
            let close = Pages.text(try await client.execute(
                uri: "/awards/AWD-C/close", method: .get, headers: [.cookie: officer]))
            #expect(close.contains("value=\"450.00\""))
            let outcomes = try await client.execute(
                uri: "/outcomes?year=2017-18", method: .get, headers: [.cookie: commissioner])
            let text = Pages.text(outcomes)
            #expect(outcomes.status == .ok && text.contains("1 of the year&#39;s 2 grants"), "\(text)")
            #expect(text.contains("Anti-social behaviour") && text.contains("<td>25</td>"))
            #expect(text.contains("Another Group (example)"))
        }
        #expect(try world.ledger.reports(award: "AWD-C").count == 1)
    }
}
