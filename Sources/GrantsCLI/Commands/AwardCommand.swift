import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsRules
import GrantsWorkflows

/// `grants award BID_ID`: an award from a bid, refused when it would over-commit, when the bid is not eligible
/// (unless overridden, with the reason kept in the history), or when the year is closed.
struct AwardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "award",
        abstract: "Award money on a bid, after checking it against the scheme's rules and what is left to commit.",
        discussion: """
            With --bid-file (the applicant's grants-bid/1 file) the bid is checked against its rulebook and the
            ledger, and recorded if it is not yet. Without it the bid must be in the ledger and its check cannot be
            run, so --override is needed. An ineligible or incomplete bid is refused unless --override REASON.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The bid.") var bid: String
    @Option(help: "The amount awarded.") var amount: String
    @Option(help: "The decision reference, such as 2017/81.") var decision: String
    @Option(help: "The award date.") var date: String
    @Option(help: "The applicant's bid file, to check it.") var bidFile: String?
    @Option(help: "Conditions of the award, for the grant register (kept in the history too).") var conditions: String?
    @Option(help: "What the money is for, for the grant register.") var purpose: String?
    @Option(help: "Why the award should reduce crime and disorder, for the grant register.") var reasons: String?
    @Option(help: "Award although the bid is not eligible, for this reason (kept in the history).") var override: String?
    @Option(help: "Award a bid that has an award already, for this reason (kept in the history).") var again: String?
    @Option(help: "The fund (default: the only fund of the bid's scheme and year).") var fund: String?
    @Option(help: "The CSP allocation to draw on (default: the CSP's only allocation in the fund).") var allocation: String?
    @Option(help: "The award's id (default: AWD-<bid>).") var id: String?

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let money = try typed(amount, "--amount", Input.money)
        let store = try ledger.open()
        let form = try bidFile.map { file throws(ExitCode) in
            try attempt { () throws(WorkflowError) in try AwardDecision.form(bid, inFile: file) }
        }
        let request = AwardRequest(
            bid: bid, amount: money, decision: decision, date: day, form: form, conditions: conditions,
            override: override, fund: fund, allocation: allocation, id: id, purpose: purpose, reasons: reasons,
            again: again)
        let stamp = try ledger.stamp()
        do {
            var rulebooks = try RulebookLibrary()
            let result = try AwardDecision.record(request, in: store, by: stamp, rulebooks: &rulebooks)
            report(result.outcome,
                   done: "Awarded \(request.amount.formatted) on \(bid) as \(result.awardID) (decision \(decision)).")
        } catch {
            if let verdict = error.verdict { print(EligibilityRenderer.detail(verdict), terminator: "") }
            throw failure(error)
        }
    }
}
