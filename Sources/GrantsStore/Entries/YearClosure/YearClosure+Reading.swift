import GRDB
import GrantsCore

extension YearClosure: StoredEntry {
    static let table = "year_closures"

    init(row: Row, _ db: Database) throws {
        self.init(year: try row.year("year_start", in: Self.table), date: try row.day("date", in: Self.table))
    }

    /// The closure of a financial year, by its label (`2017/18`), which is its id.
    static func read(_ label: String, _ db: Database) throws -> YearClosure? {
        guard let year = try? FinancialYear(parsing: label) else { return nil }
        return try Row.fetchOne(db, sql: "SELECT * FROM year_closures WHERE year_start = ?", arguments: [year.startYear])
            .map { try YearClosure(row: $0, db) }
    }
}
