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

/// Tokens for scripts on the JSON API: a token acts as its account, in its role only; one that does not work is
/// refused (401), never taken for no one; revoking one stops it at once.
@Suite struct APITokenTests {
    typealias Pages = AccountPagesTests

    static func token(_ email: String, days: Int = 30, seed: UInt8, in world: AccountPagesTests.World) throws
        -> (APIToken, String)
    {
        let secret = SessionToken(randomBytes: [UInt8](repeating: seed, count: 32))!
        let token = try APITokens.add(
            email: email, name: "returns script", days: days, secret: secret,
            stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger)
        return (token, APITokens.text(secret))
    }

    @Test func aTokenActsAsItsAccountInItsRoleOnly() async throws {
        let world = try AccountPagesTests.World()
        let (commissionerToken, commissioner) = try Self.token("commissioner@example.org", seed: 1, in: world)
        let (_, applicant) = try Self.token("applicant@example.org", seed: 2, in: world)
        let path = "/api/v1/returns/2017-18?period=Q2&format=csv"
        try await world.test { client in
            func get(_ path: String, _ authorization: String?) async throws -> TestResponse {
                var headers = HTTPFields()
                if let authorization { headers[.authorization] = authorization }
                return try await client.execute(uri: path, method: .get, headers: headers)
            }
            let none = try await get(path, nil)
            #expect(none.status == .unauthorized && none.headers[.contentType] == "application/problem+json")
            let made = try await get(path, "Bearer \(commissioner)")
            #expect(made.status == .ok && made.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(Pages.text(made).contains("AWD-C"))
            // The same bytes as the page's download.
            let page = try await client.execute(
                uri: "/returns/download?year=2017-18&period=Q2&format=csv", method: .get,
                headers: [.cookie: try #require(world.cookies["commissioner"])])
            #expect(Pages.text(page) == Pages.text(made))
            let wrongRole = try await get(path, "Bearer \(applicant)")
            #expect(wrongRole.status == .forbidden)
            for bad in ["Bearer grants_" + String(repeating: "A", count: 43), "Bearer " + commissioner.dropFirst(7),
                        "Basic \(commissioner)", "Bearer"] {
                let refused = try await get(path, bad)
                #expect(refused.status == .unauthorized, "\(bad)")
                // A bearer token that does not work says so; other schemes are no one, and told to sign in.
                #expect(refused.headers[HTTPField.Name("WWW-Authenticate")!]
                    == (bad.hasPrefix("Bearer") ? "Bearer error=\"invalid_token\"" : nil), "\(bad)")
            }
            // Narrowed to one fund or one partnership: the CAF fund's return holds its grant, not the CSP's.
            let caf = Pages.text(try await get(path + "&scope=fund:CAF-2017-18", "Bearer \(commissioner)"))
            #expect(caf.contains("AWD-C") && caf.count < Pages.text(made).count + 1)
            let partnership = try await get(path + "&scope=csp:360G-Test-CSP-SR", "Bearer \(commissioner)")
            #expect(partnership.status == .ok && !Pages.text(partnership).contains("AWD-C"))
            for scope in ["fund:CSP-2018-19", "csp:nobody", "everything"] {
                let refused = try await get(path + "&scope=\(scope)", "Bearer \(commissioner)")
                #expect(refused.status == .unprocessableContent && Pages.text(refused).contains("/scope"), "\(scope)")
            }
            let badFormat = try await get("/api/v1/returns/2017-18?period=Q2&format=pdf", "Bearer \(commissioner)")
            #expect(badFormat.status == .unprocessableContent && Pages.text(badFormat).contains("/format"))
            // A token is for the API: a page does not take it.
            let pageWithToken = try await get("/returns", "Bearer \(commissioner)")
            #expect(pageWithToken.status == .seeOther)
            try APITokens.revoke(
                id: commissionerToken.id, stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger)
            let revoked = try await get(path, "Bearer \(commissioner)")
            #expect(revoked.status == .unauthorized)
        }
    }

    @Test func aTokenStopsAtItsExpiryAndWhenItsAccountIsDisabled() async throws {
        let world = try AccountPagesTests.World()
        let (_, officer) = try Self.token("officer@example.org", days: 1, seed: 3, in: world)
        #expect(try APITokens.account(authorization: "Bearer \(officer)", at: world.clock.now, in: world.ledger) != nil)
        #expect(try APITokens.account(
            authorization: "Bearer \(officer)", at: world.clock.now.adding(seconds: 86_400)!, in: world.ledger) == nil)
        try Accounts.change(.disable, email: "officer@example.org", stamp: Stamp(actor: "admin", at: world.clock.now),
                            in: world.ledger)
        #expect(try APITokens.account(authorization: "Bearer \(officer)", at: world.clock.now, in: world.ledger) == nil)
        #expect(throws: WorkflowError.self) { _ = try Self.token("officer@example.org", seed: 4, in: world) }
        #expect(throws: WorkflowError.self) { _ = try Self.token("commissioner@example.org", days: 400, seed: 5, in: world) }
        #expect(throws: WorkflowError.self) {
            _ = try APITokens.add(
                email: "commissioner@example.org", name: "two\nlines", days: 1,
                secret: SessionToken(randomBytes: [UInt8](repeating: 6, count: 32))!,
                stamp: Stamp(actor: "admin", at: world.clock.now), in: world.ledger)
        }
        #expect(try APITokens.list(in: world.ledger).map(\.email) == ["officer@example.org"])
    }
}
