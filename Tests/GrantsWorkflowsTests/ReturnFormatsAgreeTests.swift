import Foundation
import GrantsCore
import GrantsReports
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// Every format of a return carries the same fields under the same names (`ReturnFields`): the CSV has a column
/// for every field of every table (the workbook's sheets take their columns from the same lists).
@Suite struct ReturnFormatsAgreeTests {
    @Test func theCSVHasEveryFieldOfEveryTable() {
        let tables = [
            ReturnFields.award.map(\.key), ReturnFields.total.map(\.key), ReturnFields.budget.map(\.key),
            ReturnFields.payment.map(\.key), ReturnFields.claim.map(\.key), ReturnFields.contribution.map(\.key),
        ]
        for key in tables.joined() { #expect(ReturnCSV.columns.contains(key), "\(key)") }
        #expect(Set(ReturnCSV.columns).count == ReturnCSV.columns.count, "each column once")
    }

    @Test func theCSVCarriesEveryFieldOfTheSamples() throws {
        let ledger = try Samples.ledger()
        let period = try SpendReturns.period(year: try FinancialYear(parsing: "2017/18"), quarter: nil, asOf: nil)
        let (r, _) = try SpendReturns.build(period, in: ledger)
        let rows = CSV.records(try ReturnCSV.render(r))
        let header = try #require(rows.first)
        func column(_ key: String) throws -> Int { try #require(header.firstIndex(of: key)) }
        // The sensitive charity's number is in the returns for commissioners, in both formats.
        let awardID = try column("award_id"), contributionID = try column("contribution_id")
        let centre = try #require(rows.first { $0.count > awardID && $0[awardID] == "AWD-CAF-2017-18-03" })
        let charity = try column("charity_number"), priorities = try column("priorities")
        let labels = try column("priority_labels"), scheme = try column("scheme_label"), applied = try column("applied_for")
        #expect(centre[charity] == "9990003")
        #expect(centre[priorities] == "hate-crime;community-engagement")
        #expect(centre[labels] == "Hate crime; Community engagement")
        #expect(centre[scheme] == "Community Action Fund")
        #expect(centre[applied] == "2500.00")
        // Every partnership, with its allocation, in both the CSV and the return's budgets.
        #expect(rows.filter { $0.first == "csp-budget" }.count == 14)
        #expect(rows.filter { $0.first == "payment" }.count == r.payments.count && !r.payments.isEmpty)
        #expect(try Money.sum(r.payments.map(\.amount)) == Money.sum(r.lines.map(\.paidInPeriod)))
        let pcso = try #require(rows.first { $0.first == "contribution" && $0[contributionID] == "CONTRIB-SRBC-PCSO" })
        let scheduled = try column("scheduled"), withdrawnOn = try column("withdrawn_on")
        #expect(pcso[scheduled] == "44000.00" && pcso[withdrawnOn] == "2017-04-01")
    }

    /// The XML carries the same: every partnership's budget, the period's payments and claims, the names beside the
    /// slugs, the amount applied for, and a contribution's withdrawal.
    @Test func theXMLCarriesTheSameTables() throws {
        let ledger = try Samples.ledger()
        let period = try SpendReturns.period(year: try FinancialYear(parsing: "2017/18"), quarter: nil, asOf: nil)
        let (r, lastModified) = try SpendReturns.build(period, in: ledger)
        let folder = try TemporaryFolder()
        let file = folder.file("r.xml")
        try SpendReturns.write(r, format: .xml, to: file, options: ReturnOptions(lastModified: lastModified))
        let xml = try String(contentsOfFile: file, encoding: .utf8)
        func count(_ tag: String) -> Int { xml.components(separatedBy: "<\(tag)>").count - 1 }
        #expect(count("cspBudget") == 14 && count("fundBudget") == 3)
        // A payment names its claim in a <claim> of its own; a claim record is the element that opens a block.
        #expect(count("payment") == r.payments.count)
        #expect(xml.components(separatedBy: "<claim>\n").count - 1 == r.claims.count && !r.claims.isEmpty)
        #expect(xml.contains(#"<priority name="Hate crime">hate-crime</priority>"#))
        #expect(xml.contains("<schemeName>Community Action Fund</schemeName>"))
        #expect(xml.contains("<appliedFor>2500.00</appliedFor>"))
        #expect(xml.contains("<reference>REM-2017-0412</reference>"))
        #expect(xml.contains("<withdrawn>\n        <effective>2017-04-01</effective>"))
    }
}
