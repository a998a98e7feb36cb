import GrantsCore

/// The bounds on the days of entries (see `FinancialYear+Ledger.swift` in GrantsCore for the rules and why).
extension BatchWriter {
    /// A bound on a day, and what it is, for the message.
    struct Bound {
        let day: Day
        let what: String

        static func firstDay(of year: FinancialYear, _ owner: String) -> Bound {
            Bound(day: year.firstDay, what: "the first day of \(year), the year of \(owner)")
        }

        static func lastDay(of year: FinancialYear, _ owner: String) -> Bound {
            Bound(day: year.lastDay, what: "the last day of \(year), the year of \(owner)")
        }

        static func yearBefore(_ year: FinancialYear, _ owner: String) -> Bound {
            Bound(
                day: year.earliestDecisionDay,
                what: "the first day of the year before \(year), the year of \(owner): its money is decided on at most "
                    + "a year ahead")
        }

        static func plannedEnd(_ year: FinancialYear, _ owner: String) -> Bound {
            Bound(
                day: year.latestPlannedDay,
                what: "the last day of the year after \(year), the year of \(owner): the projects it pays for end by then")
        }

        static func settlement(_ year: FinancialYear, _ owner: String) -> Bound {
            Bound(
                day: year.lastSettlementDay,
                what: "the last day of the \(FinancialYear.settlementYears)th year after \(year), the year of \(owner): "
                    + "the latest it is settled, as its accounts are kept \(FinancialYear.settlementYears) years")
        }
    }

    /// Refuses `date`, the value of `field`, when it is before `earliest` or after `latest`.
    func requireDate(
        _ date: Day, field: String, notBefore earliest: Bound? = nil, notAfter latest: Bound? = nil, of id: String,
        origin: Origin?
    ) throws {
        if let earliest, date < earliest.day {
            throw LedgerError(
                .invalidEntry, "\(date) is before \(earliest.day), \(earliest.what)", origin: origin, field: field,
                entryID: id)
        }
        if let latest, date > latest.day {
            throw LedgerError(
                .invalidEntry, "\(date) is after \(latest.day), \(latest.what)", origin: origin, field: field,
                entryID: id)
        }
    }

    /// Refuses a day of a step on `award` (a claim, payment, closure, withdrawal or repayment) after its fund's money
    /// is settled; `requireNotBefore` refuses one before the award was made.
    func requireSettled(_ date: Day, field: String = "date", on award: Award, of id: String, origin: Origin?) throws {
        let fund = try requireFund(award.fund, of: id, origin: origin)
        try requireDate(date, field: field, notAfter: .settlement(fund.year, "fund \(fund.id)"), of: id, origin: origin)
    }
}
