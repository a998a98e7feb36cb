import GRDB
import GrantsCore

extension YearClosure {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ closure: YearClosure, origin: Origin?) throws {
        let open = try YearEnd.report(year: closure.year, db).openItems
        if let first = open.first {
            throw LedgerError(
                .invalidEntry,
                "\(closure.year) cannot close: \(open.count) thing(s) still open, first \(first); see grants year-end",
                origin: origin, field: "financial_year", entryID: closure.year.label)
        }
        try db.execute(
            sql: "INSERT INTO year_closures (year_start, date) VALUES (?, ?)",
            arguments: [closure.year.startYear, closure.date.description])
    }
}
