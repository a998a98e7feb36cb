import GrantsCore
import GrantsRules

/// The rules of each scheme and year with what they read from the ledger, kept until the ledger changes, for a
/// server that checks one bid after another: each check then reads only the ledger's version
/// (`LedgerStore.latestChange`), not every bid, award and partnership of the year, and the facts are indexed once.
/// The facts kept were read after the version they are kept under, so they are never older than it; a change to
/// the ledger, by this process or another, shows as a new version, and the next check reads the facts again.
public final class ScreeningCache: Sendable {
    private let rulebooks: RulebookLibrary
    private let engines = VersionedCache<RuleEngine>()

    /// A cache over `rulebooks` (read once, by the caller).
    public init(rulebooks: RulebookLibrary) {
        self.rulebooks = rulebooks
    }

    /// Checks one bid against its rulebook and the ledger as it stands (without a ledger, the rules that need one
    /// are unknown): the verdict `BidScreening.screen([bid], …)` gives.
    public func check(_ bid: BidForm, store: (any LedgerStore)?) throws(WorkflowError) -> Eligibility {
        var library = rulebooks
        let book = try library.rulebook(for: bid)
        guard let store else { return RuleEngine(rulebook: book, facts: nil).check(bid) }
        let key = "\(bid.scheme.rawValue) \(bid.year.label)"
        let version = try reading { () throws(LedgerError) in try store.latestChange() }
        let engine = try engines.value(key, version: version) { () throws(WorkflowError) in
            RuleEngine(rulebook: book, facts: try reading { () throws(LedgerError) in try store.facts(year: bid.year) })
        }
        return engine.check(bid)
    }
}
