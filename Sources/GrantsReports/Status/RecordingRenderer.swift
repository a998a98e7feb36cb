import GrantsCore

/// Says in words what recording a batch did, and whether the ledger balances.
public enum RecordingRenderer {
    /// One line: `Recorded 114 entries: 48 organisations, 4 funds, …` or what was already there.
    public static func describe(_ outcome: RecordOutcome) -> String {
        if outcome.addedCount == 0 {
            return "Nothing new: all \(outcome.unchanged) entries are already in the ledger."
        }
        let parts = EntryKind.allCases.compactMap { kind -> String? in
            guard let count = outcome.added[kind], count > 0 else { return nil }
            return "\(count) \(kind.title)\(count == 1 ? "" : "s")"
        }
        let already = outcome.unchanged > 0 ? "; \(outcome.unchanged) already recorded" : ""
        let entries = outcome.addedCount == 1 ? "entry" : "entries"
        return "Recorded \(outcome.addedCount) \(entries): \(parts.joined(separator: ", "))\(already)."
    }

    /// Whether the ledger balances, in a few words: `balances: 50 checks, every one exact to the penny`, or the first
    /// check that does not.
    public static func balance(_ result: Reconciliation) -> String {
        result.firstFailure.map { "does NOT balance: \($0.subject): \($0.equation)" }
            ?? "balances: \(result.checks.count) checks, every one exact to the penny"
    }

    /// The reconciliation: every check when `verbose`, then the first that fails, or a line saying all balance.
    public static func reconciliation(_ result: Reconciliation, verbose: Bool) -> String {
        var out = ""
        if verbose {
            for check in result.checks {
                out += "\(check.balances ? "✓" : "✗") \(check.subject): \(check.equation)\n"
            }
        }
        if let failed = result.firstFailure {
            out += "✗ \(failed.subject) does not balance: \(failed.equation)\n"
            out += "  entries: \(failed.entries.isEmpty ? "none" : failed.entries.joined(separator: ", "))\n"
        } else {
            out += "The ledger balances: \(result.checks.count) checks, every one exact to the penny.\n"
        }
        return out
    }
}
