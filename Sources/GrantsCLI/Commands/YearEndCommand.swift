import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsStore

/// `grants year-end 2017/18 [--close --date DAY]`: what keeps a year open, and closing it.
struct YearEndCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year-end",
        abstract: "List awards still open, claims unpaid, underspend owed and allocations not committed; --close closes the year.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The financial year, such as 2017/18.") var year: String
    @Flag(help: "Close the year (only once nothing is open); its funds then take no new awards.") var close = false
    @Option(help: "The day the year is closed (with --close).") var date: String?

    func run() throws {
        let financialYear = try Recording.year(year, option: "year")
        let store = try ledger.open()
        let report = try Recording.reading { () throws(LedgerError) in try store.yearEnd(financialYear) }
        print(YearEndRenderer.text(report), terminator: "")
        guard close else {
            if !report.canClose && report.closedOn == nil { throw ExitStatus.checkFailed }
            return
        }
        guard let date else { throw failure("--close needs --date", ExitStatus.usage) }
        let day = try Recording.day(date, option: "--date")
        var batch = LedgerBatch()
        batch.yearClosures = [Sourced(YearClosure(year: financialYear, date: day))]
        try Recording.record(
            batch, in: store, by: ledger, reason: "year end \(financialYear)",
            done: "Closed \(financialYear) on \(day): its funds take no new awards.")
    }
}

/// `grants reconcile`: proves the ledger balances, or names the first thing that does not.
struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Prove the ledger balances: pot, allocations, awards, payments and returns; exit 1 on the first that does not.")

    @OptionGroup var ledger: LedgerOptions
    @Flag(help: "Print every check, not only a summary.") var verbose = false

    func run() throws {
        let store = try ledger.open()
        let result = try Recording.reading { () throws(LedgerError) in try store.reconcile() }
        if verbose {
            for check in result.checks {
                print("\(check.balances ? "✓" : "✗") \(check.subject): \(check.equation)")
            }
        }
        if let failed = result.firstFailure {
            print("✗ \(failed.subject) does not balance: \(failed.equation)")
            print("  entries: \(failed.entries.isEmpty ? "none" : failed.entries.joined(separator: ", "))")
            throw ExitStatus.checkFailed
        }
        print("The ledger balances: \(result.checks.count) checks, every one exact to the penny.")
    }
}
