import GrantsCore

/// The checks that keep the ledger true on every day, not only today.
///
/// Status and returns can show the ledger as of any day, by the dates its entries carry (see `AsOf`). For that view
/// to be a ledger the rules allow, every limit must hold on each day from an entry's date on, and whatever an entry
/// stores must not depend on entries dated after it. Without these checks an award dated in January could use room
/// that a closure dated in March frees, so that the January return would show the allocation over-committed; and a
/// close dated before a payment on the award would store a released amount that no day's figures explain.
///
/// Each check runs before the entry is inserted and reads the running balances the ledger keeps per allocation and
/// fund and per day with events (`allocation_days`, `fund_days`; see `LedgerSchema.v4Balances`): the day of the
/// entry (as the day before it left things, when nothing happened on it yet) and every later day, with the entry's
/// amounts added (and what a ledger kept before this rule already had over on a day, its `overdrawn`, allowed to
/// stand). An entry dated after everything else on its allocation or fund reads two rows. The same rule is a
/// `CHECK` on those tables, so a write that got past these checks still could not break it; the checks are here to
/// say which day and why.
extension BatchWriter {
    /// Refuses an entry that would leave allocation `allocation` committing more than it holds on some day from `day`
    /// on, once it adds `held` to what the allocation holds and `committed` to what its awards commit from that day.
    func requireAllocationHeld(
        _ allocation: String, from day: Day, holding held: Money = .zero, committing committed: Money = .zero,
        field: String, of id: String, origin: Origin?
    ) throws {
        guard let row = try SQLRow.fetchOne(db, cachedSQL: """
            WITH days(d, held, committed, overdrawn) AS (
              SELECT :from,
                COALESCE((SELECT held FROM allocation_days WHERE allocation_id = :a AND day < :from
                          ORDER BY day DESC LIMIT 1), 0),
                COALESCE((SELECT committed FROM allocation_days WHERE allocation_id = :a AND day < :from
                          ORDER BY day DESC LIMIT 1), 0),
                COALESCE((SELECT overdrawn FROM allocation_days WHERE allocation_id = :a AND day < :from
                          ORDER BY day DESC LIMIT 1), 0)
              WHERE NOT EXISTS (SELECT 1 FROM allocation_days WHERE allocation_id = :a AND day = :from)
              UNION ALL SELECT day, held, committed, overdrawn FROM allocation_days
                WHERE allocation_id = :a AND day >= :from)
            SELECT d, held + :held AS held, committed + :committed AS committed FROM days
            WHERE committed + :committed > held + :held + overdrawn ORDER BY d LIMIT 1
            """, arguments: [
                "a": allocation, "from": day.description, "held": held.pence, "committed": committed.pence,
            ])
        else { return }
        let held = Money(pence: row["held"] ?? 0), committed = Money(pence: row["committed"] ?? 0)
        let on: String = row["d"] ?? day.description
        throw LedgerError(
            .exceedsAllocation,
            "on \(on) allocation \(allocation) would commit \(committed.formatted) against the \(held.formatted) it "
                + "held that day; room freed by a later close, withdrawal or increase cannot be used before it is freed",
            origin: origin, field: field, entryID: id)
    }

    /// Refuses an entry that would leave fund `fund` drawn past its amount on some day from `day` on, once it adds
    /// `drawn` to what its allocations and direct awards draw from that day.
    func requireFundHeld(
        _ fund: Fund, from day: Day, drawing drawn: Money, field: String, of id: String, origin: Origin?
    ) throws {
        guard let row = try SQLRow.fetchOne(db, cachedSQL: """
            WITH days(d, drawn, overdrawn) AS (
              SELECT :from,
                COALESCE((SELECT drawn FROM fund_days WHERE fund_id = :f AND day < :from ORDER BY day DESC LIMIT 1), 0),
                COALESCE((SELECT overdrawn FROM fund_days WHERE fund_id = :f AND day < :from
                          ORDER BY day DESC LIMIT 1), 0)
              WHERE NOT EXISTS (SELECT 1 FROM fund_days WHERE fund_id = :f AND day = :from)
              UNION ALL SELECT day, drawn, overdrawn FROM fund_days WHERE fund_id = :f AND day >= :from)
            SELECT d, drawn + :drawn AS drawn FROM days WHERE drawn + :drawn > :amount + overdrawn ORDER BY d LIMIT 1
            """, arguments: [
                "f": fund.id, "from": day.description, "drawn": drawn.pence, "amount": fund.amount.pence,
            ])
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
        guard let row = try SQLRow.fetchOne(db, cachedSQL: """
            SELECT kind, id, date FROM (
              SELECT 'payment' AS kind, id, date FROM payments WHERE award_id = :w AND date > :day
              UNION ALL SELECT 'claim', id, date FROM claims WHERE award_id = :w AND date > :day) AS later
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
        guard let row = try SQLRow.fetchOne(db, cachedSQL: """
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
