/// The days the ledger accepts for entries about one financial year's money. Money for a year is decided on around
/// that year, spent in it, and settled after it: claims and payments come in arrears, end-of-grant reports and
/// repayments after the year ends, sometimes years late. A day outside these bounds is a slip (2030 for 2017, a
/// year closed before it ends, 9999-12-31), refused at the entry that carries it:
///
/// - allocations, changes to them and bids: from the first day of the year before (pots are split and bids
///   invited before April) to the fund's last day;
/// - an award: within its fund's year, and not before its bid was submitted; its project planned to start no
///   earlier than the first day of the year before, and to end no later than the last day of the year after;
/// - claims, payments, award closures and withdrawals, underspend repayments: from the day the award was made to
///   the last day of the sixth year after the fund's (the six years a public body keeps its accounts and may
///   recover a debt, Limitation Act 1980 s.5), so that late settling of a year can still be recorded, and
///   the year closed; a claim is for work that ends on or after the day the award was made;
/// - a contribution's receipts: from the day the partner committed to the last day of the sixth year after the
///   instalment's year; its withdrawal on or after that commitment; the commitment no later than the last day of
///   its last year;
/// - a year's closure: on or after the year's last day, and by the last day of the sixth year after it.
extension FinancialYear {
    /// How many financial years after a fund's year its awards may still be settled: six.
    public static let settlementYears = 6

    /// The first day of the year before: the earliest day a decision about this year's money may be dated.
    public var earliestDecisionDay: Day { Day(uncheckedYear: startYear - 1, month: 4, day: 1) }

    /// The last day of the year after: the latest day a project paid from this year's money may be planned to end.
    public var latestPlannedDay: Day { Day(uncheckedYear: min(startYear + 2, 9999), month: 3, day: 31) }

    /// The last day of the sixth year after: the latest day this year's awards may be claimed, paid, closed,
    /// withdrawn or repaid, its contributions received, and the year closed.
    public var lastSettlementDay: Day {
        Day(uncheckedYear: min(startYear + 1 + FinancialYear.settlementYears, 9999), month: 3, day: 31)
    }
}
