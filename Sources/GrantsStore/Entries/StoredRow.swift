import GrantsCore

/// A row of an entry's table, read column by column: a damaged column is a `.database` error that names the table.
struct StoredRow {
    let row: SQLRow
    let table: String

    /// An optional column, as stored.
    subscript<Value: SQLValueConvertible>(_ column: String) -> Value? { row[column] }

    func text(_ column: String) throws(LedgerError) -> String { try row.text(column, in: table) }
    func money(_ column: String) throws(LedgerError) -> Money { try row.money(column, in: table) }
    func day(_ column: String) throws(LedgerError) -> Day { try row.day(column, in: table) }
    func year(_ column: String) throws(LedgerError) -> FinancialYear { try row.year(column, in: table) }
    func organisationID(_ column: String) throws(LedgerError) -> OrganisationID {
        try row.organisationID(column, in: table)
    }
    func choice<Value: RawRepresentable>(_ column: String) throws(LedgerError) -> Value where Value.RawValue == String {
        try row.choice(column, in: table)
    }
}
