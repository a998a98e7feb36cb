import GrantsCore

extension SQLRow {
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

    /// A time (`YYYY-MM-DDTHH:MM:SSZ`) the accounts, sessions, drafts, reports and tokens keep.
    func timestamp(_ column: String, in table: String) throws(LedgerError) -> Timestamp {
        let text = try text(column, in: table)
        guard let time = try? Timestamp(parsing: text) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds \(text), which is not a time")
        }
        return time
    }

    /// A time that may be NULL (a session not ended, an invitation not used, a token not revoked).
    func optionalTimestamp(_ column: String, in table: String) throws(LedgerError) -> Timestamp? {
        self[column] as String? == nil ? nil : try timestamp(column, in: table)
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

extension SQLRow {
    /// The same readers by column position, for the queries that read many rows: a name is looked up (and
    /// lower-cased) on every read, a position is not. `column` only names the column in a message.
    func text(at index: Int, _ column: String, in table: String) throws(LedgerError) -> String {
        guard let value = self[index] as String? else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is empty")
        }
        return value
    }

    func money(at index: Int, _ column: String, in table: String) throws(LedgerError) -> Money {
        guard let value = self[index] as Int64? else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is not a whole number of pence")
        }
        return Money(pence: value)
    }

    func day(at index: Int, _ column: String, in table: String) throws(LedgerError) -> Day {
        let text = try text(at: index, column, in: table)
        do {
            return try Day(parsing: text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds \(error)")
        }
    }

    func choice<Value: RawRepresentable>(at index: Int, _ column: String, in table: String) throws(LedgerError) -> Value
    where Value.RawValue == String {
        let text = try text(at: index, column, in: table)
        guard let value = Value(rawValue: text) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds '\(text)'")
        }
        return value
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

extension SQLConnection {
    /// The integer sum of `sql`'s single column, or zero.
    func sum(_ sql: String, _ arguments: SQLArguments) throws -> Money {
        Money(pence: try Int64.fetchOne(self, sql: "SELECT COALESCE(SUM(amount), 0) FROM " + sql, arguments: arguments) ?? 0)
    }

    /// What a fund's budget must cover: its allocations (after changes) plus what awards made directly on it still
    /// commit. The running balance after the fund's last day with events (`fund_days`, kept by the ledger).
    func drawn(onFund fundID: String) throws -> Money {
        Money(pence: try Int64.fetchOne(
            self, sql: "SELECT drawn FROM fund_days WHERE fund_id = ? ORDER BY day DESC LIMIT 1", arguments: [fundID])
            ?? 0)
    }
}
