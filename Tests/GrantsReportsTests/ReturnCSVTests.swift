import Foundation
import Testing
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsStore
import GrantsTestSupport

/// The CSV return: its totals equal `grants status` for the same scope, to the penny, and text cells are inert.
@Suite struct ReturnCSVTests {
    private func year() throws -> FinancialYear { try FinancialYear(parsing: "2017/18") }

    @Test(arguments: [nil, "CSP-2017-18", "CAF-2017-18"])
    func fundTotalsEqualStatus(fund: String?) throws {
        let ledger = try Fixtures.sampleLedger()
        let r = try ledger.spendReturn(period: .init(year: try year()), fund: fund)
        let status = try ledger.status(.init(year: try year(), fund: fund))
        var compared = 0
        for line in status.funds where line.committed > .zero || line.paid > .zero {
            let total = try #require(try r.totals().first { $0.level == .fund && $0.key == line.fundID })
            #expect(total.committed == line.committed)
            #expect(total.paidToDate == line.paid)
            #expect(total.returned == line.returned)
            compared += 1
        }
        // Not vacuous: the samples commit money in every one of these scopes.
        #expect(compared > 0)
    }

    @Test func cspTotalsEqualStatus() throws {
        let ledger = try Fixtures.sampleLedger()
        let csp = try OrganisationID(parsing: "360G-LancashirePCC-CSP-SOUTH-RIBBLE")
        let r = try ledger.spendReturn(period: .init(year: try year()), csp: csp)
        let status = try ledger.status(.init(year: try year(), csp: csp))
        let line = try #require(status.csps.first)
        let total = try #require(try r.totals().first { $0.level == .csp })
        #expect(total.committed == line.committed)
        #expect(total.paidToDate == line.paid)
        #expect(r.lines.allSatisfy { $0.cspID == csp.rawValue })
        #expect(r.contributions.isEmpty)
    }

    @Test func aQuarterCountsOnlyItsPayments() throws {
        let ledger = try Fixtures.sampleLedger()
        let q3 = try ledger.spendReturn(period: .init(year: try year(), quarter: .q3))
        let status = try ledger.status(.init(year: try year(), quarter: .q3))
        var compared = 0
        for line in status.funds where line.paid > .zero {
            let total = try #require(try q3.totals().first { $0.level == .fund && $0.key == line.fundID })
            #expect(Optional(total.paidInPeriod) == line.paidInPeriod)
            compared += 1
        }
        #expect(compared > 0)
        #expect(q3.header.asOf.description == "2017-12-31")
        #expect(q3.header.period.label == "2017/18 Q3")
    }

    @Test func theCSVIsRFC4180WithCRLFAndInertText() throws {
        let header = SpendReturn.Header(
            funderID: "360G-Test-OPCC", funderName: "OPCC, \"test\"", period: .init(year: try year()), fund: nil,
            csp: nil, asOf: try Day(parsing: "2018-03-31"), fingerprint: "fnv1a64:0000000000000000/0")
        let line = SpendReturn.AwardLine(
            awardID: "AW-1", decision: "2017/81", title: "=HYPERLINK(\"http://x\",\"click\")",
            recipientID: "GB-CHC-1", recipientName: "@group", charityNumber: nil, companyNumber: nil, cspID: nil,
            cspName: nil, cspLocationCode: nil, fundID: "CAF-2017-18", fundName: "CAF", scheme: .communityActionFund,
            priorities: ["hate-crime"], awardDate: try Day(parsing: "2017-07-01"),
            plannedStart: try Day(parsing: "2017-07-01"), plannedEnd: try Day(parsing: "2018-03-31"), state: .awarded,
            awarded: Money(pence: 250_000), released: .zero, paidInPeriod: .zero, paidToDate: .zero,
            outstanding: Money(pence: 250_000), returned: .zero)
        let csv = try ReturnCSV.render(SpendReturn(header: header, lines: [line], contributions: []))
        #expect(csv.hasPrefix("record,period,as_of,"))
        #expect(csv.contains("\"OPCC, \"\"test\"\"\""))
        #expect(csv.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\","))
        #expect(csv.contains(",'@group,"))
        #expect(!csv.contains("\n\n"))
        #expect(csv.split(separator: "\r\n", omittingEmptySubsequences: false).count == 1 + 1 + 1 + 1 + 1)
        let excel = try ReturnCSV.render(SpendReturn(header: header, lines: [line], contributions: []), excel: true)
        #expect(excel.utf8.prefix(3).elementsEqual([0xEF, 0xBB, 0xBF]))
    }
}
