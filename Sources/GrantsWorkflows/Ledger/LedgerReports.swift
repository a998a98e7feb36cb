import GrantsCore

/// The read-only views of the ledger: status, history, reconciliation.
public enum LedgerReports {
    /// The scope of a status report from what a person typed: a year, a fund, a CSP, and a quarter of the year.
    public static func scope(year: String?, fund: String?, csp: String?, quarter: String? = nil)
        throws(WorkflowError) -> StatusReport.Scope
    {
        let financialYear = try year.map { text throws(WorkflowError) in try Input.year(text, field: "--year") }
        let cspID = try csp.map { text throws(WorkflowError) in try Input.organisation(text, field: "--csp") }
        var quarterValue: Quarter?
        if let quarter {
            guard financialYear != nil else { throw .usage("--quarter needs --year") }
            quarterValue = try Input.quarter(quarter, field: "--quarter")
        }
        return StatusReport.Scope(year: financialYear, fund: fund, csp: cspID, quarter: quarterValue)
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

    /// Every fund, allocation, award and contribution recomputed from the entries.
    public static func reconcile(_ store: any LedgerStore) throws(WorkflowError) -> Reconciliation {
        try reading { () throws(LedgerError) in try store.reconcile() }
    }
}
