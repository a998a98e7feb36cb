import Foundation
import GrantsStore
import Testing
import GrantsTestSupport

/// Two `grants award` processes started together against South Ribble's allocation in the samples, each for more
/// than half of what is left, on different bids: exactly one may win, and the allocation is never over-committed.
/// One race of each kind shows that two processes serialize on the ledger file; the many interleavings of writers
/// on one file are raced in process, twenty at a time, by GrantsStoreTests.ConcurrencyTests.
@Suite struct AwardRaceTests {
    private let southRibble = "360G-LancashirePCC-CSP-SOUTH-RIBBLE"

    /// A South Ribble Borough Council bid to the South Ribble CSP's 2017/18 grant.
    private func bidFile(_ id: String, title: String, amount: String) -> String {
        """
        format: grants-bid/1
        id: \(id)
        scheme: csp-grant
        financial_year: 2017/18
        submitted: 2017-11-06
        applicant:
          id: GB-LAE-SRI
          name: South Ribble Borough Council
          type: local-authority
          documents: []
        title: \(title)
        requested: "\(amount)"
        total_project_cost: "\(amount)"
        planned_start: 2017-12-01
        planned_end: 2018-02-28
        priorities: [crime-reduction, anti-social-behaviour]
        locations: [South Ribble]
        csp: South Ribble
        budget:
          - {category: staff-time, description: Youth workers, amount: "\(amount)", vat_reclaimable: false}

        """
    }

    /// What is left of South Ribble's allocation, and an amount (in pence) more than half of it.
    private func stake(_ folder: TemporaryFolder) throws -> (before: LifecycleProbe.Figures, amount: Int64) {
        let before = try LifecycleProbe.figures(in: folder, csp: southRibble)
        try #require(before.remaining >= 200, "the samples leave South Ribble \(before)")
        return (before, before.remaining / 2 + 1)
    }

    /// After the race: one award, the allocation committed by exactly that much and never over, and the ledger
    /// balances.
    private func expectOneWinner(_ results: [GrantsBinary.Result], in folder: TemporaryFolder, bids: [String],
                                 before: LifecycleProbe.Figures, amount: Int64, loserStatuses: Set<Int32>) throws {
        let money = LifecycleProbe.formatted(amount)
        let winners = results.filter { $0.status == 0 }
        #expect(winners.count == 1, "\(results.map { "\($0.status): \($0.stdout)\($0.stderr)" })")
        let loser = try #require(results.first { $0.status != 0 })
        #expect(loserStatuses.contains(loser.status), "\(loser.status): \(loser.stderr)")
        let allocation = before.committed + before.remaining
        if loser.status == 65 {
            #expect(loser.stderr == "error: amount: awarding \(money) would commit "
                + "\(LifecycleProbe.formatted(before.committed + 2 * amount)) of allocation ALLOC-2017-18-SRI "
                + "(\(southRibble)), over its \(LifecycleProbe.formatted(allocation)); "
                + "\(LifecycleProbe.formatted(before.remaining - amount)) is left\n")
        } else {
            // The loser's eligibility check already saw the winner's award.
            #expect(loser.stderr.hasSuffix(" is ineligible (CSP-ALLOCATION); award it only with --override REASON\n"))
            #expect(loser.stdout.contains("✗ CSP-ALLOCATION Requested \(money) exceeds the "
                + "\(LifecycleProbe.formatted(before.remaining - amount)) left of the allocation"))
        }
        let index = try #require(results.firstIndex { $0.status == 0 })
        #expect(results[index].stdout.hasSuffix(
            "Awarded \(money) on \(bids[index]) as AWD-\(bids[index]) (decision 2017/20\(index + 1)).\n"),
            "\(results[index].stdout)")

        let after = try LifecycleProbe.figures(in: folder, csp: southRibble)
        #expect(after == before.moved(committed: amount, remaining: -amount))
        #expect(after.remaining >= 0)
        try LifecycleProbe.expectBalances(in: folder)

        // Exactly one of the two awards is in the ledger.
        let ledger = try LifecycleProbe.ledger(in: folder)
        let recorded = try bids.filter { bid in !(try ledger.history(entryID: "AWD-\(bid)")).isEmpty }
        #expect(recorded == [bids[index]])
    }

    @Test func twoCheckedAwardsRaceForOneAllocation() async throws {
        let round = 1
        let folder = try SampleLedger.copy()
        let (before, amount) = try stake(folder)
        let money = LifecycleProbe.plain(amount)
        let bids = ["CSP-2017-SRI-R\(round)A", "CSP-2017-SRI-R\(round)B"]
        try folder.write("a.yaml", bidFile(bids[0], title: "Summer youth diversion nights", amount: money))
        try folder.write("b.yaml", bidFile(bids[1], title: "Town centre anti-social behaviour patrols", amount: money))

        let a = try GrantsBinary.start(
            ["award", bids[0], "--bid-file", "a.yaml", "--amount", money, "--decision", "2017/201", "--date", "2017-11-20"],
            in: folder.path, tag: "a")
        let b = try GrantsBinary.start(
            ["award", bids[1], "--bid-file", "b.yaml", "--amount", money, "--decision", "2017/202", "--date", "2017-11-20"],
            in: folder.path, tag: "b")
        let results = [try await a.wait(), try await b.wait()]
        // The loser is refused when it writes (65), or by its check if the winner's award was in before it read (1).
        try expectOneWinner(results, in: folder, bids: bids, before: before, amount: amount, loserStatuses: [65, 1])
        // The losing bid was not recorded either: an award and its bid go in together or not at all.
        let ledger = try LifecycleProbe.ledger(in: folder)
        let bidsRecorded = try bids.filter { bid in !(try ledger.history(entryID: bid)).isEmpty }
        #expect(bidsRecorded.count == 1, "\(bidsRecorded)")
    }

    @Test func twoOverriddenAwardsRaceForOneAllocation() async throws {
        let round = 1
        let folder = try SampleLedger.copy()
        let (before, amount) = try stake(folder)
        let money = LifecycleProbe.plain(amount)
        let bids = ["BID-RACE-\(round)-A", "BID-RACE-\(round)-B"]
        try folder.write("bids.yaml", """
            format: grants-ledger/1
            bids:
              - {id: \(bids[0]), fund: CSP-2017-18, csp: \(southRibble), applicant: GB-LAE-SRI,
                 title: Summer youth diversion nights, requested: "\(money)", submitted: 2017-11-06}
              - {id: \(bids[1]), fund: CSP-2017-18, csp: \(southRibble), applicant: GB-LAE-SRI,
                 title: Town centre anti-social behaviour patrols, requested: "\(money)", submitted: 2017-11-06}

            """)
        let imported = try await GrantsBinary.run(["import", "bids.yaml"], in: folder.path)
        #expect(imported.status == 0, "\(imported.stderr)")

        let a = try GrantsBinary.start(
            ["award", bids[0], "--amount", money, "--decision", "2017/201", "--date", "2017-11-20",
             "--override", "Paper bid, checked by the CSP"], in: folder.path, tag: "a")
        let b = try GrantsBinary.start(
            ["award", bids[1], "--amount", money, "--decision", "2017/202", "--date", "2017-11-20",
             "--override", "Paper bid, checked by the CSP"], in: folder.path, tag: "b")
        let results = [try await a.wait(), try await b.wait()]
        // No check runs, so the only refusal is the ledger's own: 65.
        try expectOneWinner(results, in: folder, bids: bids, before: before, amount: amount, loserStatuses: [65])
    }
}
