import GRDB
import GrantsCore

/// The checks that keep the ledger true on every day, not only today.
///
/// Status and returns can show the ledger as of any day, by the dates its entries carry (see `AsOf`). For that view
/// to be a ledger the rules allow, every limit must hold on each day from an entry's date on, and whatever an entry
/// stores must not depend on entries dated after it. Without these checks an award dated in January could use room
/// that a closure dated in March frees, so that the January return would show the allocation over-committed; and a
/// close dated before a payment on the award would store a released amount that no day's figures explain.
///
/// Each check runs after the entry is inserted, in the batch's transaction, so it counts the entry itself; a refusal
/// undoes the whole batch. A check reads the dated events of one allocation, fund or award once, adds them up day by
/// day in date order, and looks at the days from the new entry's on (the entry is an event on its own day).
extension BatchWriter {
    /// Refuses an entry that would leave allocation `allocation` committing more than it holds on some day from `day`
    /// on: counting the awards made by each day, less what closures and withdrawals had released by then, against
    /// the allocation with the changes decided by then.
    func requireAllocationHeld(
        _ allocation: String, from day: Day, field: String, of id: String, origin: Origin?
    ) throws {
        guard let row = try Row.fetchOne(db, sql: """
            WITH events(d, held, committed) AS (
              SELECT date, amount, 0 FROM allocations WHERE id = :a
              UNION ALL SELECT date, delta, 0 FROM allocation_changes WHERE allocation_id = :a
              UNION ALL SELECT award_date, 0, amount FROM awards WHERE allocation_id = :a
              UNION ALL \(Self.releases("w.allocation_id = :a"))),
            \(Self.runningTotals("held", "committed"))
            SELECT d, held, committed FROM running WHERE d >= :from AND committed > held ORDER BY d LIMIT 1
            """, arguments: ["a": allocation, "from": day.description])
        else { return }
        let held = Money(pence: row["held"] ?? 0), committed = Money(pence: row["committed"] ?? 0)
        let on: String = row["d"] ?? day.description
        throw LedgerError(
            .exceedsAllocation,
            "on \(on) allocation \(allocation) would commit \(committed.formatted) against the \(held.formatted) it "
                + "held that day; room freed by a later close, withdrawal or increase cannot be used before it is freed",
            origin: origin, field: field, entryID: id)
    }

    /// Refuses an entry that would leave fund `fund` drawn past its amount on some day from `day` on: its allocations
    /// as decided by each day, and what its direct awards made by then still commit.
    func requireFundHeld(_ fund: Fund, from day: Day, field: String, of id: String, origin: Origin?) throws {
        guard let row = try Row.fetchOne(db, sql: """
            WITH events(d, drawn) AS (
              SELECT date, amount FROM allocations WHERE fund_id = :f
              UNION ALL SELECT c.date, c.delta FROM allocation_changes c JOIN allocations al ON al.id = c.allocation_id
                WHERE al.fund_id = :f
              UNION ALL SELECT award_date, amount FROM awards WHERE fund_id = :f AND allocation_id IS NULL
              UNION ALL \(Self.releases("w.fund_id = :f AND w.allocation_id IS NULL", held: false))),
            \(Self.runningTotals("drawn"))
            SELECT d, drawn FROM running WHERE d >= :from AND drawn > :amount ORDER BY d LIMIT 1
            """, arguments: ["f": fund.id, "from": day.description, "amount": fund.amount.pence])
        else { return }
        let drawn = Money(pence: row["drawn"] ?? 0)
        let on: String = row["d"] ?? day.description
        throw LedgerError(
            .exceedsFund,
            "on \(on) fund \(fund.id) would have \(drawn.formatted) allocated and committed, over its "
                + "\(fund.amount.formatted); room freed by a later cut, close or withdrawal cannot be used before it is freed",
            origin: origin, field: field, entryID: id)
    }

    /// Refuses a close or withdrawal of `award` dated before a claim or payment already recorded on it: it settles
    /// the award with what was paid, so it comes after the last of those.
    func requireNothingAfter(_ day: Day, on award: Award, of id: String, origin: Origin?) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT kind, id, date FROM (
              SELECT 'payment' AS kind, id, date FROM payments WHERE award_id = :w AND date > :day
              UNION ALL SELECT 'claim', id, date FROM claims WHERE award_id = :w AND date > :day)
            ORDER BY date DESC, id LIMIT 1
            """, arguments: ["w": award.id, "day": day.description])
        else { return }
        let kind: String = row["kind"] ?? "entry", entry: String = row["id"] ?? "?", date: String = row["date"] ?? "?"
        throw LedgerError(
            .invalidEntry,
            "\(day) is before \(kind) \(entry) on award \(award.id), dated \(date): it settles the award, so it comes "
                + "after the last claim and payment",
            origin: origin, field: "date", entryID: id)
    }

    /// Refuses an underspend return that, on its day or on the day of a later return, would take what was returned on
    /// `award` past what had been paid on it by then.
    func requireReturnsCovered(_ award: Award, from day: Day, of id: String, origin: Origin?) throws {
        guard let row = try Row.fetchOne(db, sql: """
            WITH events(d, returned, paid) AS (
              SELECT date, amount, 0 FROM underspend_returns WHERE award_id = :w
              UNION ALL SELECT date, 0, amount FROM payments WHERE award_id = :w),
            \(Self.runningTotals("returned", "paid"))
            SELECT d, returned, paid FROM running WHERE d >= :from AND returned > paid ORDER BY d LIMIT 1
            """, arguments: ["w": award.id, "from": day.description])
        else { return }
        let returned = Money(pence: row["returned"] ?? 0), paid = Money(pence: row["paid"] ?? 0)
        let on: String = row["d"] ?? day.description
        throw LedgerError(
            .exceedsPaid,
            "on \(on) \(returned.formatted) would have been returned on award \(award.id), more than the "
                + "\(paid.formatted) paid on it by then",
            origin: origin, field: "date", entryID: id)
    }

    /// The closures and withdrawals of the awards `awards` selects (as `w`), as events that lower what is committed
    /// on their day by what they released: `(day, 0, -released)`, or `(day, -released)` without a held column.
    private static func releases(_ awards: String, held: Bool = true) -> String {
        let columns = held ? "r.date, 0, -r.released" : "r.date, -r.released"
        return """
            SELECT \(columns) FROM award_closures r JOIN awards w ON w.id = r.award_id WHERE \(awards)
              UNION ALL SELECT \(columns) FROM award_withdrawals r JOIN awards w ON w.id = r.award_id WHERE \(awards)
            """
    }

    /// `days` (each day's events added up) and `running` (the figures as they stood at the end of each day), from an
    /// `events(d, …)` table with the named columns. One pass in date order, rather than one sum per day.
    private static func runningTotals(_ columns: String...) -> String {
        let sums = columns.map { "SUM(\($0)) AS \($0)" }.joined(separator: ", ")
        let running = columns.map { "SUM(\($0)) OVER (ORDER BY d) AS \($0)" }.joined(separator: ", ")
        return """
            days AS (SELECT d, \(sums) FROM events GROUP BY d),
            running AS (SELECT d, \(running) FROM days)
            """
    }
}
