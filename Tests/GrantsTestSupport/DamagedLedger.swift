import GRDB

/// A ledger file damaged as a tampered or corrupted file could be: for tests that a reader fails cleanly.
public enum DamagedLedger {
    /// The award whose recipient `giveUnknownKind` damages: the Samples' fifth Community Action Fund award of
    /// 2017/18, read part way through a return of that year.
    public static let award = "AWD-CAF-2017-18-05"

    /// Gives the recipient of `award` in the ledger at `path` a kind no version of grants knows, with the ledger's
    /// own guards (its triggers and CHECK constraints) set aside to do it.
    public static func giveUnknownKind(toRecipientOf award: String = award, inLedgerAt path: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            let triggers = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'organisations'")
            for trigger in triggers { try db.execute(sql: "DROP TRIGGER \"\(trigger)\"") }
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(
                sql: "UPDATE organisations SET kind = 'martian' WHERE id = (SELECT recipient_id FROM awards WHERE id = ?)",
                arguments: [award])
        }
    }
}
