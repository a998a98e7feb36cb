import GrantsCore

extension YearClosure {
    /// The ids and text checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("financial_year", .identifier(year.label)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        // A year is closed once it has ended, not before.
        try writer.requireDate(
            date, field: "date", notBefore: .init(day: year.lastDay, what: "the last day of \(year): a year closes once it has ended"),
            notAfter: .init(
                day: year.lastSettlementDay,
                what: "the last day of the \(FinancialYear.settlementYears)th year after \(year), by which it is settled"),
            of: year.label, origin: origin)
        let open = try YearEnd.report(year: year, writer.db).openItems
        if let first = open.first {
            throw LedgerError(
                .invalidEntry,
                "\(year) cannot close: \(open.count) thing(s) still open, first \(first); see grants year-end",
                origin: origin, field: "financial_year", entryID: year.label)
        }
        try writer.db.execute(
            cachedSQL: "INSERT INTO year_closures (year_start, date) VALUES (?, ?)",
            arguments: [year.startYear, date.description])
    }
}
