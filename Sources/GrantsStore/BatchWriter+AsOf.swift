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
/// undoes the whole batch.
extension BatchWriter {
    /// Refuses an entry that would leave allocation `allocation` committing more than it holds on some day from `day`
    /// on: counting the awards made by each day, less what closures and withdrawals had released by then, against
    /// the allocation with the changes decided by then.
    func requireAllocationHeld(
        _ allocation: String, from day: Day, field: String, of id: String, origin: Origin?
    ) throws {
        guard let row = try Row.fetchOne(db, sql: """
            WITH days(d) AS (
              SELECT award_date FROM awards WHERE allocation_id = :a AND award_date >= :from
              UNION SELECT date FROM allocation_changes WHERE allocation_id = :a AND date >= :from
              UNION SELECT :from),
            figures AS (
              SELECT d,
                (SELECT CASE WHEN al.date <= d THEN al.amount ELSE 0 END FROM allocations al WHERE al.id = :a)
                  + (SELECT COALESCE(SUM(delta), 0) FROM allocation_changes WHERE allocation_id = :a AND date <= d)
                  AS held,
                (SELECT COALESCE(SUM(w.amount
                   - COALESCE((SELECT released FROM award_closures c WHERE c.award_id = w.id AND c.date <= d), 0)
                   - COALESCE((SELECT released FROM award_withdrawals x WHERE x.award_id = w.id AND x.date <= d), 0)), 0)
                 FROM awards w WHERE w.allocation_id = :a AND w.award_date <= d) AS committed
              FROM days)
            SELECT d, held, committed FROM figures WHERE committed > held ORDER BY d LIMIT 1
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
            WITH days(d) AS (
              SELECT date FROM allocations WHERE fund_id = :f AND date >= :from
              UNION SELECT c.date FROM allocation_changes c JOIN allocations al ON al.id = c.allocation_id
                WHERE al.fund_id = :f AND c.date >= :from
              UNION SELECT award_date FROM awards WHERE fund_id = :f AND allocation_id IS NULL AND award_date >= :from
              UNION SELECT :from),
            figures AS (
              SELECT d,
                (SELECT COALESCE(SUM(al.amount), 0) FROM allocations al WHERE al.fund_id = :f AND al.date <= d)
                + (SELECT COALESCE(SUM(c.delta), 0) FROM allocation_changes c JOIN allocations al
                     ON al.id = c.allocation_id WHERE al.fund_id = :f AND c.date <= d)
                + (SELECT COALESCE(SUM(w.amount
                     - COALESCE((SELECT released FROM award_closures c WHERE c.award_id = w.id AND c.date <= d), 0)
                     - COALESCE((SELECT released FROM award_withdrawals x WHERE x.award_id = w.id AND x.date <= d), 0)), 0)
                   FROM awards w WHERE w.fund_id = :f AND w.allocation_id IS NULL AND w.award_date <= d) AS drawn
              FROM days)
            SELECT d, drawn FROM figures WHERE drawn > :amount ORDER BY d LIMIT 1
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
            WITH days(d) AS (
              SELECT date FROM underspend_returns WHERE award_id = :w AND date >= :from UNION SELECT :from),
            figures AS (
              SELECT d,
                (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns WHERE award_id = :w AND date <= d) AS returned,
                (SELECT COALESCE(SUM(amount), 0) FROM payments WHERE award_id = :w AND date <= d) AS paid
              FROM days)
            SELECT d, returned, paid FROM figures WHERE returned > paid ORDER BY d LIMIT 1
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
}
