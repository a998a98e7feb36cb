import ArgumentParser
import GrantsCore
import GrantsStore

/// Shared steps of the commands that record one decision: parse a day or an amount from an option, record the
/// batch, and say what was done.
enum Recording {
    static func day(_ text: String, option: String) throws(ExitCode) -> Day {
        do {
            return try Day(parsing: text)
        } catch {
            throw failure("\(option): \(error)", ExitStatus.usage)
        }
    }

    static func money(_ text: String, option: String) throws(ExitCode) -> Money {
        do {
            return try Money(parsing: text)
        } catch {
            throw failure("\(option): \(error)", ExitStatus.usage)
        }
    }

    static func year(_ text: String, option: String) throws(ExitCode) -> FinancialYear {
        do {
            return try FinancialYear(parsing: text)
        } catch {
            throw failure("\(option): \(error)", ExitStatus.usage)
        }
    }

    /// Records `batch` as one change and prints `done` (or what was already there).
    static func record(_ batch: LedgerBatch, in store: Ledger, by options: LedgerOptions, reason: String, done: String)
        throws(ExitCode)
    {
        let change = try options.change(reason: reason)
        do {
            let outcome = try store.record(batch, as: change)
            print(outcome.addedCount == 0 ? "Nothing new: already recorded." : done)
        } catch {
            throw failure(error)
        }
    }

    /// Runs a ledger read, turning its error into the exit code.
    static func reading<T>(_ body: () throws(LedgerError) -> T) throws(ExitCode) -> T {
        do {
            return try body()
        } catch {
            throw failure(error)
        }
    }

    /// An id with a two-digit sequence number: `AWD-1-C01`.
    static func numbered(_ base: String, _ letter: String, _ number: Int) -> String {
        "\(base)-\(letter)\(number < 10 ? "0" : "")\(number)"
    }
}
