import GrantsCore

/// What copying a ledger moved, and the proof that the copy is the same ledger.
public struct LedgerCopy: Sendable {
    /// Ledger entries copied (the history's lines).
    public let entries: Int
    /// Rows kept beside the ledger copied: accounts and their events, sessions, the sign-in log, invitations, drafts
    /// and submissions, end-of-grant reports, tokens.
    public let besides: Int
    /// The source's fingerprint, which the copy's matches.
    public let fingerprint: String
    /// The source's reconciliation, which the copy's matches figure for figure.
    public let reconciliation: Reconciliation
}

extension Ledger {
    /// The fingerprint of the ledger's history (see `SpendReturn.Header.fingerprint`): the same ledger always gives
    /// the same one, wherever it is kept.
    public func fingerprint() throws(LedgerError) -> String {
        try read { db in try Self.fingerprint(db) }
    }

    /// Copies this ledger whole into `target`, which must hold no entries, accounts or drafts: every entry in the
    /// order it was first recorded, each with its line of history (so that the target's own constraints and triggers
    /// check every entry again, as when it was recorded here), then what is kept beside the ledger. One transaction
    /// in the target: a failure leaves it as it was. Then proves the copy: the same fingerprint, and reconciliations
    /// equal line for line, before the copy commits.
    public func copy(to target: Ledger) throws(LedgerError) -> LedgerCopy {
        // The source is read in one snapshot, and the copy is proved inside its own transaction before it commits:
        // a copy that is not the same ledger is never left behind.
        try read { source in
            try target.write(refusal: .invalidEntry, large: true) { copy in
                try Self.requireEmpty(copy, target.location)
                let entries = try Self.copyEntries(from: source, to: copy)
                let besides = try Self.copyBesides(from: source, to: copy)
                try Self.restartNumbering(copy)
                let fingerprint = try Self.fingerprint(source)
                let reconciliation = try Self.reconcile(source)
                let copied = try Self.fingerprint(copy)
                guard copied == fingerprint else {
                    throw LedgerError(
                        .database,
                        "the copy at \(target.location) would have the fingerprint \(copied), not \(fingerprint); it "
                            + "would not be the same ledger, so nothing was copied")
                }
                guard try Self.reconcile(copy) == reconciliation else {
                    throw LedgerError(
                        .database,
                        "the copy at \(target.location) would not reconcile to the same figures as \(self.location), "
                            + "so nothing was copied")
                }
                return LedgerCopy(
                    entries: entries, besides: besides, fingerprint: fingerprint, reconciliation: reconciliation)
            }
        }
    }

    /// The tables of what is kept beside the ledger, in an order where each row's references are copied before it,
    /// with the column that orders their rows. Drafts are copied unsubmitted and marked submitted once their
    /// submissions are in, as the application does.
    private static let besideTables: [(table: String, order: String)] = [
        ("accounts", "id"), ("account_emails", "email"), ("account_events", "seq"), ("sessions", "id"),
        ("sign_in_log", "seq"), ("invitations", "seq"), ("bid_drafts", "id"), ("bid_submissions", "bid_id"),
        ("grant_reports", "id"), ("grant_report_outcomes", "report_id, priority"),
        ("grant_report_monitoring", "report_id, dimension, category"), ("api_tokens", "id"),
    ]

    /// The tables whose rows are numbered by the database, which goes on numbering after the copied rows.
    private static let numbered: [(table: String, column: String)] = [
        ("history", "seq"), ("accounts", "id"), ("account_events", "seq"), ("sessions", "id"), ("sign_in_log", "seq"),
        ("invitations", "seq"), ("bid_drafts", "id"), ("grant_reports", "id"), ("api_tokens", "id"),
    ]

    /// Whether the ledger holds nothing: no entries, accounts or drafts (what a copy, or a demo, may be written into).
    public func isEmpty() throws(LedgerError) -> Bool {
        try read { db in try Self.firstHeld(db) == nil }
    }

    /// The first of the tables that make a ledger not empty that holds a row, or nil.
    private static func firstHeld(_ db: SQLConnection) throws -> String? {
        for table in ["history", "accounts", "bid_drafts"] {
            if try Int.fetchOne(db, sql: "SELECT 1 FROM \(table) LIMIT 1") != nil { return table }
        }
        return nil
    }

    private static func requireEmpty(_ db: SQLConnection, _ location: String) throws {
        if let table = try firstHeld(db) {
            throw LedgerError(
                .conflict,
                "the ledger at \(location) is not empty (it has \(table)); a ledger is copied only into an empty one")
        }
    }

    /// Each entry with its line of history, in the history's order; then the CSPs' members (which may name
    /// organisations recorded after the CSP in the same batch).
    private static func copyEntries(from source: SQLConnection, to copy: SQLConnection) throws -> Int {
        var count = 0
        let lines = try SQLRow.fetchCursor(source, sql: "SELECT * FROM history ORDER BY seq")
        while let line = try lines.next() {
            let kindName: String = try line.required("kind")
            let id: String = try line.required("entry_id")
            guard let kind = EntryKind(rawValue: kindName), let stored = kind.stored else {
                throw LedgerError(.database, "the history names an entry of a kind this version does not know: \(kindName)")
            }
            let key = try keyOf(stored.table, id)
            try copyRows(stored.table, where: key.column, is: key.value, from: source, to: copy)
            for (table, column) in children[stored.table] ?? [] {
                try copyRows(table, where: column, is: key.value, from: source, to: copy)
            }
            try insert(line, into: "history", copy)
            count += 1
        }
        let members = try SQLRow.fetchCursor(source, sql: "SELECT * FROM csp_members ORDER BY csp_id, position")
        while let member = try members.next() {
            try insert(member, into: "csp_members", copy)
        }
        return count
    }

    /// What an entry keeps in tables beside its own, by the column naming it.
    private static let children: [String: [(table: String, column: String)]] = [
        "organisations": [("organisation_publication", "organisation_id")],
        "awards": [("award_register", "award_id")],
        "contributions": [("contribution_years", "contribution_id")],
    ]

    /// The column and value that find an entry's row from the id its history line gives.
    private static func keyOf(_ table: String, _ id: String) throws -> (column: String, value: SQLValue) {
        guard table == "year_closures" else { return ("id", .text(id)) }
        guard let year = try? FinancialYear(parsing: id) else {
            throw LedgerError(.database, "the history names a year closure \(id), which is not a financial year")
        }
        return ("year_start", .integer(Int64(year.startYear)))
    }

    private static func copyBesides(from source: SQLConnection, to copy: SQLConnection) throws -> Int {
        var count = 0
        var submitted: [(draft: Int64, bid: String)] = []
        for (table, order) in besideTables {
            let rows = try SQLRow.fetchCursor(source, sql: "SELECT * FROM \(table) ORDER BY \(order)")
            while var row = try rows.next() {
                if table == "bid_drafts", let bid = row["bid_id"] as String? {
                    submitted.append((try row.required("id"), bid))
                    row = row.replacing("bid_id", with: .null)
                }
                try insert(row, into: table, copy)
                count += 1
            }
        }
        for (draft, bid) in submitted {
            try copy.execute(sql: "UPDATE bid_drafts SET bid_id = ? WHERE id = ?", arguments: [bid, draft])
        }
        return count
    }

    /// Rows of `table` whose `column` is `value`, copied as they are.
    private static func copyRows(
        _ table: String, where column: String, is value: SQLValue, from source: SQLConnection, to copy: SQLConnection
    ) throws {
        let arguments = SQLArguments(values: [value])
        for row in try SQLRow.fetchAll(source, sql: "SELECT * FROM \(table) WHERE \(column) = ?", arguments: arguments) {
            try insert(row, into: table, copy)
        }
    }

    private static func insert(_ row: SQLRow, into table: String, _ db: SQLConnection) throws {
        let names = row.columns.names.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: row.count).joined(separator: ", ")
        try db.execute(
            cachedSQL: "INSERT INTO \(table) (\(names)) VALUES (\(marks))", arguments: SQLArguments(values: row.values))
    }

    /// PostgreSQL's identity columns go on from the largest number copied (SQLite's do so by themselves).
    private static func restartNumbering(_ db: SQLConnection) throws {
        guard db.dialect == .postgres else { return }
        for (table, column) in numbered {
            try db.execute(sql: """
                SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), m, true)
                FROM (SELECT MAX(\(column)) AS m FROM \(table)) AS t WHERE m IS NOT NULL
                """)
        }
    }
}

extension SQLRow {
    /// The row with `column`'s value replaced.
    func replacing(_ column: String, with value: SQLValue) -> SQLRow {
        guard let index = columns.index(of: column) else { return self }
        var values = self.values
        values[index] = value
        return SQLRow(columns: columns, values: values)
    }
}
