extension YearClosure: LedgerEntry {
    /// A year closure is recorded as a `year-closure` entry, after every other kind.
    public static var kind: EntryKind { .yearClosure }
    /// Where a batch keeps entries of this kind.
    public static var batchEntries: WritableKeyPath<LedgerBatch, [Sourced<YearClosure>]> { \.yearClosures }
    /// The year's label, such as `2017/18`, so a year can be closed only once.
    public var entryID: String { year.label }
    /// The financial year and the day it was closed, as the history keeps them.
    public var fields: Fields {
        Fields([("financial_year", year.label), ("date", date.description)])
    }
}

