import ArgumentParser
import GrantsCore
import GrantsWorkflows
import GrantsStore

/// `grants reallocate`: a new decision that cuts a CSP's allocation, or moves part of it to another CSP.
struct ReallocateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reallocate",
        abstract: "Cut an allocation mid-year, or move part of it to another CSP, under a new decision.",
        discussion: """
            Nothing already committed can be taken away: an allocation can be cut by at most what is not committed
            on it. Without --to or --to-csp the money goes back to the fund's unallocated pot.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The allocation to cut.") var from: String
    @Option(help: "The amount to move or cut.") var amount: String
    @Option(help: "An allocation to move it to.") var to: String?
    @Option(help: "A CSP (organisation id) to move it to, as a new allocation in the same fund.") var toCsp: String?
    @Option(help: "The decision reference.") var decision: String
    @Option(help: "The decision's date.") var date: String
    @Option(help: "Why.") var reason: String

    func validate() throws {
        if to != nil && toCsp != nil { throw ValidationError("give --to or --to-csp, not both") }
    }

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let money = try typed(amount, "--amount", Input.money)
        try attempt { () throws(WorkflowError) in try Reallocation.requirePositive(money) }
        let destination: Reallocation.Destination
        if let to {
            destination = .allocation(to)
        } else if let toCsp {
            destination = .csp(toCsp)
        } else {
            destination = .fund
        }
        let request = Reallocation.Request(
            from: from, amount: money, to: destination, decision: decision, date: day, reason: reason)
        let result = try ledger.recording { store, stamp throws(WorkflowError) in
            try Reallocation.record(request, in: store, by: stamp)
        }
        let done = switch destination {
        case .fund: "Cut \(from) by \(money.formatted) (decision \(decision))"
        case .allocation(let to): "Moved \(money.formatted) from \(from) to \(to) (decision \(decision))"
        case .csp: "Moved \(money.formatted) from \(from) to a new allocation \(result.newAllocation ?? "") (decision \(decision))"
        }
        report(result.outcome, done: done + ".")
    }
}
