import GrantsCore

extension ReturnConsistency {
    /// The header's period and as-of day.
    ///
    /// Flags: a financial year whose second year does not follow the first (2017/19); a year-to-date `asOf` outside
    /// the financial year; a `firstDay` or `lastDay` that is not the first or last day of the period (the year's,
    /// the quarter's, or the year's first day and the year-to-date `asOf`), saying when it is not even in the year;
    /// a `label` that does not name the period; and a header `asOf` that is not the period's last day.
    mutating func checkHeader(_ header: ReturnRecord) {
        scopeFund = header[.scopeFund]?.text
        scopeCSP = header[.scopeCSP]?.text
        guard let year = financialYear(header, .periodFinancialYear) else { return }
        self.year = year
        let quarter = header[.periodQuarter].flatMap { Quarter(rawValue: $0.text) }
        let asOf = day(header, .periodAsOf)
        if let asOf, !year.contains(asOf.day) {
            report(.periodAsOf, at: asOf.value, "\(asOf.day) is outside the financial year \(year); expected a day "
                + "from \(year.firstDay) to \(year.lastDay)")
            return
        }
        let period = SpendReturn.Period(year: year, quarter: quarter, asOf: asOf?.day)
        self.period = period
        if let label = header[.periodLabel], label.text != period.label {
            report(.periodLabel, at: label, "'\(label.text)' does not name the period; expected '\(period.label)'")
        }
        checkDay(header, .firstDay, is: period.days.lowerBound, "the first day", of: period)
        checkDay(header, .lastDay, is: period.days.upperBound, "the last day", of: period)
        if let asOf = day(header, .asOf), asOf.day != period.days.upperBound {
            report(.asOf, at: asOf.value, "\(asOf.day) is not the period's last day; expected "
                + "\(period.days.upperBound), the last day of \(period.label)")
        }
    }

    private mutating func checkDay(
        _ header: ReturnRecord, _ field: ReturnField, is expected: Day, _ which: String, of period: SpendReturn.Period
    ) {
        guard let found = day(header, field), found.day != expected else { return }
        let problem = period.year.contains(found.day)
            ? "is not \(which) of \(period.label)"
            : "is outside the financial year \(period.year) (\(period.year.firstDay) to \(period.year.lastDay))"
        report(field, at: found.value, "\(found.day) \(problem); expected \(expected), \(which) of \(period.label)")
    }
}
