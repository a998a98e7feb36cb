import ArgumentParser
import GrantsCore
import GrantsStore

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
        let day = try Recording.day(date, option: "--date")
        let money = try Recording.money(amount, option: "--amount")
        let store = try ledger.open()
        guard let awardEntry = try Recording.reading({ () throws(LedgerError) in try store.award(award) }) else {
            throw failure("no award \(award) is in the ledger", ExitStatus.dataError)
        }
        guard let fund = try Recording.reading({ () throws(LedgerError) in try store.fund(awardEntry.fund) }) else {
            throw failure("the fund of award \(award) is missing", ExitStatus.dataError)
        }
        let range = try Self.period(period, year: fund.year)
        let count = try Recording.reading { () throws(LedgerError) in try store.claimCount(award: award) }
        let claimID = id ?? Recording.numbered(award, "C", count + 1)
        var batch = LedgerBatch()
        batch.claims = [Sourced(Claim(
            id: claimID, award: award, periodStart: range.lowerBound, periodEnd: range.upperBound, amount: money,
            date: day))]
        try Recording.record(
            batch, in: store, by: ledger, reason: "claim on \(award) for \(range.lowerBound) to \(range.upperBound)",
            done: "Recorded claim \(claimID) on \(award): \(money.formatted) for \(range.lowerBound) to \(range.upperBound).")
    }

    /// `Q2`, `2017/18-Q2` or `2017-07-01..2017-09-30`.
    static func period(_ text: String, year: FinancialYear) throws(ExitCode) -> ClosedRange<Day> {
        if let dots = text.range(of: "..") {
            let start = try Recording.day(String(text[..<dots.lowerBound]), option: "--period")
            let end = try Recording.day(String(text[dots.upperBound...]), option: "--period")
            guard start <= end else { throw failure("--period: \(start) is after \(end)", ExitStatus.usage) }
            return start...end
        }
        var label = Substring(text)
        var inYear = year
        if let dash = text.lastIndex(of: "-"), text.count == 10 {
            inYear = try Recording.year(String(text[..<dash]), option: "--period")
            label = text[text.index(after: dash)...]
        }
        do {
            return inYear.days(of: try Quarter(parsing: String(label)))
        } catch {
            throw failure("--period: '\(text)' is not Q1 to Q4, 2017/18-Q2, or a range such as 2017-07-01..2017-09-30",
                          ExitStatus.usage)
        }
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
        let day = try Recording.day(date, option: "--date")
        let store = try ledger.open()
        guard let claimEntry = try Recording.reading({ () throws(LedgerError) in try store.claim(claim) }) else {
            throw failure("no claim \(claim) is in the ledger", ExitStatus.dataError)
        }
        let count = try Recording.reading { () throws(LedgerError) in try store.paymentCount(award: claimEntry.award) }
        let paymentID = id ?? Recording.numbered(claimEntry.award, "P", count + 1)
        var batch = LedgerBatch()
        batch.payments = [Sourced(Payment(
            id: paymentID, award: claimEntry.award, claim: claim, amount: claimEntry.amount, date: day,
            reference: reference))]
        try Recording.record(
            batch, in: store, by: ledger, reason: "payment of claim \(claim)",
            done: "Recorded payment \(paymentID): \(claimEntry.amount.formatted) on \(claimEntry.award) for claim \(claim).")
    }
}

/// `grants close AWARD_ID --spent … --date …`: the end-of-grant return.
struct CloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close",
        abstract: "Record an award's end-of-grant return: what was spent. Unspent money paid is owed back; the unpaid part is released.")

    @OptionGroup var ledger: LedgerOptions
    @Argument(help: "The award.") var award: String
    @Option(help: "What the recipient spent.") var spent: String
    @Option(help: "The day of the return.") var date: String

    func run() throws {
        let day = try Recording.day(date, option: "--date")
        let money = try Recording.money(spent, option: "--spent")
        let store = try ledger.open()
        try Self.requireOpen(award, in: store, doing: "closed")
        var batch = LedgerBatch()
        batch.closures = [Sourced(AwardClosure(id: "\(award)-CLOSE", award: award, spent: money, date: day))]
        try Recording.record(
            batch, in: store, by: ledger, reason: "end-of-grant return for \(award)",
            done: "Closed \(award): \(money.formatted) spent.")
        let line = try Recording.reading { () throws(LedgerError) in try store.awardSummary(award) }
        if let line { print(line) }
    }

    /// Refuses a step on an award that is unknown, closed or withdrawn, saying which.
    static func requireOpen(_ award: String, in store: Ledger, doing step: String) throws(ExitCode) {
        switch try Recording.reading({ () throws(LedgerError) in try store.state(ofAward: award) }) {
        case nil: throw failure("no award \(award) is in the ledger", ExitStatus.dataError)
        case .closed?: throw failure("award \(award) is already closed and cannot be \(step)", ExitStatus.dataError)
        case .withdrawn?: throw failure("award \(award) was withdrawn and cannot be \(step)", ExitStatus.dataError)
        case .awarded?, .claiming?: return
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
        let day = try Recording.day(date, option: "--date")
        let store = try ledger.open()
        try CloseCommand.requireOpen(award, in: store, doing: "withdrawn")
        var batch = LedgerBatch()
        batch.awardWithdrawals = [Sourced(AwardWithdrawal(id: "\(award)-WITHDRAWN", award: award, date: day, reason: reason))]
        try Recording.record(
            batch, in: store, by: ledger, reason: "withdrawal of \(award): \(reason)", done: "Withdrew \(award).")
    }
}
