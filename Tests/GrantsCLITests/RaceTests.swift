import Foundation
import Testing
import GrantsTestSupport

/// Two `grants` processes racing to commit the last £1,000.00 of an allocation: exactly one may win. One race shows
/// that two processes serialize on the ledger file; the many interleavings of writers on one file are raced in
/// process, twenty at a time, by GrantsStoreTests.ConcurrencyTests.
@Suite struct RaceTests {
    @Test func twoWritersRaceForTheLastThousandPounds() async throws {
        let folder = try TemporaryFolder()
        #expect(try await GrantsBinary.run(["init"], in: folder.path).status == 0)
        try folder.write("base.yaml", Fixtures.base)
        try folder.write("first.yaml", Fixtures.award(id: "AWD-FIRST", amount: "4000.00"))
        #expect(try await GrantsBinary.run(["import", "base.yaml", "first.yaml"], in: folder.path).status == 0)
        try folder.write("a.yaml", Fixtures.award(id: "AWD-A", amount: "1000.00"))
        try folder.write("b.yaml", Fixtures.award(id: "AWD-B", amount: "1000.00"))

        let a = try GrantsBinary.start(["import", "a.yaml"], in: folder.path, tag: "a")
        let b = try GrantsBinary.start(["import", "b.yaml"], in: folder.path, tag: "b")
        let results = [try await a.wait(), try await b.wait()]

        #expect(results.filter { $0.status == 0 }.count == 1, "\(results.map(\.stderr))")
        let loser = try #require(results.first { $0.status != 0 })
        #expect(loser.status == 65)
        #expect(loser.stderr.contains("£0.00 is left"))
        let status = try await GrantsBinary.run(["status", "--format", "csv"], in: folder.path)
        #expect(status.stdout.contains("360G-Test-CSP-SR,South Ribble Community Safety Partnership,5000.00,5000.00,5000.00,"))
    }
}
