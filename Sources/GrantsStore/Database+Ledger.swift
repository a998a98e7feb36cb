import GRDB
import GrantsCore

extension Row {
    /// A required text column, or a `.database` error naming the table and column.
    func text(_ column: String, in table: String) throws(LedgerError) -> String {
        guard let value = self[column] as String? else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is empty")
        }
        return value
    }

    func money(_ column: String, in table: String) throws(LedgerError) -> Money {
        guard let value = self[column] as Int64? else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is not a whole number of pence")
        }
        return Money(pence: value)
    }

    func day(_ column: String, in table: String) throws(LedgerError) -> Day {
        try parsed(column, in: table, Day.init(parsing:))
    }

    func organisationID(_ column: String, in table: String) throws(LedgerError) -> OrganisationID {
        try parsed(column, in: table, OrganisationID.init(parsing:))
    }

    /// A text column holding one of a closed set of names: a scheme, a kind of organisation, an award's state.
    func choice<Value: RawRepresentable>(_ column: String, in table: String) throws(LedgerError) -> Value
    where Value.RawValue == String {
        let text = try text(column, in: table)
        guard let value = Value(rawValue: text) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds '\(text)'")
        }
        return value
    }

    func year(_ column: String, in table: String) throws(LedgerError) -> FinancialYear {
        guard let start = self[column] as Int?, let year = FinancialYear(startYear: start) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is not a financial year")
        }
        return year
    }

    private func parsed<Value>(
        _ column: String, in table: String, _ parse: (String) throws -> Value
    ) throws(LedgerError) -> Value {
        let text = try text(column, in: table)
        do {
            return try parse(text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds \(error)")
        }
    }
}

extension OrganisationID {
    /// An org-id read back from the ledger; one that does not parse means the file is damaged.
    init(stored text: String) throws(LedgerError) {
        do {
            try self.init(parsing: text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(error)")
        }
    }
}

extension Database {
    /// The integer sum of `sql`'s single column, or zero.
    func sum(_ sql: String, _ arguments: StatementArguments) throws -> Money {
        Money(pence: try Int64.fetchOne(self, sql: "SELECT COALESCE(SUM(amount), 0) FROM " + sql, arguments: arguments) ?? 0)
    }

    /// What a fund's budget must cover: its allocations (after changes) plus what awards made directly on it still
    /// commit.
    func drawn(onFund fundID: String) throws -> Money {
        let allocated = try sum("allocation_totals WHERE fund_id = ?", [fundID])
        let direct = Money(pence: try Int64.fetchOne(
            self, sql: "SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE fund_id = ? AND allocation_id IS NULL",
            arguments: [fundID]) ?? 0)
        return try allocated.adding(direct)
    }
}
