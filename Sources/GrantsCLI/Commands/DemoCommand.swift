import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsXML
import GrantsStore

/// `grants demo`: the main job. Builds a fresh ledger from Samples in memory, prints its status and writes the
/// reports into Reports/. It never touches ./grants.sqlite, and the same Samples give the same output.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a fresh ledger from Samples, print its status and write the reports into Reports/.")

    @Option(help: "The sample ledger files.")
    var samples = "Samples/lancashire-2017-18"

    @Option(help: "Bids to check against the sample ledger.")
    var bids = "Samples/bids-2017-18"

    @Option(help: "A weighted formula the demo applies to the 2018/19 CSP pot.")
    var formula = "Samples/formulas/csp-2018-19-weighted.yaml"

    @Option(help: "Where to write the reports.")
    var reports = "Reports"

    /// The demo's entries are stamped with a fixed time, so that its output is the same on every run.
    static let recordedAt = "2018-04-30T09:00:00Z"

    /// Copies the XSD that describes the XML return into `reports`/schema/, so the return can be checked anywhere.
    static func copySchema(into reports: String) throws(ExitCode) {
        guard let schema = ReturnValidator.schemaURL else {
            throw failure("the XML return's schema is not beside the grants binary", ExitStatus.ioError)
        }
        let folder = (reports as NSString).appendingPathComponent("schema")
        let target = (folder as NSString).appendingPathComponent(ReturnValidator.schemaFileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let text = try String(contentsOf: schema, encoding: .utf8)
            try writeAtomically(text, to: target)
        } catch let error as ExitCode {
            throw error
        } catch {
            throw failure("cannot copy the schema to \(target): \(error.localizedDescription)", ExitStatus.ioError)
        }
        print("Wrote \(target)")
    }

    /// The demo's allocation decision for the 2018/19 pot.
    static let decision = "2018/07"
    static let decisionDate = "2018-04-16"

    /// Shares CSP-2018-19 by the formula, records the allocations, and returns the table.
    static func allocate(_ formula: AllocationFormula, named name: String, in ledger: Ledger, at: Timestamp)
        throws -> String
    {
        let fund = "CSP-2018-19"
        let plan: AllocationPlan
        do {
            plan = try formula.plan(available: try ledger.unallocated(fund: fund))
        } catch let error as AllocationFormulaError {
            throw failure("\(name): the formula cannot be met: \(error)", ExitStatus.dataError)
        }
        var names: [OrganisationID: String] = [:]
        var batch = LedgerBatch()
        let day = try Day(parsing: decisionDate)
        for (index, share) in plan.shares.enumerated() {
            names[share.csp] = try ledger.organisation(share.csp)?.name
            batch.allocations.append(Sourced(Allocation(
                id: "\(fund)-2018-07-\(index + 1 < 10 ? "0" : "")\(index + 1)", fund: fund, csp: share.csp,
                amount: share.total, decision: decision, date: day)))
        }
        try ledger.record(batch, as: Change(actor: "demo", at: at, reason: "allocation of \(fund) by \(name)"))
        return "Allocation of \(fund) by \(name), decision \(decision) on \(day)\n\n"
            + AllocationRenderer.text(plan, names: names)
    }

    func run() throws {
        let batch: LedgerBatch
        do {
            batch = try LedgerFile.read(paths: [samples])
        } catch {
            throw failure(error)
        }
        let forms: [BidForm]
        do {
            forms = try BidFile.read(paths: [bids]).map(\.value)
        } catch {
            throw failure(error)
        }
        let allocationFormula: AllocationFormula
        do {
            allocationFormula = try FormulaFile.read(file: formula)
        } catch {
            throw failure(error)
        }
        let report: StatusReport
        let yearStatus: StatusReport
        let spendReturn: SpendReturn
        let outcome: RecordOutcome
        let allocationTable: String
        let reconciliation: Reconciliation
        var verdicts: [Eligibility] = []
        var rulebooks = try Rulebooks(override: nil)
        do {
            let ledger = try Ledger()
            let at = try Timestamp(parsing: Self.recordedAt)
            outcome = try ledger.record(batch, as: Change(actor: "demo", at: at, reason: "grants demo from \(samples)"))
            // Named by file name only, so the report reads the same wherever the samples are.
            let formulaName = URL(fileURLWithPath: formula).lastPathComponent
            allocationTable = try Self.allocate(allocationFormula, named: formulaName, in: ledger, at: at)
            report = try ledger.status()
            reconciliation = try ledger.reconcile()
            let year = try FinancialYear(parsing: "2017/18")
            yearStatus = try ledger.status(StatusReport.Scope(year: year))
            spendReturn = try ledger.spendReturn(period: SpendReturn.Period(year: year))
            for bid in forms {
                let engine = RuleEngine(rulebook: try rulebooks.rulebook(for: bid), facts: try ledger.facts(year: bid.year))
                verdicts.append(engine.check(bid))
            }
        } catch let error as LedgerError {
            throw failure(error)
        }
        let outputs: [(name: String, text: String)]
        do {
            outputs = [
                ("status.txt", try StatusRenderer.render(report, as: .text)),
                ("status.csv", try StatusRenderer.render(report, as: .csv)),
                ("status.json", try StatusRenderer.render(report, as: .json)),
                ("allocation-2018-19.txt", allocationTable),
                ("eligibility.txt", EligibilityRenderer.render(verdicts, as: .text)),
                ("eligibility.json", EligibilityRenderer.render(verdicts, as: .json)),
                ("return-2017-18.csv", try ReturnCSV.render(spendReturn)),
                ("chart-2017-18.svg", SummaryPage.chart(yearStatus)),
                ("summary-2017-18.md", try SummaryPage.markdown(
                    spendReturn, status: yearStatus, chartFile: "chart-2017-18.svg",
                    files: [
                        "return-2017-18.csv", "return-2017-18.xml", "return-2017-18.xlsx", "360giving-2017-18.json",
                        "360giving-2017-18.csv", "schema/grants-return-1.xsd",
                    ])),
            ]
        } catch {
            throw failure(error)
        }
        print(Summary.describe(outcome) + "\n")
        print(allocationTable)
        print(outputs[0].text, terminator: "")
        let balance = reconciliation.firstFailure.map { "does NOT balance: \($0.subject): \($0.equation)" }
            ?? "balances: \(reconciliation.checks.count) checks, every one exact to the penny"
        print("\nReconciliation: the ledger \(balance).")
        print("\nEligibility of the bids in \(bids), checked against this ledger\n")
        print(EligibilityRenderer.summary(verdicts), terminator: "")
        do {
            try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create \(reports): \(error.localizedDescription)", ExitStatus.ioError)
        }
        print("")
        for output in outputs {
            let path = (reports as NSString).appendingPathComponent(output.name)
            try writeAtomically(output.text, to: path)
            print("Wrote \(path)")
        }
        // The same return in every other format, through the same writers as `grants return`.
        let options = ReturnFiles.Options(
            excel: false, prefix: "LancashirePCC", dataSource: nil, lastModified: Self.recordedAt)
        for (name, format) in [
            ("return-2017-18.xml", ReturnCommand.Format.xml), ("return-2017-18.xlsx", .xlsx),
            ("360giving-2017-18.json", .threeSixtyGivingJSON), ("360giving-2017-18.csv", .threeSixtyGivingCSV),
        ] {
            let path = (reports as NSString).appendingPathComponent(name)
            try ReturnFiles.write(spendReturn, format: format, to: path, options: options)
            print("Wrote \(path)")
        }
        try Self.copySchema(into: reports)
    }
}
