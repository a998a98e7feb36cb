import GrantsCore

extension ReturnConsistency {
    /// The header's period and as-of day.
    ///
    /// Flags: a financial year whose second year does not follow the first (2017/19); a year-to-date `asOf` outside
    /// the financial year; a `firstDay` or `lastDay` that is not the first or last day of the period (the year's,
    /// the quarter's, or the year's first day and the year-to-date `asOf`), saying when it is not even in the year;
    /// a `label` that does not name the period; and a header `asOf` that is not the period's last day.
    mutating func checkHeader(_ header: ReturnRecord) {
        scopeFund = header["scope/fund"]?.text
        scopeCSP = header["scope/csp"]?.text
        guard let year = financialYear(header, "period/financialYear") else { return }
        self.year = year
        let quarter = header["period/quarter"].flatMap { Quarter(rawValue: $0.text) }
        let asOf = day(header, "period/asOf")
        if let asOf, !year.contains(asOf.day) {
            report("asOf", at: asOf.value, "\(asOf.day) is outside the financial year \(year); expected a day "
                + "from \(year.firstDay) to \(year.lastDay)")
            return
        }
        let period = SpendReturn.Period(year: year, quarter: quarter, asOf: asOf?.day)
        self.period = period
        if let label = header["period/label"], label.text != period.label {
            report("label", at: label, "'\(label.text)' does not name the period; expected '\(period.label)'")
        }
        checkDay(header, "period/firstDay", is: period.days.lowerBound, "the first day", of: period)
        checkDay(header, "period/lastDay", is: period.days.upperBound, "the last day", of: period)
        if let asOf = day(header, "asOf"), asOf.day != period.days.upperBound {
            report("asOf", at: asOf.value, "\(asOf.day) is not the period's last day; expected "
                + "\(period.days.upperBound), the last day of \(period.label)")
        }
    }

    private mutating func checkDay(
        _ header: ReturnRecord, _ path: String, is expected: Day, _ which: String, of period: SpendReturn.Period
    ) {
        guard let found = day(header, path), found.day != expected else { return }
        let name = String(path.dropFirst("period/".count))
        let problem = period.year.contains(found.day)
            ? "is not \(which) of \(period.label)"
            : "is outside the financial year \(period.year) (\(period.year.firstDay) to \(period.year.lastDay))"
        report(name, at: found.value, "\(found.day) \(problem); expected \(expected), \(which) of \(period.label)")
    }
}
