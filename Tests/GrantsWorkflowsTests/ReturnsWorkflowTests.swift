import Foundation
import GrantsCore
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// Spend returns as a workflow, and the demo: the same bytes as the committed Reports/.
@Suite struct ReturnsWorkflowTests {
    @Test func aDayOutsideTheYearIsAUsageError() throws {
        let error = #expect(throws: WorkflowError.self) {
            try SpendReturns.period(
                year: try FinancialYear(parsing: "2017/18"), quarter: nil, asOf: try Samples.day("2018-04-01"))
        }
        #expect(error?.failureKind == .usage)
        #expect(error?.message == "--as-of: 2018-04-01 is not in 2017/18")
    }

    @Test func aQuarterAndADayTogetherAreAUsageError() throws {
        let error = #expect(throws: WorkflowError.self) {
            try SpendReturns.period(
                year: try FinancialYear(parsing: "2017/18"), quarter: .q3, asOf: try Samples.day("2017-12-31"))
        }
        #expect(error?.failureKind == .usage)
        #expect(error?.message == "give a quarter or an as-of day, not both")
    }

    @Test(arguments: [ReturnFormat.xml, .xlsx])
    func aFileOnlyFormatHasNoText(format: ReturnFormat) throws {
        let ledger = try Samples.ledger()
        let period = try SpendReturns.period(year: try FinancialYear(parsing: "2017/18"), quarter: nil, asOf: nil)
        let (spendReturn, lastModified) = try SpendReturns.build(period, in: ledger)
        let error = #expect(throws: WorkflowError.self) {
            try SpendReturns.text(spendReturn, format: format, options: ReturnOptions(lastModified: lastModified))
        }
        #expect(format.needsFile)
        #expect(error?.failureKind == .usage)
    }

    @Test func aWrittenReturnIsItsTextWholeAndTheXMLIsValidated() throws {
        let ledger = try Samples.ledger()
        let folder = try TemporaryFolder()
        let period = try SpendReturns.period(year: try FinancialYear(parsing: "2017/18"), quarter: nil, asOf: nil)
        let (spendReturn, lastModified) = try SpendReturns.build(period, in: ledger)
        let options = ReturnOptions(lastModified: lastModified)
        let csv = folder.file("r.csv")
        try SpendReturns.write(spendReturn, format: .csv, to: csv, options: options)
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == (try SpendReturns.text(spendReturn, format: .csv, options: options)))
        let xml = folder.file("r.xml")
        try SpendReturns.write(spendReturn, format: .xml, to: xml, options: options)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["r.csv", "r.xml"], "no temporary file is left behind")
    }

    /// A return streamed from the ledger, a row at a time, is byte for byte the return built in memory, in every
    /// format and scope (and, for text, its text).
    @Test(arguments: ReturnFormat.allCases)
    func aStreamedReturnIsTheReturnBuiltInMemory(format: ReturnFormat) throws {
        let ledger = try Samples.ledger()
        let folder = try TemporaryFolder()
        let year = try FinancialYear(parsing: "2017/18")
        let scopes: [(SpendReturn.Period, String?, OrganisationID?)] = [
            (SpendReturn.Period(year: year), nil, nil),
            (SpendReturn.Period(year: year, quarter: .q3), nil, nil),
            (SpendReturn.Period(year: year, asOf: try Samples.day("2017-12-31")), "CSP-2017-18", nil),
            (SpendReturn.Period(year: year), nil, try OrganisationID(parsing: "360G-LancashirePCC-CSP-BURNLEY")),
        ]
        for (index, (period, fund, csp)) in scopes.enumerated() {
            let (spendReturn, lastModified) = try SpendReturns.build(period, fund: fund, csp: csp, in: ledger)
            let options = ReturnOptions(excel: index == 1, lastModified: lastModified)
            let built = folder.file("built-\(index).\(format.rawValue)")
            let streamed = folder.file("streamed-\(index).\(format.rawValue)")
            let builtOK = (try? SpendReturns.write(spendReturn, format: format, to: built, options: options)) != nil
            let streamedOK = (try? SpendReturns.write(
                period, fund: fund, csp: csp, in: ledger, format: format, to: streamed, options: options)) != nil
            #expect(builtOK == streamedOK, "\(format) scope \(index)")
            guard builtOK else { continue }
            #expect(FileManager.default.contents(atPath: streamed) == FileManager.default.contents(atPath: built),
                    "\(format) scope \(index)")
            guard !format.needsFile else { continue }
            #expect(FileManager.default.contents(atPath: streamed)
                    == Data((try SpendReturns.text(spendReturn, format: format, options: options)).utf8),
                    "\(format) scope \(index)")
        }
    }

    @Test func theDemoBuildsItsLedgerAllocatesAndChecksTheBids() throws {
        let ledger = try TestStore.emptyLedger()
        let inputs = SampleDemo.Inputs(
            samples: Samples.ledgerFiles, bids: Samples.bids,
            formula: (Samples.formulas as NSString).appendingPathComponent("csp-2018-19-weighted.yaml"))
        let result = try SampleDemo.run(inputs, in: ledger)
        // The bytes are compared once with Reports/, by the end-to-end demo test; here, what the workflow did.
        #expect(result.reconciliation.balances)
        #expect(result.allocation.allocations.allSatisfy { $0.id.hasPrefix("CSP-2018-19-2018-07-") })
        let plan = result.allocation.plan
        #expect(try ledger.unallocated(fund: "CSP-2018-19") == (try plan.retained.adding(plan.unshared)))
        #expect(result.verdicts.count == 8)
        #expect(result.textFiles.map(\.name) == [
            "status.txt", "status.csv", "status.json", "allocation-2018-19.txt", "eligibility.txt", "eligibility.json",
            "return-2017-18.csv", "chart-2017-18.svg", "summary-2017-18.md", "grant-register-2017-18.csv",
            "grant-register-2017-18.html", "vcse-grants-2017-18.csv",
        ])
    }
}
