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

        mutating func count(_ outcome: Eligibility.Outcome) {
            bids += 1
            switch outcome {
            case .eligible: eligible += 1
            case .ineligible: ineligible += 1
            case .incomplete: incomplete += 1
            }
        }
    }

    /// Checks every bid in `file` and hands `write` one verdict line per bid (`EligibilityRenderer.verdictLine`), in
    /// the file's order, a run of lines at a time (about `chunkSize` bytes of them), on `cores` threads. Rules that need the ledger read `store`, and
    /// are unknown without one.
    public static func verdicts(
        file: String, asOf day: Day? = nil, rulebooks: inout RulebookLibrary, store: (any LedgerStore)?,
        cores: Int = 1, chunkSize: Int = 1 << 20, write: ([UInt8]) throws(WorkflowError) -> Void
    ) throws(WorkflowError) -> Summary {
        // First pass: every line is a bid; the round and the engines.
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
        // Second pass: check and write.
        var summary = Summary()
        lines = try open(file, chunkSize)
        let frozenRound = round, frozenEngines = engines
        while let chunk = try next(&lines) {
            let parts = split(chunk.lines.count, cores)
            nonisolated(unsafe) var outputs = [[UInt8]](repeating: [], count: parts.count)
            nonisolated(unsafe) var outcomes = [[Eligibility.Outcome]](repeating: [], count: parts.count)
            nonisolated(unsafe) var failures = [ImportError?](repeating: nil, count: parts.count)
            DispatchQueue.concurrentPerform(iterations: parts.count) { part in
                var output: [UInt8] = []
                output.reserveCapacity(parts[part].count * 96)
                var seen: [Eligibility.Outcome] = []
                do throws(ImportError) {
                    // Each run of bids for one scheme and year is checked in one call, so the parameter values in
                    // force on each day are resolved once per run rather than once per bid.
                    var run: [BidForm] = []
                    var runKey = ""
                    func flush() {
                        guard let engine = frozenEngines[runKey], !run.isEmpty else { return }
                        for verdict in engine.check(run, asOf: day, round: frozenRound) {
                            EligibilityRenderer.verdictLine(verdict, into: &output)
                            seen.append(verdict.outcome)
                        }
                        run.removeAll(keepingCapacity: true)
                    }
                    for index in parts[part] {
                        let bid = try BidLines.bid(chunk, line: index, file: file)
                        let key = engineKey(bid.scheme, bid.year)
                        if key != runKey {
                            flush()
                            runKey = key
                        }
                        run.append(bid)
                    }
                    flush()
                } catch {
                    failures[part] = error
                }
                outputs[part] = output
                outcomes[part] = seen
            }
            if let failure = failures.compactMap({ $0 }).first { throw WorkflowError(failure) }
            for part in parts.indices {
                for outcome in outcomes[part] { summary.count(outcome) }
                try write(outputs[part])
            }
        }
        return summary
    }

    private static func engineKey(_ scheme: Scheme, _ year: FinancialYear) -> String {
        "\(scheme.rawValue) \(year.label)"
    }

    private static func open(_ file: String, _ chunkSize: Int) throws(WorkflowError) -> BidLines {
        do {
            return try BidLines(file: file, chunkSize: chunkSize)
        } catch {
            throw WorkflowError(error)
        }
    }

    private static func next(_ lines: inout BidLines) throws(WorkflowError) -> BidLines.Chunk? {
        do {
            return try lines.next()
        } catch {
            throw WorkflowError(error)
        }
    }

    /// Every bid of a chunk, parsed on every core; the first bad line (in the file's order) refuses the file.
    private static func parse(_ chunk: BidLines.Chunk, file: String, cores: Int) throws(WorkflowError) -> [BidForm] {
        let parts = split(chunk.lines.count, cores)
        nonisolated(unsafe) var results = [Result<[BidForm], ImportError>](repeating: .success([]), count: parts.count)
        DispatchQueue.concurrentPerform(iterations: parts.count) { part in
            var bids: [BidForm] = []
            bids.reserveCapacity(parts[part].count)
            do throws(ImportError) {
                for index in parts[part] { bids.append(try BidLines.bid(chunk, line: index, file: file)) }
                results[part] = .success(bids)
            } catch {
                results[part] = .failure(error)
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

    /// The lines of a chunk in one contiguous run per core.
    private static func split(_ count: Int, _ cores: Int) -> [Range<Int>] {
        let cores = max(1, min(cores, count))
        let size = (count + cores - 1) / cores
        return stride(from: 0, to: count, by: max(1, size)).map { $0..<min(count, $0 + size) }
    }
}
