import ArgumentParser
import GrantsCore
import GrantsWorkflows
import GrantsImport
import GrantsReports
import GrantsStore

/// `grants allocate`: splits a fund's pot between CSPs by a formula, to the penny, under one decision.
struct AllocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "allocate",
        abstract: "Split a fund between community safety partnerships by a formula (flat or weighted).",
        discussion: """
            The formula file (format: grants-formula/1) gives a fixed sum each (flat), or a floor each and the rest
            shared by weighted indicators from a CSV (weighted), after an optional share retained by the OPCC. The
            parts add up exactly to the pot. --dry-run prints the table and writes nothing; otherwise the
            allocations are recorded in one transaction under the decision reference.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The fund to allocate.")
    var fund: String

    @Option(help: "The formula file.")
    var formula: String

    @Option(help: "The decision reference, such as 2017/12.")
    var decision: String

    @Option(help: "The decision's date (YYYY-MM-DD).")
    var date: String

    @Flag(help: "Print the table and write nothing.")
    var dryRun = false

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        try attempt { () throws(WorkflowError) in try AllocationWorkflow.requireDecision(decision) }
        let parsed: AllocationFormula
        do {
            parsed = try FormulaFile.read(file: formula)
        } catch {
            throw failure(error)
        }
        let store = try ledger.open()
        let request = AllocationWorkflow.Request(
            fund: fund, formula: parsed, formulaName: formula, decision: decision, date: day)
        let proposal = try attempt { () throws(WorkflowError) in try AllocationWorkflow.plan(request, in: store) }
        print(AllocationRenderer.decision(
            fund: fund, formula: formula, decision: decision, date: day, plan: proposal.plan, names: proposal.names),
            terminator: "")
        if dryRun {
            print("\nDry run: nothing was recorded.")
            return
        }
        let stamp = try ledger.stamp()
        let outcome = try attempt { () throws(WorkflowError) in
            try AllocationWorkflow.record(proposal, in: store, by: stamp)
        }
        print("\n" + RecordingRenderer.describe(outcome))
    }
}
