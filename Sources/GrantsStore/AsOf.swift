import GrantsCore

/// The ledger as it stood at the end of a day, by the dates its entries carry: an award counts from its award date,
/// a payment from the day it was made, a closure or withdrawal from its date, an allocation or a change to one from
/// its decision's date, a contribution from the day it was committed and its withdrawal from the day it takes effect.
/// Organisations and funds carry no date and always count.
///
/// `prelude` is a `WITH` clause naming each table and view that status and returns read, as of the named parameter
/// `:asOf` (a day, `YYYY-MM-DD`): a query that begins with it and reads `awards_d` instead of `awards` sees only
/// what the ledger held that day. Without a day, ``everything`` stands for it, and every entry counts.
enum AsOf {
    /// The day that stands for "now": after every day an entry can carry.
    static let everything = "9999-12-31"

    /// `:asOf` as a query argument: the day, or ``everything``.
    static func argument(_ day: Day?) -> String { day?.description ?? everything }

    static let prelude = """
        WITH
        awards_d AS (SELECT * FROM awards WHERE award_date <= :asOf),
        payments_d AS (SELECT * FROM payments WHERE date <= :asOf),
        claims_d AS (SELECT * FROM claims WHERE date <= :asOf),
        closures_d AS (SELECT * FROM award_closures WHERE date <= :asOf),
        withdrawals_d AS (SELECT * FROM award_withdrawals WHERE date <= :asOf),
        underspend_d AS (SELECT * FROM underspend_returns WHERE date <= :asOf),
        allocations_d AS (SELECT * FROM allocations WHERE date <= :asOf),
        contributions_d AS (SELECT * FROM contributions WHERE committed <= :asOf),
        contribution_withdrawals_d AS (SELECT * FROM contribution_withdrawals WHERE effective <= :asOf),
        contribution_receipts_d AS (SELECT * FROM contribution_receipts WHERE date <= :asOf),
        allocation_totals_d AS (
          SELECT al.id AS allocation_id, al.fund_id, al.csp_id,
            al.amount + COALESCE((SELECT SUM(delta) FROM allocation_changes c
                                  WHERE c.allocation_id = al.id AND c.date <= :asOf), 0) AS amount
          FROM allocations_d al),
        award_commitments_d AS (
          SELECT a.id AS award_id, a.fund_id, a.allocation_id,
            a.amount - COALESCE((SELECT released FROM closures_d c WHERE c.award_id = a.id), 0)
                     - COALESCE((SELECT released FROM withdrawals_d w WHERE w.award_id = a.id), 0) AS committed
          FROM awards_d a),
        award_outturns_d AS (
          SELECT a.id AS award_id, a.fund_id, a.allocation_id,
            CASE
              WHEN EXISTS (SELECT 1 FROM withdrawals_d w WHERE w.award_id = a.id) THEN 0
              WHEN EXISTS (SELECT 1 FROM closures_d c WHERE c.award_id = a.id) THEN
                \(SQLDialect.least(
                    "SELECT spent FROM closures_d c WHERE c.award_id = a.id",
                    "SELECT COALESCE(SUM(amount), 0) FROM payments_d p WHERE p.award_id = a.id"))
              ELSE a.amount
            END AS forecast
          FROM awards_d a),
        award_states_d AS (
          SELECT a.id AS award_id, a.fund_id, a.allocation_id,
            CASE
              WHEN EXISTS (SELECT 1 FROM closures_d c WHERE c.award_id = a.id) THEN 'closed'
              WHEN EXISTS (SELECT 1 FROM withdrawals_d w WHERE w.award_id = a.id) THEN 'withdrawn'
              WHEN EXISTS (SELECT 1 FROM claims_d k WHERE k.award_id = a.id)
                OR EXISTS (SELECT 1 FROM payments_d p WHERE p.award_id = a.id) THEN 'claiming'
              ELSE 'awarded'
            END AS state
          FROM awards_d a)

        """
}
