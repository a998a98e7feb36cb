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
        let text = try text(column, in: table)
        do {
            return try Day(parsing: text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds \(error)")
        }
    }

    func organisationID(_ column: String, in table: String) throws(LedgerError) -> OrganisationID {
        let text = try text(column, in: table)
        do {
            return try OrganisationID(parsing: text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds \(error)")
        }
    }

    /// An award's state as the `award_states` view names it.
    func awardState(_ column: String, in table: String) throws(LedgerError) -> AwardState {
        let text = try text(column, in: table)
        guard let state = AwardState(rawValue: text) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds '\(text)'")
        }
        return state
    }

    func scheme(_ column: String, in table: String) throws(LedgerError) -> Scheme {
        let text = try text(column, in: table)
        guard let scheme = Scheme(rawValue: text) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) holds '\(text)'")
        }
        return scheme
    }

    func year(_ column: String, in table: String) throws(LedgerError) -> FinancialYear {
        guard let start = self[column] as Int?, let year = FinancialYear(startYear: start) else {
            throw LedgerError(.database, "the ledger is damaged: \(table).\(column) is not a financial year")
        }
        return year
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
