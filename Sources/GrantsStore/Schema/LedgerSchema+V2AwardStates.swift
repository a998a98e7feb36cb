import GRDB

extension LedgerSchema {
    /// Where each award stands, worked out here and nowhere else: closed once its end-of-grant report is in,
    /// withdrawn once withdrawn, claiming once anything is claimed or paid on it, awarded until then. Spend returns,
    /// the year end and `Ledger.state(ofAward:)` all read this view.
    ///
    /// Shipped with release 2; never edit it: change the view in a new migration (DROP VIEW, then CREATE VIEW).
    static func v2AwardStates(_ db: Database) throws {
        try db.execute(sql: """
            CREATE VIEW award_states AS
            SELECT a.id AS award_id, a.fund_id, a.allocation_id,
              CASE
                WHEN EXISTS (SELECT 1 FROM award_closures c WHERE c.award_id = a.id) THEN 'closed'
                WHEN EXISTS (SELECT 1 FROM award_withdrawals w WHERE w.award_id = a.id) THEN 'withdrawn'
                WHEN EXISTS (SELECT 1 FROM claims k WHERE k.award_id = a.id)
                  OR EXISTS (SELECT 1 FROM payments p WHERE p.award_id = a.id) THEN 'claiming'
                ELSE 'awarded'
              END AS state
            FROM awards a;
            """)
    }
}
