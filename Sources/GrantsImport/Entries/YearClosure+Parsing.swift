import GrantsCore

extension YearClosure: LedgerFileEntry {
    /// `year_closures:` lists financial years closed, after which their funds take no new awards.
    static var section: String { "year_closures" }

    /// Reads one: financial year and date; the year is its id.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> YearClosure {
        YearClosure(year: try r.year("financial_year"), date: try r.day("date"))
    }
}
