import GrantsCore
import GrantsReports

/// What a police and crime commissioner publishes for the public beyond 360Giving: the monthly register of crime
/// and disorder reduction grants, and the Local Government Transparency Code's yearly list of grants to voluntary,
/// community and social enterprise organisations. Both read the ledger as of their last day.
public enum Publications {
    /// How a register or list is written.
    public enum Format: String, CaseIterable, Sendable {
        /// A CSV for a spreadsheet.
        case csv
        /// A web page for the commissioner's website (the grant register only).
        case html
    }

    /// Where the ledger stands: the sequence number of its last change (0 for none). Anything published from it
    /// stays the same while this does.
    public static func version(of store: any LedgerStore) throws(WorkflowError) -> Int64 {
        try reading { () throws(LedgerError) in try store.latestChange() }
    }

    /// The grant register for one month, or for every month of a financial year: give one of the two.
    public static func grantRegister(month: CalendarMonth?, year: FinancialYear?, in store: any LedgerStore)
        throws(WorkflowError) -> GrantRegister
    {
        switch (month, year) {
        case (let month?, nil):
            guard let year = FinancialYear(containing: month.firstDay) else {
                throw .usage("--month: \(month) is not in a financial year the ledger can hold")
            }
            let period = SpendReturn.Period(year: year, asOf: month.lastDay)
            return GrantRegister(try spendReturn(period, in: store), months: [month])
        case (nil, let year?):
            return GrantRegister(try spendReturn(.init(year: year), in: store), months: CalendarMonth.months(of: year))
        case (nil, nil):
            throw .usage("give --month (such as 2017-07) or --year (such as 2017/18)")
        case (.some, .some):
            throw .usage("give --month or --year, not both")
        }
    }

    /// The yearly list of grants to voluntary, community and social enterprise organisations.
    public static func voluntarySectorGrants(year: FinancialYear, in store: any LedgerStore) throws(WorkflowError)
        -> VoluntarySectorGrants
    {
        VoluntarySectorGrants(try spendReturn(.init(year: year), in: store))
    }

    /// The register as text in `format`.
    public static func text(_ register: GrantRegister, format: Format, excel: Bool) -> String {
        switch format {
        case .csv: register.csv(excel: excel)
        case .html: register.html()
        }
    }

    private static func spendReturn(_ period: SpendReturn.Period, in store: any LedgerStore) throws(WorkflowError)
        -> SpendReturn
    {
        try reading { () throws(LedgerError) in try store.spendReturn(period: period, fund: nil, csp: nil) }
    }
}
