import ArgumentParser
import GrantsCore
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
        let day: Day
        do {
            day = try Day(parsing: date)
        } catch {
            throw failure("--date: \(error)", ExitStatus.usage)
        }
        if decision.allSatisfy(\.isWhitespace) { throw failure("--decision is empty", ExitStatus.usage) }
        let parsed: AllocationFormula
        do {
            parsed = try FormulaFile.read(file: formula)
        } catch {
            throw failure(error)
        }
        let store = try ledger.open()
        let plan: AllocationPlan
        var names: [OrganisationID: String] = [:]
        do {
            guard let fundEntry = try store.fund(fund) else {
                throw failure("no fund \(fund) is in the ledger", ExitStatus.dataError)
            }
            guard fundEntry.scheme.awardsDrawOnAllocations else {
                throw failure(
                    "fund \(fund) is a \(fundEntry.scheme.rawValue) fund, which is not split into CSP allocations",
                    ExitStatus.dataError)
            }
            do {
                plan = try parsed.plan(available: try store.unallocated(fund: fund))
            } catch let error as AllocationFormulaError {
                throw failure("\(formula): the formula cannot be met: \(error)", ExitStatus.dataError)
            }
            for csp in parsed.csps {
                guard let org = try store.organisation(csp) else {
                    throw failure("\(formula): \(csp) is not in the ledger", ExitStatus.dataError)
                }
                names[csp] = org.name
            }
        } catch let error as LedgerError {
            throw failure(error)
        }
        print("Allocation of \(fund) by \(formula), decision \(decision) on \(day)\n")
        print(AllocationRenderer.text(plan, names: names), terminator: "")
        if dryRun {
            print("\nDry run: nothing was recorded.")
            return
        }
        var batch = LedgerBatch()
        let slug = String(decision.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        for (index, share) in plan.shares.enumerated() where share.total > .zero {
            let id = "\(fund)-\(slug)-\(index + 1 < 10 ? "0" : "")\(index + 1)"
            batch.allocations.append(Sourced(Allocation(
                id: id, fund: fund, csp: share.csp, amount: share.total, decision: decision, date: day)))
        }
        let change = try ledger.change(reason: "allocation of \(fund) by \(formula) (decision \(decision))")
        do {
            let outcome = try store.record(batch, as: change)
            print("\n" + Summary.describe(outcome))
        } catch {
            throw failure(error)
        }
    }
}
