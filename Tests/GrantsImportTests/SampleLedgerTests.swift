import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

@Suite("The Lancashire 2017/18 sample ledger")
struct SampleLedgerTests {
    static let kinds: [EntryKind: Int] = [
        .organisation: 48, .fund: 4, .allocation: 14, .bid: 9, .award: 13, .claim: 2, .payment: 13, .awardClosure: 3,
        .awardWithdrawal: 1, .underspendRepayment: 2, .contribution: 2, .contributionWithdrawal: 1, .contributionReceipt: 2,
    ]

    func pounds(_ text: String) throws -> Money { try Money(parsing: text) }

    @Test("the whole folder imports into an empty ledger: 114 entries")
    func importsWholeFolder() throws {
        let ledger = try Ledger()
        let batch = try LedgerFile.read(paths: [PackageFiles.samples])
        #expect(batch.count == 114)
        let outcome = try ledger.record(batch, as: Fixtures.change("samples"))
        #expect(outcome.addedCount == 114)
        #expect(outcome.unchanged == 0)
        #expect(outcome.added == Self.kinds)
        #expect(try ledger.counts().filter { $0.value > 0 } == Self.kinds)
        #expect(try ledger.history().count == 114)
    }

    @Test("the totals are those the sample README gives")
    func totals() throws {
        let ledger = try Ledger()
        try importFiles([PackageFiles.samples], into: ledger)
        let status = try ledger.status()
        let csp = try #require(status.funds.first { $0.fundID == "CSP-2017-18" })
        #expect(csp.allocated == (try pounds("325000.00")))
        #expect(csp.allocated.formatted == "£325,000.00")
        #expect(csp.budget == (try pounds("325000.00")))
        // Burnley's £5,000.00 award was withdrawn; the Street Pastors award closed fully spent.
        #expect(csp.committed == (try pounds("83250.00")))
        #expect(csp.paid == (try pounds("47750.00")))
        #expect(csp.returned == (try pounds("150.00")))

        let caf = try #require(status.funds.first { $0.fundID == "CAF-2017-18" })
        #expect(caf.budget == (try pounds("50000.00")))
        #expect(caf.committed == (try pounds("9925.00")))
        #expect(caf.paid == (try pounds("7750.00")))
        #expect(caf.returned == (try pounds("180.00")))
        #expect(try caf.netSpend() == (try pounds("7570.00")))

        let idva = try #require(status.funds.first { $0.fundID == "IDVA-2017-18" })
        #expect(idva.budget == (try pounds("180000.00")))
        #expect(idva.committed == .zero)

        #expect(status.csps.count == 14)
        #expect(try Money.sum(status.csps.map(\.budget)) == (try pounds("325000.00")))
        #expect(try Money.sum(status.csps.filter { $0.fundID == "CSP-2017-18" }.map(\.committed)) == (try pounds("83250.00")))
        #expect(try Money.sum(status.csps.map(\.paid)) == (try pounds("47750.00")))
        let southRibble = try #require(status.csps.first { $0.csp?.rawValue == "360G-LancashirePCC-CSP-SOUTH-RIBBLE" })
        #expect(southRibble.budget == (try pounds("10000.00")))
        #expect(southRibble.committed == (try pounds("8750.00")))
        #expect(southRibble.paid == (try pounds("5750.00")))

        // £24,000.00 over three years for the IDVA service; the £44,000.00 PCSO contribution is withdrawn.
        let idvaYears = status.contributions.filter { $0.scheduleID == "CONTRIB-SRBC-IDVA" }
        #expect(idvaYears.map(\.year.label) == ["2017/18", "2018/19", "2019/20"])
        #expect(idvaYears.allSatisfy { $0.expected == Money(pence: 800_000) })
        let pcso = try #require(status.contributions.first { $0.scheduleID == "CONTRIB-SRBC-PCSO" })
        #expect(pcso.amount == (try pounds("44000.00")))
        #expect(pcso.withdrawn?.id == "WDR-SRBC-PCSO")
        #expect(pcso.expected == .zero)
    }

    @Test("the history names the file and line each entry came from")
    func historySource() throws {
        let ledger = try Ledger()
        try importFiles([PackageFiles.samples], into: ledger)
        let line = try #require(try ledger.history(entryID: "ALLOC-2017-18-SRI").first)
        #expect(line.source == "\(PackageFiles.samples)/03-allocations.yaml:20")
        #expect(line.kind == "allocation")
        #expect(line.detail.contains("amount=10000.00"))
    }

    @Test("importing the samples a second time adds nothing")
    func importTwice() throws {
        let ledger = try Ledger()
        try importFiles([PackageFiles.samples], into: ledger)
        let before = try LedgerSnapshot(ledger)
        let again = try importFiles([PackageFiles.samples], into: ledger)
        #expect(again.addedCount == 0)
        #expect(again.unchanged == 114)
        #expect(try LedgerSnapshot(ledger) == before)
    }

    @Test("the sample files named in reverse order import the same, since records are recorded kind by kind")
    func reverseOrder() throws {
        let files = try LedgerFile.expand([PackageFiles.samples])
        #expect(files.count == 8)
        #expect(files.allSatisfy { !$0.hasSuffix("README.md") })
        let ledger = try Ledger()
        let outcome = try importFiles(files.reversed(), into: ledger)
        #expect(outcome.added == Self.kinds)
    }
}
