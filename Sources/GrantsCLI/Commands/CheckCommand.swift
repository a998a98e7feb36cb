import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore

extension EligibilityRenderer.Format: ExpressibleByArgument {}

/// `grants check BID...`: checks bids against their scheme's published rules, every rule with its reason.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check bids against the scheme's rules and show which rule fails and why.",
        discussion: """
            Each BID is a bid file (format: grants-bid/1, YAML or JSON), or a JSON Lines (.jsonl) or CSV (.csv) file
            of many. The shipped rulebook for each bid's scheme and financial year applies unless --rulebook names
            one. The bid's submitted date (or --as-of) picks the parameter values in force. Rules that need the
            ledger read --db, $GRANTS_DB or ./grants.sqlite when there is one, and report unknown otherwise.
            Exit 0 when every bid is eligible, 1 when any is not, 65 for bad input.
            """)

    @Argument(help: "Bid files: YAML, JSON, JSON Lines or CSV.")
    var bids: [String]

    @Option(help: "The day whose parameter values apply (default: each bid's submitted date).")
    var asOf: String?

    @Option(help: "text or json.")
    var format: EligibilityRenderer.Format = .text

    @Option(help: "A rulebook file to use instead of the shipped one.")
    var rulebook: String?

    @Option(help: "The ledger to read (default: $GRANTS_DB, else ./grants.sqlite if it exists).")
    var db: String?

    @Option(name: .customLong("set"), help: "What-if: re-run with a parameter changed, as name=value.")
    var settings: [String] = []

    func run() throws {
        let day = try asOf.map { text throws(ExitCode) in
            do {
                return try Day(parsing: text)
            } catch {
                throw failure("--as-of: \(error)", ExitStatus.usage)
            }
        }
        let forms: [BidForm]
        do {
            forms = try BidFile.read(paths: bids).map(\.value)
        } catch {
            throw failure(error)
        }
        if forms.isEmpty { throw failure("no bids in \(bids.joined(separator: ", "))", ExitStatus.dataError) }
        var books = try Rulebooks(override: rulebook)
        let ledger = try openLedger()

        var verdicts: [Eligibility] = []
        var whatIf: [Eligibility] = []
        // Bids keep their order; each group of one scheme and year is checked together, as a round.
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, bid) in forms.enumerated() {
            let key = "\(bid.scheme.rawValue) \(bid.year.label)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var byIndex: [Int: (Eligibility, Eligibility?)] = [:]
        for key in order {
            let indices = groups[key] ?? []
            let first = forms[indices[0]]
            let book = try books.rulebook(for: first)
            var facts: LedgerFacts?
            if let ledger {
                do {
                    facts = try ledger.facts(year: first.year)
                } catch {
                    throw failure(error)
                }
            }
            let group = indices.map { forms[$0] }
            let results = RuleEngine(rulebook: book, facts: facts).check(group, asOf: day)
            var changed: [Eligibility]?
            if !settings.isEmpty {
                var modified = book
                for setting in settings {
                    do throws(ImportError) {
                        modified = try RulebookFile.override(setting, in: modified)
                    } catch {
                        throw failure(error.description, ExitStatus.usage)
                    }
                }
                changed = RuleEngine(rulebook: modified, facts: facts).check(group, asOf: day)
            }
            for (position, index) in indices.enumerated() {
                byIndex[index] = (results[position], changed?[position])
            }
        }
        for index in forms.indices {
            guard let (verdict, changed) = byIndex[index] else { continue }
            verdicts.append(verdict)
            if let changed { whatIf.append(changed) }
        }

        if settings.isEmpty {
            print(EligibilityRenderer.render(verdicts, as: format), terminator: "")
        } else if format == .json {
            print(EligibilityRenderer.render(whatIf, as: .json), terminator: "")
        } else {
            print(EligibilityRenderer.whatIf(settings.joined(separator: ", "), before: verdicts, after: whatIf), terminator: "")
        }
        let final = settings.isEmpty ? verdicts : whatIf
        if final.contains(where: { $0.outcome != .eligible }) { throw ExitStatus.checkFailed }
    }

    /// The ledger named, or found; `nil` when none is (then ledger rules are unknown).
    private func openLedger() throws(ExitCode) -> Ledger? {
        var path = db
        if path == nil, let fromEnvironment = ProcessInfo.processInfo.environment["GRANTS_DB"], !fromEnvironment.isEmpty {
            path = fromEnvironment
        }
        let explicit = path != nil
        let chosen = path ?? "grants.sqlite"
        guard Ledger.exists(at: chosen) else {
            if explicit { throw failure("no ledger at \(chosen)", ExitStatus.ioError) }
            return nil
        }
        do {
            return try Ledger(path: chosen)
        } catch {
            throw failure(error)
        }
    }
}
