import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsStore
import GrantsWorkflows

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

    func run() throws {
        let store: Ledger
        do {
            store = try Ledger()
        } catch {
            throw failure(error)
        }
        let inputs = SampleDemo.Inputs(samples: samples, bids: bids, formula: formula)
        let result = try attempt { () throws(WorkflowError) in try SampleDemo.run(inputs, in: store) }
        print(RecordingRenderer.describe(result.outcome) + "\n")
        print(result.allocationTable)
        print(result.textFiles[0].text, terminator: "")
        print("\nReconciliation: the ledger \(RecordingRenderer.balance(result.reconciliation)).")
        print("\nEligibility of the bids in \(bids), checked against this ledger\n")
        print(EligibilityRenderer.summary(result.verdicts), terminator: "")
        try attempt { () throws(WorkflowError) in try SampleDemo.createFolder(reports) }
        print("")
        try attempt { () throws(WorkflowError) in
            try SampleDemo.write(result, into: reports) { print("Wrote \($0)") }
        }
    }
}
