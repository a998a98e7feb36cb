import Dispatch
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules

/// Checks a round of bids from a JSON Lines file of any size in the same memory, writing one result line per bid as
/// it goes, on every core.
///
/// The file is read twice, a chunk of lines at a time. The first pass reads every bid, refusing the file on the first
/// line that is not a bid (so nothing is written for a file with a bad line), and learns the round: which applicants
/// applied more than once, and which schemes and years need a rulebook. The second reads each chunk again, and its
/// lines are parsed, checked and rendered in parallel, then written in the file's order.
public enum BidStream {
    /// How many bids came out each way.
    public struct Summary: Sendable, Equatable {
        public var bids = 0
        public var eligible = 0
        public var ineligible = 0
        public var incomplete = 0

        /// Whether every bid is eligible.
        public var allEligible: Bool { bids == eligible }

        /// The counts by outcome.
        public var counts: [Eligibility.Outcome: Int] {
            [.eligible: eligible, .ineligible: ineligible, .incomplete: incomplete]
        }

        mutating func count(_ outcome: Eligibility.Outcome) {
            bids += 1
            switch outcome {
            case .eligible: eligible += 1
            case .ineligible: ineligible += 1
            case .incomplete: incomplete += 1
            }
        }
    }

    /// A round read once from its file: every line a bid, the round of applicants known, an engine for each scheme
    /// and year. `each` reads the file again as many times as a report needs, checking it chunk by chunk.
    public struct Round: Sendable {
        public let file: String
        /// How many bids the file holds.
        public let count: Int
        let asOf: Day?
        let round: RoundIndex
        let engines: [String: RuleEngine]
        let cores: Int
        let chunkSize: Int

        /// Reads the file again, checks each chunk's bids on `cores` threads (each thread's run of bids in one
        /// call, so the parameter values in force are resolved once per run), hands each thread's verdicts, in the
        /// file's order, to `transform` on that thread, and its results to `consume` in the file's order.
        public func each<T: Sendable>(
            _ transform: @escaping @Sendable ([Eligibility]) -> T, _ consume: (T) throws(WorkflowError) -> Void
        ) throws(WorkflowError) {
            var lines = try BidStream.open(file, chunkSize)
            while let chunk = try BidStream.next(&lines) {
                let results = BidStream.inParallel(BidStream.split(chunk.lines.count, cores)) { range in
                    check(chunk, range, transform)
                }
                for result in results { try consume(try result.get()) }
            }
        }

        /// The verdicts of the lines `range` of a chunk, through `transform`; a bid for a scheme and year the first
        /// pass did not meet means the file changed between the passes.
        private func check<T>(_ chunk: BidLines.Chunk, _ range: Range<Int>, _ transform: ([Eligibility]) -> T)
            -> Result<T, WorkflowError>
        {
            do throws(WorkflowError) {
                var verdicts: [Eligibility] = []
                verdicts.reserveCapacity(range.count)
                var run: [BidForm] = []
                var runKey = ""
                func flush() throws(WorkflowError) {
                    guard !run.isEmpty else { return }
                    guard let engine = engines[runKey] else {
                        throw WorkflowError(
                            .io, "\(file): the file changed while it was being checked (line "
                                + "\(chunk.lines[range.lowerBound].number) on); check it again")
                    }
                    verdicts += engine.check(run, asOf: asOf, round: round)
                    run.removeAll(keepingCapacity: true)
                }
                for index in range {
                    let bid: BidForm
                    do {
                        bid = try BidLines.bid(chunk, line: index, file: file)
                    } catch {
                        throw WorkflowError(error)
                    }
                    let key = BidStream.engineKey(bid.scheme, bid.year)
                    if key != runKey {
                        try flush()
                        runKey = key
                    }
                    run.append(bid)
                }
                try flush()
                return .success(transform(verdicts))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The first pass over a JSON Lines file of bids: refuses the file on the first line that is not a bid (so
    /// nothing is written for it), and learns the round: which applicants applied more than once, and the rulebook
    /// (and, with a ledger, the facts) for each scheme and year. Rules that need the ledger read `store`, and are
    /// unknown without one.
    public static func read(
        file: String, asOf day: Day? = nil, rulebooks: inout RulebookLibrary, store: (any LedgerStore)?,
        cores: Int = 1, chunkSize: Int = 1 << 20
    ) throws(WorkflowError) -> Round {
        var round = RoundIndex()
        var engines: [String: RuleEngine] = [:]
        var lines = try open(file, chunkSize)
        var count = 0
        while let chunk = try next(&lines) {
            for bid in try parse(chunk, file: file, cores: cores) {
                round.add(bid)
                count += 1
                let key = engineKey(bid.scheme, bid.year)
                if engines[key] == nil {
                    let book = try rulebooks.rulebook(for: bid)
                    let facts = try store.map { store throws(WorkflowError) in
                        try reading { () throws(LedgerError) in try store.facts(year: bid.year) }
                    }
                    engines[key] = RuleEngine(rulebook: book, facts: facts)
                }
            }
        }
        if count == 0 { throw .badData("\(file): no bids in it") }
        round.seal()
        return Round(
            file: file, count: count, asOf: day, round: round, engines: engines, cores: max(1, cores),
            chunkSize: chunkSize)
    }

    /// Checks every bid in `file` and hands `write` one verdict line per bid (`EligibilityRenderer.verdictLine`), in
    /// the file's order, a run of lines at a time (about `chunkSize` bytes of them), on `cores` threads.
    public static func verdicts(
        file: String, asOf day: Day? = nil, rulebooks: inout RulebookLibrary, store: (any LedgerStore)?,
        cores: Int = 1, chunkSize: Int = 1 << 20, write: ([UInt8]) throws(WorkflowError) -> Void
    ) throws(WorkflowError) -> Summary {
        let round = try read(
            file: file, asOf: day, rulebooks: &rulebooks, store: store, cores: cores, chunkSize: chunkSize)
        return try report(round, as: .verdicts, write: write)
    }

    /// Writes the report on a round in `format`, a chunk of bids at a time, reading the file as often as the format
    /// needs: the same bytes as `EligibilityRenderer.render` gives for the whole round, in memory that does not grow
    /// with the round. Verdict lines and JSON take one more pass; text three (its summary table's widths, the table,
    /// then each bid in detail).
    public static func report(
        _ round: Round, as format: EligibilityRenderer.Format, write: ([UInt8]) throws(WorkflowError) -> Void
    ) throws(WorkflowError) -> Summary {
        var summary = Summary()
        switch format {
        case .verdicts:
            try round.each({ verdicts in
                var output: [UInt8] = []
                output.reserveCapacity(verdicts.count * 96)
                for verdict in verdicts { EligibilityRenderer.verdictLine(verdict, into: &output) }
                return (output, verdicts.map(\.outcome))
            }) { (part: ([UInt8], [Eligibility.Outcome])) throws(WorkflowError) in
                for outcome in part.1 { summary.count(outcome) }
                try write(part.0)
            }
        case .json:
            try write(EligibilityRenderer.jsonOpening)
            var first = true
            try round.each({ verdicts in
                var output: [UInt8] = []
                for (index, verdict) in verdicts.enumerated() {
                    if index > 0 { output.append(contentsOf: ",\n".utf8) }
                    EligibilityRenderer.jsonBid(verdict, into: &output)
                }
                return (output, verdicts.map(\.outcome))
            }) { (part: ([UInt8], [Eligibility.Outcome])) throws(WorkflowError) in
                for outcome in part.1 { summary.count(outcome) }
                if !first { try write(Array(",\n".utf8)) }
                first = false
                try write(part.0)
            }
            try write(EligibilityRenderer.jsonClosing(summary.counts))
        case .text:
            if round.count > 1 {
                // The table's widths, in characters, as TextTable measures its cells.
                let columns = EligibilityRenderer.summaryColumns
                var widths = columns.map(\.0.count)
                try round.each({ verdicts in
                    verdicts.map { EligibilityRenderer.summaryCells($0).map { TerminalText.inert($0).count } }
                }) { (rows: [[Int]]) throws(WorkflowError) in
                    for row in rows {
                        for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
                    }
                }
                let alignments = columns.map(\.1)
                try write(Array((TextTable.line(columns.map(\.0), widths: widths, alignments: alignments) + "\n"
                    + TextTable.rule(widths) + "\n").utf8))
                let frozen = widths
                try round.each({ verdicts in
                    var text = ""
                    for verdict in verdicts {
                        let cells = EligibilityRenderer.summaryCells(verdict).map(TerminalText.inert)
                        text += TextTable.line(cells, widths: frozen, alignments: alignments) + "\n"
                    }
                    return (Array(text.utf8), verdicts.map(\.outcome))
                }) { (part: ([UInt8], [Eligibility.Outcome])) throws(WorkflowError) in
                    for outcome in part.1 { summary.count(outcome) }
                    try write(part.0)
                }
                try write(Array((EligibilityRenderer.summaryLine(summary.counts) + "\n").utf8))
                summary = Summary()
            }
            var first = true
            try round.each({ verdicts in
                (Array(verdicts.map(EligibilityRenderer.detail).joined(separator: "\n").utf8), verdicts.map(\.outcome))
            }) { (part: ([UInt8], [Eligibility.Outcome])) throws(WorkflowError) in
                for outcome in part.1 { summary.count(outcome) }
                if !first { try write(Array("\n".utf8)) }
                first = false
                try write(part.0)
            }
        }
        return summary
    }

    static func engineKey(_ scheme: Scheme, _ year: FinancialYear) -> String {
        "\(scheme.rawValue) \(year.label)"
    }

    static func open(_ file: String, _ chunkSize: Int) throws(WorkflowError) -> BidLines {
        do {
            return try BidLines(file: file, chunkSize: chunkSize)
        } catch {
            throw WorkflowError(error)
        }
    }

    static func next(_ lines: inout BidLines) throws(WorkflowError) -> BidLines.Chunk? {
        do {
            return try lines.next()
        } catch {
            throw WorkflowError(error)
        }
    }

    /// Every bid of a chunk, parsed on every core; the first bad line (in the file's order) refuses the file.
    private static func parse(_ chunk: BidLines.Chunk, file: String, cores: Int) throws(WorkflowError) -> [BidForm] {
        let results = inParallel(split(chunk.lines.count, cores)) { range -> Result<[BidForm], ImportError> in
            var bids: [BidForm] = []
            bids.reserveCapacity(range.count)
            do throws(ImportError) {
                for index in range { bids.append(try BidLines.bid(chunk, line: index, file: file)) }
                return .success(bids)
            } catch {
                return .failure(error)
            }
        }
        var bids: [BidForm] = []
        bids.reserveCapacity(chunk.lines.count)
        for result in results {
            switch result {
            case .success(let part): bids += part
            case .failure(let error): throw WorkflowError(error)
            }
        }
        return bids
    }

    /// `body` of each range, one thread each, in the ranges' order. Each thread writes only its own slot, through the
    /// buffer (never the array itself, which would be a race).
    static func inParallel<T>(_ ranges: [Range<Int>], _ body: (Range<Int>) -> T) -> [T] {
        var results = [T?](repeating: nil, count: ranges.count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: ranges.count) { part in slots[part] = body(ranges[part]) }
            }
        }
        return results.compactMap { $0 }
    }

    /// The lines of a chunk in one contiguous run per core.
    static func split(_ count: Int, _ cores: Int) -> [Range<Int>] {
        let cores = max(1, min(cores, count))
        let size = (count + cores - 1) / cores
        return stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + size) }
    }
}
