import GrantsCore
import GrantsImport
import GrantsRules
import GrantsStore
import GrantsTestSupport
import Testing
@testable import GrantsWorkflows

/// The server's cache of rule engines gives the verdicts a round of one gives, and reads the ledger again once it
/// has changed.
@Suite struct ScreeningCacheTests {
    @Test func everySampleBidGetsTheVerdictARoundOfOneGivesAgainAndAgain() throws {
        let ledger = try Fixtures.sampleLedger()
        let bids = try BidFile.read(paths: [PackageFiles.bids]).map(\.value)
        let cache = ScreeningCache(rulebooks: try RulebookLibrary.shipped())
        for bid in bids {
            var library = try RulebookLibrary()
            let expected = try BidScreening.screen([bid], rulebooks: &library, store: ledger).verdicts
            #expect(try cache.check(bid, store: ledger) == expected[0], "\(bid.id)")
            #expect(try cache.check(bid, store: ledger) == expected[0], "\(bid.id), from the cache")
            var alone = try RulebookLibrary()
            let withoutLedger = try BidScreening.screen([bid], rulebooks: &alone, store: nil).verdicts
            #expect(try cache.check(bid, store: nil) == withoutLedger[0], "\(bid.id) without a ledger")
        }
    }

    @Test func aChangeToTheLedgerIsSeenByTheNextCheck() throws {
        let ledger = try TestStore.emptyLedger()
        let bid = try BidFile.read(file: PackageFiles.bids + "/csp-south-ribble.yaml")[0].value
        let cache = ScreeningCache(rulebooks: try RulebookLibrary.shipped())
        let before = try cache.check(bid, store: ledger)
        try ledger.record(try LedgerFile.read(paths: [PackageFiles.samples]), as: Fixtures.change())
        var library = try RulebookLibrary()
        let expected = try BidScreening.screen([bid], rulebooks: &library, store: ledger).verdicts[0]
        #expect(before != expected, "the empty ledger knows nothing of the partnership")
        #expect(try cache.check(bid, store: ledger) == expected)
    }
}
