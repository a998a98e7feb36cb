import GrantsCore
import GrantsImport
import GrantsRules

/// Checks a round of bids against their schemes' rules, every rule with its reason, and optionally again with
/// parameters changed ("what if the cap were £3,000?").
public enum BidScreening {
    /// The verdicts, in the bids' order.
    public struct Result: Sendable {
        /// Each bid's verdict under the rules as published.
        public let verdicts: [Eligibility]
        /// Each bid's verdict with the what-if settings applied; `nil` when there were none.
        public let whatIf: [Eligibility]?

        /// The verdicts that decide the outcome: the what-if ones when there are any.
        public var final: [Eligibility] { whatIf ?? verdicts }

        /// Whether every bid is eligible in the end.
        public var allEligible: Bool { final.allSatisfy { $0.outcome == .eligible } }
    }

    /// Checks `bids` (in their order; each group of one scheme and year together, as a round) against their
    /// rulebooks. Rules that need the ledger read `store`, and are unknown without one. `settings` are what-if
    /// parameter changes, `name=value`.
    public static func screen(
        _ bids: [BidForm], asOf day: Day? = nil, settings: [String] = [], rulebooks: inout RulebookLibrary,
        store: (any LedgerStore)?
    ) throws(WorkflowError) -> Result {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (index, bid) in bids.enumerated() {
            let key = "\(bid.scheme.rawValue) \(bid.year.label)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(index)
        }
        var verdicts = [Eligibility?](repeating: nil, count: bids.count)
        var changed = [Eligibility?](repeating: nil, count: bids.count)
        for key in order {
            let indices = groups[key] ?? []
            let first = bids[indices[0]]
            let book = try rulebooks.rulebook(for: first)
            let facts = try store.map { store throws(WorkflowError) in
                try reading { () throws(LedgerError) in try store.facts(year: first.year) }
            }
            let group = indices.map { bids[$0] }
            let results = RuleEngine(rulebook: book, facts: facts).check(group, asOf: day)
            let whatIf = try settings.isEmpty
                ? nil : RuleEngine(rulebook: try modified(book, by: settings), facts: facts).check(group, asOf: day)
            for (position, index) in indices.enumerated() {
                verdicts[index] = results[position]
                changed[index] = whatIf?[position]
            }
        }
        return Result(
            verdicts: verdicts.compactMap { $0 }, whatIf: settings.isEmpty ? nil : changed.compactMap { $0 })
    }

    /// The rulebook with each `name=value` setting applied.
    static func modified(_ book: Rulebook, by settings: [String]) throws(WorkflowError) -> Rulebook {
        var modified = book
        for setting in settings {
            do throws(ImportError) {
                modified = try RulebookFile.override(setting, in: modified)
            } catch {
                throw .usage(error.description)
            }
        }
        return modified
    }

    /// Checks one bid against its rulebook and the ledger.
    public static func check(_ bid: BidForm, rulebooks: inout RulebookLibrary, store: any LedgerStore)
        throws(WorkflowError) -> Eligibility
    {
        let book = try rulebooks.rulebook(for: bid)
        let facts = try reading { () throws(LedgerError) in try store.facts(year: bid.year) }
        return RuleEngine(rulebook: book, facts: facts).check(bid)
    }
}
