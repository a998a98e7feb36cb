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

/// The year end and reallocations in the browser: what keeps a year open, a year that cannot close refused with why,
/// and a reallocation recorded through its page to check or refused by the ledger on the form.
@Suite struct YearEndPagesTests {
    typealias Pages = AccountPagesTests

    @Test func theYearEndSaysWhatKeepsItOpenAndRefusesToCloseIt() async throws {
        let world = try AccountPagesTests.World(
            clock: AccountPagesTests.TestClock(start: try Timestamp(parsing: "2018-04-20T10:00:00Z")))
        let officer = try #require(world.cookies["officer"])
        let commissioner = try #require(world.cookies["commissioner"])
        try await world.test { client in
            let page = try await client.execute(uri: "/year-end?year=2017-18", method: .get, headers: [.cookie: officer])
            let text = Pages.text(page)
            #expect(page.status == .ok && text.contains("keep 2017/18 open") && text.contains("AWD-C-C01"))
            #expect(text.contains("href=\"/year-end/close?year=2017-18\""))
            let theirs = Pages.text(try await client.execute(
                uri: "/year-end?year=2017-18", method: .get, headers: [.cookie: commissioner]))
            #expect(!theirs.contains("/year-end/close"))
            let form = Pages.text(try await client.execute(
                uri: "/year-end/close?year=2017-18", method: .get, headers: [.cookie: officer]))
            let csrf = try #require(Pages.csrf(in: form))
            var headers = Pages.formType
            headers[.cookie] = officer
            let date = [("date-day", "20"), ("date-month", "4"), ("date-year", "2018")]
            let check = try await client.execute(
                uri: "/year-end/close?year=2017-18", method: .post, headers: headers,
                body: Pages.form([("csrf", csrf), ("action", "check")] + date))
            #expect(check.status == .ok && Pages.text(check).contains("the year cannot close yet"))
            let close = try await client.execute(
                uri: "/year-end/close?year=2017-18", method: .post, headers: headers,
                body: Pages.form([("csrf", csrf), ("action", "confirm")] + date))
            #expect(close.status == .conflict && Pages.text(close).contains("The year was not closed"))
        }
        #expect(try world.ledger.yearEnd(try FinancialYear(parsing: "2017/18")).closedOn == nil)
    }

    @Test func aReallocationIsRecordedThroughItsPageOrRefusedOnTheForm() async throws {
        let world = try AccountPagesTests.World()
        let officer = try #require(world.cookies["officer"])
        try await world.test { client in
            let form = Pages.text(try await client.execute(
                uri: "/reallocate?year=2017-18", method: .get, headers: [.cookie: officer]))
            #expect(form.contains("value=\"ALLOC-SR\""))
            let csrf = try #require(Pages.csrf(in: form))
            var headers = Pages.formType
            headers[.cookie] = officer
            func send(_ action: String, amount: String, to: String = "fund", decision: String = "2017/95") async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: "/reallocate?year=2017-18", method: .post, headers: headers,
                    body: Pages.form([
                        ("csrf", csrf), ("action", action), ("from", "ALLOC-SR"), ("amount", amount), ("to", to),
                        ("decision", decision), ("date-day", "1"), ("date-month", "12"), ("date-year", "2017"),
                        ("reason", "Underspend forecast by the partnership"),
                    ]))
            }
            let nowhere = try await send("check", amount: "1000.00", to: "")
            #expect(nowhere.status == .unprocessableContent && Pages.text(nowhere).contains("Select where the money goes"))
            let check = try await send("check", amount: "1000.00")
            #expect(check.status == .ok && Pages.text(check).contains("Back to the fund, unallocated"))
            let recorded = try await send("confirm", amount: "1000.00")
            #expect(recorded.status == .seeOther
                && recorded.headers[.location] == "/dashboard?year=2017-18&reallocated=1")
            let dashboard = Pages.text(try await client.execute(
                uri: "/dashboard?year=2017-18&reallocated=1", method: .get, headers: [.cookie: officer]))
            #expect(dashboard.contains("Reallocation recorded"))
            // More than is left: the ledger refuses it, and the form says why.
            let tooMuch = try await send("confirm", amount: "9000.00", decision: "2017/96")
            #expect(tooMuch.status == .conflict && Pages.text(tooMuch).contains("was not recorded"))
            #expect(Pages.text(tooMuch).contains("ALLOC-SR"))
        }
        let history = try world.ledger.history(entryID: "ALLOC-SR-2017-95-CUT", limit: nil)
        #expect(history.map(\.actor) == ["officer@example.org"])
    }

    /// The reconciliation and the history, for the office to read.
    @Test func theReconciliationAndTheHistoryAreTheCommandLinesInAPage() async throws {
        let world = try AccountPagesTests.World()
        let commissioner = try #require(world.cookies["commissioner"])
        try await world.test { client in
            let reconcile = Pages.text(try await client.execute(
                uri: "/reconcile", method: .get, headers: [.cookie: commissioner]))
            let checks = try world.ledger.reconcile().checks.count
            #expect(reconcile.contains("Every one of the \(checks) checks balances"))
            let history = Pages.text(try await client.execute(
                uri: "/history?entry=AWD-C", method: .get, headers: [.cookie: commissioner]))
            #expect(history.contains("History of AWD-C") && history.contains("<td>AWD-C</td>"))
            #expect(!history.contains("<td>AWD-D</td>"))
        }
    }
}
