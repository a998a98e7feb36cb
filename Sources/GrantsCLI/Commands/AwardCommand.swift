import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore

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
    @Option(help: "Conditions of the award, kept in the history.") var conditions: String?
    @Option(help: "Award although the bid is not eligible, for this reason (kept in the history).") var override: String?
    @Option(help: "The fund (default: the only fund of the bid's scheme and year).") var fund: String?
    @Option(help: "The CSP allocation to draw on (default: the CSP's only allocation in the fund).") var allocation: String?
    @Option(help: "The award's id (default: AWD-<bid>).") var id: String?

    func run() throws {
        let day = try Recording.day(date, option: "--date")
        let money = try Recording.money(amount, option: "--amount")
        let store = try ledger.open()
        var batch = LedgerBatch()
        let stored = try Recording.reading { () throws(LedgerError) in try store.bid(bid) }
        var form: BidForm?
        if let bidFile {
            do {
                let bids = try BidFile.read(file: bidFile)
                guard let match = bids.first(where: { $0.value.id == bid }) else {
                    throw failure("\(bidFile) holds no bid \(bid)", ExitStatus.dataError)
                }
                form = match.value
            } catch let error as ImportError {
                throw failure(error)
            }
        }
        // The fund: the stored bid's, or the only one of the form's scheme and year.
        let fundID: String
        if let stored {
            fundID = fund ?? stored.fund
        } else if let form {
            if let fund {
                fundID = fund
            } else {
                let candidates = try Recording.reading { () throws(LedgerError) in
                    try store.funds(scheme: form.scheme, year: form.year)
                }
                guard candidates.count == 1 else {
                    throw failure(
                        "\(candidates.count) \(form.scheme.rawValue) funds in \(form.year); name one with --fund", ExitStatus.usage)
                }
                fundID = candidates[0].id
            }
        } else {
            throw failure("no bid \(bid) is in the ledger; give its file with --bid-file", ExitStatus.dataError)
        }
        guard let fundEntry = try Recording.reading({ () throws(LedgerError) in try store.fund(fundID) }) else {
            throw failure("no fund \(fundID) is in the ledger", ExitStatus.dataError)
        }

        if let override, override.allSatisfy(\.isWhitespace) {
            throw failure("--override needs a reason", ExitStatus.usage)
        }
        // The check, unless overridden.
        var why = "award on bid \(bid) (decision \(decision))"
        let requested = form?.requested ?? stored?.requested
        if let requested, money > requested {
            guard let override else {
                throw failure(
                    "awarding \(money.formatted) is more than the \(requested.formatted) bid \(bid) asked for, which the "
                        + "check covered; award it only with --override REASON", ExitStatus.checkFailed)
            }
            why += "; awarding more than the \(requested.formatted) requested: \(override)"
        }
        if let form {
            var books = try Rulebooks(override: nil)
            let book = try books.rulebook(for: form)
            let facts = try Recording.reading { () throws(LedgerError) in try store.facts(year: form.year) }
            let verdict = RuleEngine(rulebook: book, facts: facts).check(form)
            if verdict.outcome != .eligible {
                guard let override else {
                    print(EligibilityRenderer.detail(verdict), terminator: "")
                    throw failure(
                        "bid \(bid) is \(verdict.outcome.rawValue) (\((verdict.failedRules + verdict.unknownRules).joined(separator: ", "))); "
                            + "award it only with --override REASON", ExitStatus.checkFailed)
                }
                why += "; overriding the check (\(verdict.outcome.rawValue)): \(override)"
            }
        } else {
            guard let override else {
                throw failure("the bid's check cannot run without its file: give --bid-file, or --override REASON",
                              ExitStatus.usage)
            }
            why += "; awarded without a check: \(override)"
        }
        if let conditions { why += "; conditions: \(conditions)" }

        // The bid itself, when it is not yet recorded.
        let applicant: OrganisationID
        var title: String
        var csp: OrganisationID?
        if let stored {
            applicant = stored.applicant
            title = stored.title
            csp = stored.csp
        } else if let form {
            applicant = form.applicant.id
            title = form.title
            if form.scheme == .cspGrant, let name = form.csp {
                let facts = try Recording.reading { () throws(LedgerError) in try store.facts(year: form.year) }
                csp = facts.partnership(named: name)?.id
            }
            if try Recording.reading({ () throws(LedgerError) in try store.organisation(applicant) }) == nil {
                batch.organisations.append(Sourced(Organisation(
                    id: applicant, name: form.applicant.name, kind: Self.kind(of: form.applicant.type))))
            }
            batch.bids.append(Sourced(Bid(
                id: form.id, fund: fundID, applicant: applicant, title: form.title, requested: form.requested,
                submitted: form.submitted, csp: csp)))
        } else {
            throw failure("no bid \(bid)", ExitStatus.dataError)
        }
        title = title.isEmpty ? bid : title

        var allocationID = allocation
        if fundEntry.scheme.awardsDrawOnAllocations && allocationID == nil {
            guard let csp else { throw failure("bid \(bid) names no CSP; give --allocation", ExitStatus.usage) }
            let allocations = try Recording.reading { () throws(LedgerError) in try store.allocations(fund: fundID, csp: csp) }
            guard allocations.count == 1 else {
                throw failure("\(csp) has \(allocations.count) allocations in \(fundID); name one with --allocation",
                              ExitStatus.usage)
            }
            allocationID = allocations[0].id
        }
        let start = form?.plannedStart ?? day
        let end = form?.plannedEnd ?? fundEntry.year.lastDay
        let priorities = (form?.priorities ?? []).compactMap { try? Priority(parsing: $0) }
        let awardID = id ?? "AWD-\(bid)"
        batch.awards.append(Sourced(Award(
            id: awardID, bid: bid, fund: fundID, allocation: allocationID, recipient: applicant, title: title,
            amount: money, decision: decision, awardDate: day, plannedStart: start, plannedEnd: end,
            priorities: priorities)))
        try Recording.record(
            batch, in: store, by: ledger, reason: why,
            done: "Awarded \(money.formatted) on \(bid) as \(awardID) (decision \(decision)).")
    }

    static func kind(of type: BidForm.ApplicantType) -> OrganisationKind {
        switch type {
        case .communityGroup: .communityGroup
        case .registeredCharity: .registeredCharity
        case .cic: .cic
        case .company: .company
        case .school: .school
        case .localAuthority: .localAuthority
        case .police: .police
        case .fire: .fireAndRescue
        case .probation: .probation
        case .health: .health
        case .individual, .other: .other
        }
    }
}
