import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsWorkflows

extension StatusRenderer.Format: ExpressibleByArgument {}

/// `grants status`: budget, allocated, committed, paid and remaining per fund and per CSP.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show budget, allocated, committed, paid and remaining per fund and per CSP.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Only this financial year, such as 2017/18.")
    var year: String?

    @Option(help: "Only this fund.")
    var fund: String?

    @Option(help: "Only this community safety partnership (its organisation id).")
    var csp: String?

    @Option(help: "With --year, a quarter (Q1 to Q4) whose payments are shown as paid in the period.")
    var quarter: String?

    @Option(help: ArgumentHelp(
        "The figures as they stood at the end of this day, by the dates the entries carry (default: the last day of the quarter or year given, else everything recorded)."))
    var asOf: String?

    @Option(help: "text, json or csv.")
    var format: StatusRenderer.Format = .text

    func run() throws {
        let scope = try attempt { () throws(WorkflowError) in
            try LedgerReports.scope(year: year, fund: fund, csp: csp, quarter: quarter, asOf: asOf)
        }
        let store = try ledger.openForReading()
        let report = try attempt { () throws(WorkflowError) in try LedgerReports.status(scope, in: store) }
        do {
            print(try StatusRenderer.render(report, as: format), terminator: "")
        } catch {
            throw failure(WorkflowError.cannotTotal(error))
        }
    }
}
