import ArgumentParser
import GrantsCore
import GrantsWorkflows

/// `grants claim AWARD_ID --period … --amount … --date …`: a claim in arrears for work done.
struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Record a claim on an award for a period of work done (paid in arrears).")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The award.") var award: String
    @Option(help: "The period claimed for: Q1 to Q4 of the award's year, 2017/18-Q2, or 2017-07-01..2017-09-30.")
    var period: String
    @Option(help: "The amount claimed.") var amount: String
    @Option(help: "The day the claim was made.") var date: String
    @Option(help: "The claim's id (default: the award's id with C01, C02…).") var id: String?

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let money = try typed(amount, "--amount", Input.money)
        let (range, step) = try ledger.recording { store, stamp throws(WorkflowError) in
            let year = try AwardLifecycle.year(ofAward: award, in: store)
            let range = try Input.claimPeriod(period, year: year, field: "--period")
            return (range, try AwardLifecycle.claim(
                award: award, period: range, amount: money, date: day, id: id, in: store, by: stamp))
        }
        report(step.outcome, done: "Recorded claim \(step.id) on \(award): \(money.formatted) for "
            + "\(range.lowerBound) to \(range.upperBound).")
    }
}

/// `grants pay CLAIM_ID --date …`: pays a claim in full.
struct PayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "pay", abstract: "Pay a claim.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The claim.") var claim: String
    @Option(help: "The day it was paid.") var date: String
    @Option(help: "The finance system's reference.") var reference: String?
    @Option(help: "The payment's id (default: the award's id with P01, P02…).") var id: String?

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let (step, paid) = try ledger.recording { store, stamp throws(WorkflowError) in
            try AwardLifecycle.pay(claim: claim, date: day, reference: reference, id: id, in: store, by: stamp)
        }
        report(step.outcome,
               done: "Recorded payment \(step.id): \(paid.amount.formatted) on \(paid.award) for claim \(claim).")
    }
}

/// `grants close AWARD_ID --spent … --date …`: the end-of-grant report.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Record an award's end-of-grant report: what was spent. Unspent money paid is owed back; the unpaid part is released.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The award.") var award: String
    @Option(help: "What the recipient spent.") var spent: String
    @Option(help: "The day of the report.") var date: String

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let money = try typed(spent, "--spent", Input.money)
        let store = try ledger.open()
        let stamp = try ledger.stamp()
        let step = try attempt { () throws(WorkflowError) in
            try AwardLifecycle.close(award: award, spent: money, date: day, in: store, by: stamp)
        }
        report(step.outcome, done: "Closed \(award): \(money.formatted) spent.")
        if let summary = try attempt({ () throws(WorkflowError) in try AwardLifecycle.summary(of: award, in: store) }) {
            print(summary)
        }
    }
}

/// `grants withdraw AWARD_ID --date … --reason …`: withdraws an award nothing has been paid on.
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Withdraw an award before anything is paid; all of it is released.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The award.") var award: String
    @Option(help: "The day of the decision.") var date: String
    @Option(help: "Why.") var reason: String

    func run() throws {
        let day = try typed(date, "--date", Input.day)
        let step = try ledger.recording { store, stamp throws(WorkflowError) in
            try AwardLifecycle.withdraw(award: award, date: day, reason: reason, in: store, by: stamp)
        }
        report(step.outcome, done: "Withdrew \(award).")
    }
}
