import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore
import GrantsWorkflows

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
            --format verdicts writes one line of JSON per bid ({"id", "outcome", "failed"}). Given one JSON Lines file
            and no --set, every format streams: any size of file in the same memory, on every core, and nothing is
            written if a line is not a bid.
            Exit 0 when every bid is eligible, 1 when any is not, 65 for bad input.
            """)

    @Argument(help: "Bid files: YAML, JSON, JSON Lines or CSV.")
    var bids: [String]

    @Option(help: "The day whose parameter values apply (default: each bid's submitted date).")
    var asOf: String?

    @Option(help: "text, json or verdicts.")
    var format: EligibilityRenderer.Format = .text

    @Option(help: "A rulebook file to use instead of the shipped one.")
    var rulebook: String?

    @Option(help: "The ledger to read (default: $GRANTS_DB, else ./grants.sqlite if it exists).")
    var db: String?

    @Option(name: .customLong("set"), help: "What-if: re-run with a parameter changed, as name=value.")
    var settings: [String] = []

    func run() throws {
        let day = try asOf.map { text throws(ExitCode) in
            try typed(text, "--as-of", Input.day)
        }
        if settings.isEmpty, bids.count == 1, let file = bids.first,
            file.lowercased().hasSuffix(".jsonl") || file.lowercased().hasSuffix(".ndjson")
        {
            try stream(file, asOf: day)
            return
        }
        let forms: [BidForm]
        do {
            forms = try BidFile.read(paths: bids).map(\.value)
        } catch {
            throw failure(error)
        }
        if forms.isEmpty { throw failure(WorkflowError(.badData, "no bids in \(bids.joined(separator: ", "))")) }
        var books = try attempt { () throws(WorkflowError) in try RulebookLibrary(override: rulebook) }
        let ledger = try openLedger()
        let result = try attempt { () throws(WorkflowError) in
            try BidScreening.screen(forms, asOf: day, settings: settings, rulebooks: &books, store: ledger)
        }
        if let whatIf = result.whatIf {
            print(format == .json
                ? EligibilityRenderer.render(whatIf, as: .json)
                : EligibilityRenderer.whatIf(settings.joined(separator: ", "), before: result.verdicts, after: whatIf),
                terminator: "")
        } else {
            print(EligibilityRenderer.render(result.verdicts, as: format), terminator: "")
        }
        if !result.allEligible { throw ExitStatus.checkFailed }
    }

    /// Checks a JSON Lines file of bids as it reads it, writing the report to standard output a chunk at a time.
    private func stream(_ file: String, asOf day: Day?) throws {
        var books = try attempt { () throws(WorkflowError) in try RulebookLibrary(override: rulebook) }
        let ledger = try openLedger()
        let output = StandardOutput()
        let summary = try attempt { () throws(WorkflowError) in
            let round = try BidStream.read(
                file: file, asOf: day, rulebooks: &books, store: ledger,
                cores: ProcessInfo.processInfo.activeProcessorCount)
            return try BidStream.report(round, as: format) { (bytes: [UInt8]) throws(WorkflowError) in
                try output.write(bytes)
            }
        }
        if !summary.allEligible { throw ExitStatus.checkFailed }
    }

    /// The ledger named, or found; `nil` when none is (then ledger rules are unknown).
    private func openLedger() throws(ExitCode) -> Ledger? {
        let path = LedgerOptions.named(db)
        let explicit = path != nil
        let chosen = path ?? "grants.sqlite"
        guard LedgerOptions.exists(chosen) else {
            if explicit { throw failure(WorkflowError(.io, "no ledger at \(chosen)")) }
            return nil
        }
        do {
            return try LedgerOptions.open(chosen, .readOnly)
        } catch {
            throw failure(error)
        }
    }
}
