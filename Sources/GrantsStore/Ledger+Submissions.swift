import GrantsCore

extension Ledger: BidDraftStore {
    public func createDraft(
        organisation: OrganisationID, scheme: Scheme, year: FinancialYear, form: String, replaces: String?,
        at: Timestamp, by account: Int64
    ) throws(LedgerError) -> Int64 {
        try writeBeside { db in
            guard try Int.fetchOne(
                db, sql: "SELECT 1 FROM organisations WHERE id = ?", arguments: [organisation.rawValue]) != nil
            else {
                throw LedgerError(
                    .unknownReference, "no organisation \(organisation.rawValue) in the ledger", field: "organisation")
            }
            return try db.insert(
                sql: """
                    INSERT INTO bid_drafts (organisation_id, scheme, year_start, form, created_at, created_by,
                                            saved_at, saved_by, replaces)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [organisation.rawValue, scheme.rawValue, year.startYear, form, at.text, account, at.text,
                            account, replaces])
        }
    }

    public func draft(_ id: Int64) throws(LedgerError) -> BidDraft? {
        let row = try read { db in try SQLRow.fetchOne(db, sql: "SELECT * FROM bid_drafts WHERE id = ?", arguments: [id]) }
        return try row.map { row throws(LedgerError) in try Self.draft(row) }
    }

    public func drafts(organisation: OrganisationID) throws(LedgerError) -> [BidDraft] {
        let rows = try read { db in
            try SQLRow.fetchAll(
                db, sql: "SELECT * FROM bid_drafts WHERE organisation_id = ? ORDER BY id DESC",
                arguments: [organisation.rawValue])
        }
        var drafts: [BidDraft] = []
        for row in rows { drafts.append(try Self.draft(row)) }
        return drafts
    }

    public func saveDraft(_ id: Int64, form: String, at: Timestamp, by account: Int64) throws(LedgerError) {
        try writeBeside { db in
            try db.execute(
                sql: """
                    UPDATE bid_drafts SET form = ?, saved_at = \(db.dialect.greatest("saved_at", "?")), saved_by = ?
                    WHERE id = ? AND bid_id IS NULL
                    """,
                arguments: [form, at.text, account, id])
            guard db.changesCount == 1 else {
                throw LedgerError(.conflict, "draft \(id) has been submitted, or there is no such draft")
            }
        }
    }

    public func submit(_ bid: Bid, _ submission: BidSubmission, form: String, as change: Change) throws(LedgerError) {
        var batch = LedgerBatch()
        batch.bids.append(Sourced(bid))
        _ = try record(batch, as: change) { db, outcome in
            guard outcome.added[.bid] == 1 else {
                throw LedgerError(.conflict, "bid \(bid.id) is in the ledger already", entryID: bid.id)
            }
            // Checked and marked in the same transaction as the bid is recorded: of two submissions of one draft
            // racing, the second finds it taken and records nothing (its bid with it).
            guard let draft = try SQLRow.fetchOne(
                db, sql: "SELECT bid_id, form FROM bid_drafts WHERE id = ?", arguments: [submission.draft]),
                (draft["bid_id"] as String?) == nil
            else {
                throw LedgerError(
                    .conflict, "draft \(submission.draft) has been submitted already, or there is no such draft",
                    field: "draft")
            }
            guard (draft["form"] as String?) == form else {
                throw LedgerError(.conflict, "draft \(submission.draft) was changed since it was checked", field: "draft")
            }
            try db.execute(
                sql: """
                    INSERT INTO bid_submissions (bid_id, draft_id, account_id, at, document, rulebook, outcome, report)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [bid.id, submission.draft, submission.account, submission.at.text, submission.document,
                            submission.rulebook, submission.outcome, submission.report])
            try db.execute(
                sql: "UPDATE bid_drafts SET bid_id = ? WHERE id = ? AND bid_id IS NULL",
                arguments: [bid.id, submission.draft])
        }
    }

    public func submission(bid id: String) throws(LedgerError) -> BidSubmission? {
        try submissions(bids: [id])[id]
    }

    public func submissions(bids ids: [String]) throws(LedgerError) -> [String: BidSubmission] {
        guard !ids.isEmpty else { return [:] }
        // A few hundred ids a statement, well under SQLite's limit on parameters.
        let rows = try read { db in
            try stride(from: 0, to: ids.count, by: 500).flatMap { start in
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                return try SQLRow.fetchAll(
                    db, sql: "SELECT * FROM bid_submissions WHERE bid_id IN (\(marks))",
                    arguments: SQLArguments(chunk))
            }
        }
        var found: [String: BidSubmission] = [:]
        for row in rows {
            let table = "bid_submissions"
            let bid = try row.text("bid_id", in: table)
            found[bid] = BidSubmission(
                bid: bid, draft: try row.required("draft_id"), account: try row.required("account_id"),
                at: try row.timestamp("at", in: table), document: try row.text("document", in: table),
                rulebook: try row.text("rulebook", in: table), outcome: try row.text("outcome", in: table),
                report: try row.text("report", in: table))
        }
        return found
    }

    private static func draft(_ row: SQLRow) throws(LedgerError) -> BidDraft {
        let table = "bid_drafts"
        return BidDraft(
            id: try row.required("id"), organisation: try row.organisationID("organisation_id", in: table),
            scheme: try row.choice("scheme", in: table), year: try row.year("year_start", in: table),
            form: try row.text("form", in: table), created: try row.timestamp("created_at", in: table),
            createdBy: try row.required("created_by"), saved: try row.timestamp("saved_at", in: table), savedBy: try row.required("saved_by"),
            replaces: row["replaces"], bid: row["bid_id"])
    }

    /// One change to what the ledger keeps beside its entries (accounts, sessions, drafts), whole or not at all, in an
    /// IMMEDIATE transaction as `record` uses: the check (an email free, failures in a row, a draft not submitted) and
    /// the write it guards see the same ledger even when another process writes too.
    func writeBeside<T>(_ body: (SQLConnection) throws -> T) throws(LedgerError) -> T {
        try write(refusal: .invalidEntry, body)
    }
}
