import GrantsCore

/// The read-only views of the ledger: status, history, reconciliation.
public enum LedgerReports {
    /// The scope of a status report from what a person typed: a year, a fund, a CSP, a quarter of the year, and the
    /// day the figures are as of.
    public static func scope(year: String?, fund: String?, csp: String?, quarter: String? = nil, asOf: String? = nil)
        throws(WorkflowError) -> StatusReport.Scope
    {
        let day = try asOf.map { text throws(WorkflowError) in try Input.day(text, field: "--as-of") }
        let financialYear = try year.map { text throws(WorkflowError) in try Input.year(text, field: "--year") }
        let cspID = try csp.map { text throws(WorkflowError) in try Input.organisation(text, field: "--csp") }
        var quarterValue: Quarter?
        if let quarter {
            guard financialYear != nil else { throw .usage("--quarter needs --year") }
            quarterValue = try Input.quarter(quarter, field: "--quarter")
        }
        if let day, let financialYear, day < financialYear.firstDay {
            throw .usage("--as-of: \(day) is before \(financialYear.label) begins; nothing of it was recorded by then")
        }
        if let day, let financialYear, let quarterValue, financialYear.days(of: quarterValue).upperBound != day {
            throw .usage("--as-of: give --quarter or --as-of, not both; a quarter is as of its last day")
        }
        return StatusReport.Scope(year: financialYear, fund: fund, csp: cspID, quarter: quarterValue, asOf: day)
    }

    /// Budget, allocated, committed, paid and remaining per fund and per CSP in `scope`.
    public static func status(_ scope: StatusReport.Scope, in store: any LedgerStore) throws(WorkflowError)
        -> StatusReport
    {
        try reading { () throws(LedgerError) in try store.status(scope) }
    }

    /// The history, optionally of one entry, optionally only the newest `limit` lines.
    public static func history(entry: String?, limit: Int?, in store: any LedgerStore) throws(WorkflowError)
        -> [HistoryEntry]
    {
        try reading { () throws(LedgerError) in try store.history(entryID: entry, limit: limit) }
    }

    /// The history of several entries together (an award and every step on it), oldest first.
    public static func history(entries: [String], in store: any LedgerStore) throws(WorkflowError) -> [HistoryEntry] {
        try reading { () throws(LedgerError) in try store.history(entryIDs: entries) }
    }

    /// Every fund, allocation, award and contribution recomputed from the entries.
    public static func reconcile(_ store: any LedgerStore) throws(WorkflowError) -> Reconciliation {
        try reading { () throws(LedgerError) in try store.reconcile() }
    }
}
