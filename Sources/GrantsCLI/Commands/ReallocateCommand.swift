import ArgumentParser
import GrantsCore
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
        let day = try Recording.day(date, option: "--date")
        let money = try Recording.money(amount, option: "--amount")
        guard money > .zero else { throw failure("--amount must be more than 0.00", ExitStatus.usage) }
        let store = try ledger.open()
        guard let source = try Recording.reading({ () throws(LedgerError) in try store.allocation(from) }) else {
            throw failure("no allocation \(from) is in the ledger", ExitStatus.dataError)
        }
        let slug = String(decision.map { $0.isLetter || $0.isNumber ? $0 : "-" })
        var batch = LedgerBatch()
        batch.allocationChanges.append(Sourced(AllocationChange(
            id: "\(from)-\(slug)-CUT", allocation: from, delta: Money(pence: -money.pence), decision: decision, date: day,
            reason: reason)))
        var done = "Cut \(from) by \(money.formatted) (decision \(decision))"
        if let to {
            batch.allocationChanges.append(Sourced(AllocationChange(
                id: "\(to)-\(slug)-ADD", allocation: to, delta: money, decision: decision, date: day, reason: reason)))
            done = "Moved \(money.formatted) from \(from) to \(to) (decision \(decision))"
        } else if let toCsp {
            let csp: OrganisationID
            do {
                csp = try OrganisationID(parsing: toCsp)
            } catch {
                throw failure("--to-csp: \(error)", ExitStatus.usage)
            }
            let newID = "\(source.fund)-\(slug)-\(csp.rawValue)"
            batch.allocations.append(Sourced(Allocation(
                id: newID, fund: source.fund, csp: csp, amount: money, decision: decision, date: day)))
            done = "Moved \(money.formatted) from \(from) to a new allocation \(newID) (decision \(decision))"
        }
        try Recording.record(batch, in: store, by: ledger, reason: "\(reason) (decision \(decision))", done: done + ".")
    }
}
