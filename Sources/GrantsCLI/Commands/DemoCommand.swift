import ArgumentParser
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore

/// `grants demo`: the main job. Builds a fresh ledger from Samples in memory, prints its status and writes the
/// reports into Reports/. It never touches ./grants.sqlite, and the same Samples give the same output.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a fresh ledger from Samples, print its status and write the reports into Reports/.")

    @Option(help: "The sample ledger files.")
    var samples = "Samples/lancashire-2017-18"

    @Option(help: "Bids to check against the sample ledger.")
    var bids = "Samples/bids-2017-18"

    @Option(help: "Where to write the reports.")
    var reports = "Reports"

    /// The demo's entries are stamped with a fixed time, so that its output is the same on every run.
    static let recordedAt = "2018-04-30T09:00:00Z"

    func run() throws {
        let batch: LedgerBatch
        do {
            batch = try LedgerFile.read(paths: [samples])
        } catch {
            throw failure(error)
        }
        let forms: [BidForm]
        do {
            forms = try BidFile.read(paths: [bids]).map(\.value)
        } catch {
            throw failure(error)
        }
        let report: StatusReport
        let outcome: RecordOutcome
        var verdicts: [Eligibility] = []
        var rulebooks = try Rulebooks(override: nil)
        do {
            let ledger = try Ledger()
            let at = try Timestamp(parsing: Self.recordedAt)
            outcome = try ledger.record(batch, as: Change(actor: "demo", at: at, reason: "grants demo from \(samples)"))
            report = try ledger.status()
            for bid in forms {
                let engine = RuleEngine(rulebook: try rulebooks.rulebook(for: bid), facts: try ledger.facts(year: bid.year))
                verdicts.append(engine.check(bid))
            }
        } catch let error as LedgerError {
            throw failure(error)
        }
        let outputs: [(name: String, text: String)]
        do {
            outputs = [
                ("status.txt", try StatusRenderer.render(report, as: .text)),
                ("status.csv", try StatusRenderer.render(report, as: .csv)),
                ("status.json", try StatusRenderer.render(report, as: .json)),
                ("eligibility.txt", EligibilityRenderer.render(verdicts, as: .text)),
                ("eligibility.json", EligibilityRenderer.render(verdicts, as: .json)),
            ]
        } catch {
            throw failure(error)
        }
        print(Summary.describe(outcome) + "\n")
        print(outputs[0].text, terminator: "")
        print("\nEligibility of the bids in \(bids), checked against this ledger\n")
        print(EligibilityRenderer.summary(verdicts), terminator: "")
        do {
            try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create \(reports): \(error.localizedDescription)", ExitStatus.ioError)
        }
        print("")
        for output in outputs {
            let path = (reports as NSString).appendingPathComponent(output.name)
            try writeAtomically(output.text, to: path)
            print("Wrote \(path)")
        }
    }
}
