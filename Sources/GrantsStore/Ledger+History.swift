import GrantsCore

extension Ledger {
    /// The history, oldest first; `entryID` keeps only the lines about that entry, `limit` the newest so many.
    public func history(entryID: String? = nil, limit: Int? = nil) throws(LedgerError) -> [HistoryEntry] {
        try read { db in
            let lines = entryID == nil ? "history" : "(SELECT * FROM history WHERE entry_id = :entry) AS lines"
            let sql = limit == nil
                ? "SELECT * FROM \(lines) ORDER BY seq"
                : "SELECT * FROM (SELECT * FROM \(lines) ORDER BY seq DESC LIMIT :limit) AS newest ORDER BY seq"
            var arguments = SQLArguments()
            if let entryID { arguments.named["entry"] = .text(entryID) }
            if let limit { arguments.named["limit"] = .integer(Int64(limit)) }
            let rows = try SQLRow.fetchAll(db, sql: sql, arguments: arguments)
            return try rows.map { row throws(LedgerError) in
                HistoryEntry(
                    sequence: try row.required("seq"), at: try row.text("at", in: "history"),
                    actor: try row.text("actor", in: "history"), action: try row.text("action", in: "history"),
                    kind: try row.text("kind", in: "history"), entryID: try row.text("entry_id", in: "history"),
                    reason: try row.text("reason", in: "history"), source: row["source"],
                    detail: try row.text("detail", in: "history"))
            }
        }
    }

    /// The lines about any of `entryIDs`, oldest first, in one read (an award and every step on it, say).
    public func history(entryIDs: [String]) throws(LedgerError) -> [HistoryEntry] {
        guard !entryIDs.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: entryIDs.count).joined(separator: ", ")
            let rows = try SQLRow.fetchAll(
                db, sql: "SELECT * FROM history WHERE entry_id IN (\(marks)) ORDER BY seq",
                arguments: SQLArguments(entryIDs))
            return try rows.map { row throws(LedgerError) in
                HistoryEntry(
                    sequence: try row.required("seq"), at: try row.text("at", in: "history"),
                    actor: try row.text("actor", in: "history"), action: try row.text("action", in: "history"),
                    kind: try row.text("kind", in: "history"), entryID: try row.text("entry_id", in: "history"),
                    reason: try row.text("reason", in: "history"), source: row["source"],
                    detail: try row.text("detail", in: "history"))
            }
        }
    }

    /// How many entries of each kind the ledger holds.
    public func counts() throws(LedgerError) -> [EntryKind: Int] {
        var tables: [(EntryKind, String)] = []
        for kind in EntryKind.allCases {
            tables.append((kind, try kind.requireStored().table))
        }
        return try read { db in
            var counts: [EntryKind: Int] = [:]
            for (kind, table) in tables {
                counts[kind] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}

extension Ledger {
    /// The financial years the ledger has funds in, earliest first.
    public func fundYears() throws(LedgerError) -> [FinancialYear] {
        let starts = try read { db in try Int.fetchAll(db, sql: "SELECT DISTINCT year_start FROM funds ORDER BY year_start") }
        return starts.compactMap { FinancialYear(startYear: $0) }
    }

    /// The newest history line's sequence number, 0 when the ledger is empty: it grows with every change.
    public func latestChange() throws(LedgerError) -> Int64 {
        try read { db in try Int64.fetchOne(db, cachedSQL: "SELECT max(seq) FROM history") ?? 0 }
    }

    /// When the ledger last changed (the newest history line's time), or `nil` when it is empty.
    public func lastModified() throws(LedgerError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT at FROM history ORDER BY seq DESC LIMIT 1") }
    }
}
