import GrantsCore

/// The SQLite ledger is the one ``LedgerStore`` today.
extension Ledger: LedgerStore {}
