import GrantsCore

extension YearClosure: StoredEntry {
    static let table = "year_closures"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(year: try row.year("year_start"), date: try row.day("date"))
    }

    /// The closure of a financial year, by its label (`2017/18`), which is its id.
    static func read(_ label: String, _ db: SQLConnection) throws -> YearClosure? {
        guard let year = try? FinancialYear(parsing: label) else { return nil }
        return try read(where: "year_start", is: year.startYear, db)
    }
}
