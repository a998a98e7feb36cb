extension ContributionSchedule: LedgerEntry {
    /// A schedule is recorded as a `contribution` entry, after its contributor and recipient.
    public static var kind: EntryKind { .contribution }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<ContributionSchedule>]> { \.contributions }
    /// The schedule's id, unique among contribution schedules.
    public var entryID: String { id }
    /// Id, contributor, recipient, service, day committed, reason and each year's amount, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contributor", contributor.rawValue), ("recipient", recipient.rawValue),
            ("service", service), ("committed", committed.description), ("reason", reason),
            ("years", instalments.map { "\($0.year.label)=\($0.amount.plain)" }.joined(separator: ",")),
        ])
    }
}

