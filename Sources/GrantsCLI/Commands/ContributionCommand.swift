import ArgumentParser
import GrantsCore
import GrantsWorkflows

/// `grants contribution add|withdraw|receive`: partners' yearly contributions towards commissioned services.
struct ContributionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contribution", abstract: "Record contribution schedules, their withdrawal, and receipts.",
        subcommands: [Add.self, Withdraw.self, Receive.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a partner's contribution, year by year.")

        @OptionGroup var ledger: LedgerOptions
        @Option(help: "The schedule's id.") var id: String
        @Option(help: "Who contributes (organisation id).") var contributor: String
        @Option(help: "Who receives it (organisation id), such as the OPCC.") var recipient: String
        @Option(help: "The service, such as the IDVA service.") var service: String
        @Option(help: "The day it was committed.") var committed: String
        @Option(help: "Why, or the decision.") var reason: String
        @Option(name: .customLong("year"), help: "A year's amount as 2017/18=8000.00 (repeat for each year).")
        var years: [String]

        func run() throws {
            let schedule = try attempt { () throws(WorkflowError) in
                let day = try Input.day(committed, field: "--committed")
                return ContributionSchedule(
                    id: id, contributor: try Input.organisation(contributor, field: "--contributor"),
                    recipient: try Input.organisation(recipient, field: "--recipient"), service: service,
                    committed: day, reason: reason,
                    instalments: try years.map { text throws(WorkflowError) in try Input.instalment(text, field: "--year") })
            }
            let outcome = try ledger.recording { store, stamp throws(WorkflowError) in try Contributions.add(schedule, in: store, by: stamp) }
            report(outcome, done: "Recorded contribution \(id).")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a contribution from a day on.")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The schedule.") var schedule: String
        @Option(help: "From when: years starting on or after this day are no longer due.") var effective: String
        @Option(help: "Why.") var reason: String

        func run() throws {
            let day = try typed(effective, "--effective", Input.day)
            let outcome = try ledger.recording { store, stamp throws(WorkflowError) in
                try Contributions.withdraw(schedule: schedule, effective: day, reason: reason, in: store, by: stamp)
            }
            report(outcome, done: "Withdrew \(schedule) from \(day).")
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record money received against a year of a contribution.")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The schedule.") var schedule: String
        @Option(help: "The financial year it is for.") var year: String
        @Option(help: "The amount received.") var amount: String
        @Option(help: "The day it was received.") var date: String
        @Option(help: "The receipt's id (default: schedule-year).") var id: String?

        func run() throws {
            let financialYear = try typed(year, "--year", Input.year)
            let money = try typed(amount, "--amount", Input.money)
            let day = try typed(date, "--date", Input.day)
            let outcome = try ledger.recording { store, stamp throws(WorkflowError) in
                try Contributions.receive(
                    schedule: schedule, year: financialYear, amount: money, date: day, id: id, in: store, by: stamp)
            }
            report(outcome, done: "Received \(money.formatted) on \(schedule) for \(financialYear).")
        }
    }
}
