import Foundation
import GrantsCore
@testable import GrantsReports
import GrantsStore
import GrantsTestSupport
import Testing

/// The summary page a commissioner reads at a glance: each partnership against its own allocation, readable
/// however small, with a table of the figures.
@Suite struct SummaryPageTests {
    @Test func sharesAreOfEachPartnershipsOwnAllocationRoundedHalfUp() {
        #expect(SummaryPage.share(Money(pence: 875_000), of: Money(pence: 1_000_000)) == 8_750)
        #expect(SummaryPage.percent(8_750) == "88%")
        #expect(SummaryPage.percent(1_250) == "13%")
        #expect(SummaryPage.share(.zero, of: Money(pence: 1_000_000)) == 0)
        #expect(SummaryPage.share(Money(pence: 5), of: .zero) == 0)
        #expect(SummaryPage.percent(0) == "0%")
    }

    @Test func theChartShowsEveryPartnershipWithAMarkAtZeroAndRoundTicks() throws {
        let ledger = try Fixtures.sampleLedger()
        let status = try ledger.status(.init(year: try FinancialYear(parsing: "2017/18")))
        let svg = SummaryPage.chart(status)
        #expect(status.csps.count == 14)
        for line in status.csps {
            let name = (line.cspName ?? "").replacingSuffix(" Community Safety Partnership")
            #expect(svg.contains(">\(name)</text>"), "\(name)")
        }
        for tick in ["0%", "25%", "50%", "75%", "100%"] { #expect(svg.contains(">\(tick)</text>")) }
        // Burnley committed nothing by March (its award was withdrawn), and still has a visible mark.
        #expect(svg.contains(##"width="2" height="11" fill="#1d70b8"><title>Burnley: £0.00 committed, 0% of its £10,000.00 allocation"##))
        #expect(svg.contains("88% committed, 58% paid"))
        #expect(svg.contains("as of 2018-03-31"))
        #expect(svg.contains("#1d70b8") && svg.contains("#f47738"))
    }

    @Test func thePageHasAPartnershipTable() throws {
        let ledger = try Fixtures.sampleLedger()
        let status = try ledger.status(.init(year: try FinancialYear(parsing: "2017/18")))
        let page = try SummaryPage.markdown(try Fixtures.samplesReturn(), status: status, chartFile: "c.svg", files: [])
        #expect(page.contains("| South Ribble Community Safety Partnership | £10,000.00 | £8,750.00 | £5,750.00 | £1,250.00 | 88% | 58% |"))
        #expect(page.contains("Figures as of 2018-03-31."))
    }
}
