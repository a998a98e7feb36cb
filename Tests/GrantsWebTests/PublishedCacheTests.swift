import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GrantsWeb

/// The grants pages and files are made once for each state of the ledger, carry it as their ETag, and are made
/// again, and sent whole, once the ledger changes.
@Suite struct PublishedCacheTests {
    static let paths = [
        "/grants/2017-18", "/grants/2017-18/register.csv", "/grants/2017-18/360giving.json",
        "/grants/2017-18/360giving.csv", "/api/v1/grants/2017-18",
    ]

    @Test func aClientHoldingTheLatestIsToldNotModifiedAndAChangeIsSentWhole() async throws {
        let ledger = try Fixtures.ledger()
        try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-CACHE-1", amount: "100.00"), file: "a.yaml"),
                          as: Fixtures.change())
        let site = try Site(store: ledger)
        // Another run of the server, over the same ledger, tags its pages differently.
        #expect(try Site(store: ledger).cache.tag(1) != site.cache.tag(1))
        try await Application(router: site.router()).test(.router) { client in
            for path in Self.paths {
                let first = try await client.execute(uri: path, method: .get)
                #expect(first.status == .ok, "\(path)")
                let tag = try #require(first.headers[.eTag], "\(path)")
                #expect(tag.hasSuffix("-ledger-\(try ledger.latestChange())\""), "\(path)")
                #expect(first.headers[.cacheControl] == "no-cache", "\(path)")
                #expect(String(buffer: first.body).contains("AW-CACHE-1") || path == "/grants/2017-18", "\(path)")
                let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: tag])
                #expect(again.status == .notModified, "\(path)")
                #expect(again.body.readableBytes == 0, "\(path)")
                #expect(again.headers[.eTag] == tag, "\(path)")
                let other = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"ledger-0\""])
                #expect(other.status == .ok && String(buffer: other.body) == String(buffer: first.body), "\(path)")
            }
            let before = try await client.execute(uri: "/grants/2017-18/360giving.json", method: .get)
            try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-CACHE-2", amount: "200.00"), file: "b.yaml"),
                              as: Fixtures.change())
            for path in Self.paths {
                let after = try await client.execute(
                    uri: path, method: .get, headers: [.ifNoneMatch: before.headers[.eTag] ?? ""])
                #expect(after.status == .ok, "\(path)")
                #expect(after.headers[.eTag] != before.headers[.eTag], "\(path)")
                #expect(String(buffer: after.body).contains("AW-CACHE-2") || path == "/grants/2017-18", "\(path)")
            }
        }
    }

    /// `If-None-Match: *` is 304 only for what exists: a year with no grants to publish is still a 404.
    @Test func anyTagIsNotModifiedOnlyForWhatExists() async throws {
        let ledger = try Fixtures.ledger()
        let site = try Site(store: ledger)
        try await Application(router: site.router()).test(.router) { client in
            let none = try await client.execute(uri: "/grants/2017-18/360giving.json", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(none.status == .notFound)
            try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-ANY", amount: "5.00"), file: "a.yaml"),
                              as: Fixtures.change())
            let some = try await client.execute(uri: "/grants/2017-18/360giving.json", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(some.status == .notModified)
        }
    }

    @Test func theVersionGrowsWithEveryChange() throws {
        let ledger = try Ledger()
        #expect(try ledger.latestChange() == 0)
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        let first = try ledger.latestChange()
        #expect(first > 0)
        try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-V", amount: "1.00"), file: "a.yaml"),
                          as: Fixtures.change())
        #expect(try ledger.latestChange() > first)
    }
}
