import ArgumentParser
import GrantsCore
import GrantsStore

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
            let day = try Recording.day(committed, option: "--committed")
            let contributorID: OrganisationID
            let recipientID: OrganisationID
            do {
                contributorID = try OrganisationID(parsing: contributor)
                recipientID = try OrganisationID(parsing: recipient)
            } catch {
                throw failure("\(error)", ExitStatus.usage)
            }
            var instalments: [ContributionSchedule.Instalment] = []
            for text in years {
                let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw failure("--year: '\(text)' is not YEAR=AMOUNT", ExitStatus.usage) }
                instalments.append(.init(
                    year: try Recording.year(parts[0], option: "--year"), amount: try Recording.money(parts[1], option: "--year")))
            }
            let store = try ledger.open()
            var batch = LedgerBatch()
            batch.contributions = [Sourced(ContributionSchedule(
                id: id, contributor: contributorID, recipient: recipientID, service: service, committed: day,
                reason: reason, instalments: instalments.sorted { $0.year < $1.year }))]
            try Recording.record(batch, in: store, by: ledger, reason: reason, done: "Recorded contribution \(id).")
        }
    }

    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Withdraw a contribution from a day on.")

        @OptionGroup var ledger: LedgerOptions
        @Argument(help: "The schedule.") var schedule: String
        @Option(help: "From when: years starting on or after this day are no longer due.") var effective: String
        @Option(help: "Why.") var reason: String

        func run() throws {
            let day = try Recording.day(effective, option: "--effective")
            let store = try ledger.open()
            var batch = LedgerBatch()
            batch.withdrawals = [Sourced(ContributionWithdrawal(
                id: "\(schedule)-WITHDRAWN", schedule: schedule, effective: day, reason: reason))]
            try Recording.record(batch, in: store, by: ledger, reason: reason, done: "Withdrew \(schedule) from \(day).")
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
            let financialYear = try Recording.year(year, option: "--year")
            let money = try Recording.money(amount, option: "--amount")
            let day = try Recording.day(date, option: "--date")
            let store = try ledger.open()
            let count = try Recording.reading { () throws(LedgerError) in
                try store.receiptCount(contribution: schedule, year: financialYear)
            }
            let receiptID = id ?? Recording.numbered("\(schedule)-\(financialYear.startYear)", "R", count + 1)
            var batch = LedgerBatch()
            batch.receipts = [Sourced(ContributionReceipt(
                id: receiptID, contribution: schedule, year: financialYear, amount: money, date: day))]
            try Recording.record(
                batch, in: store, by: ledger, reason: "receipt on \(schedule) for \(financialYear)",
                done: "Received \(money.formatted) on \(schedule) for \(financialYear).")
        }
    }
}
