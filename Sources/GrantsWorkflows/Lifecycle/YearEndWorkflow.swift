import GrantsCore

/// The end of a financial year: what keeps it open, and closing it once nothing does.
public enum YearEndWorkflow {
    /// What keeps `year` open.
    public static func report(_ year: FinancialYear, in store: any LedgerStore) throws(WorkflowError) -> YearEndReport {
        try reading { () throws(LedgerError) in try store.yearEnd(year) }
    }

    /// Closes `year` on `date`; the ledger refuses while anything keeps it open. Its funds then take no new awards.
    public static func close(_ year: FinancialYear, on date: Day, in store: any LedgerStore, by stamp: Stamp)
        throws(WorkflowError) -> RecordOutcome
    {
        var batch = LedgerBatch()
        batch.yearClosures = [Sourced(YearClosure(year: year, date: date))]
        return try store.record(batch, by: stamp, because: "year end \(year)")
    }
}
