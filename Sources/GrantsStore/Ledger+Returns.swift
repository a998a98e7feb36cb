import GrantsCore

extension Ledger {
    /// The spend return for a period and scope (a fund, a CSP, or everything), every line in memory.
    public func spendReturn(period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil)
        throws(LedgerError) -> SpendReturn
    {
        do {
            return try withSpendReturn(period: period, fund: fund, csp: csp) { $0.collected() }
        } catch {
            throw Self.readError(error)
        }
    }

    /// The spend return for a period and scope, handed to `body` with its award, payment and claim lines read from
    /// the ledger a row at a time as `body` walks them (as often as it needs), all within one read: every figure
    /// comes from the same state of the ledger, and however many lines there are, one is in memory at a time.
    ///
    /// The return is only valid inside `body`. A row that cannot be read is thrown as a `LedgerError` once `body`
    /// ends, whatever `body` did meanwhile, so a caller commits what `body` wrote only when this returns.
    /// Errors `body` throws are passed on as they are.
    public func withSpendReturn<T>(
        period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil,
        _ body: (StreamedReturn) throws -> T
    ) throws -> T {
        let outcome: Result<T, any Error> = try read { db in
            let failure = ReturnReadFailure()
            let r = try Self.streamedReturn(db, period: period, fund: fund, csp: csp, failure: failure)
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try body(r))
            } catch {
                outcome = .failure(error)
            }
            // Anything of the return kept past this point reads nothing more: its read is over.
            failure.close()
            if let error = failure.error { throw error }
            return outcome
        }
        return try outcome.get()
    }

    private static func streamedReturn(
        _ db: SQLConnection, period: SpendReturn.Period, fund: String?, csp: OrganisationID?,
        failure: ReturnReadFailure
    ) throws -> StreamedReturn {
        let days = period.days
        let asOf = days.upperBound
        let funder = try SQLRow.fetchOne(db, sql: """
            SELECT o.id, o.name FROM funds f JOIN organisations o ON o.id = f.funder_id
            WHERE f.year_start = ? AND (? IS NULL OR f.id = ?) ORDER BY f.id LIMIT 1
            """, arguments: [period.year.startYear, fund, fund])
        let funderID: String = funder?["id"] ?? ""
        let funderName: String = funder?["name"] ?? ""
        // The fingerprint reads the whole history: only for the formats that print it.
        let header = Deferred {
            SpendReturn.Header(
                funderID: funderID, funderName: funderName, period: period, fund: fund, csp: csp?.rawValue,
                asOf: asOf, fingerprint: within(failure, "header was", else: "") { try Self.fingerprint(db) })
        }
        // The budgets and contributions are the status for the same year, scope and day: only for the formats that
        // carry them.
        let budgets = Deferred {
            within(failure, "budgets were", else: StreamedReturn.Budgets(funds: [], partnerships: [], contributions: [])) {
                let status = try Self.status(db, StatusReport.Scope(year: period.year, fund: fund, csp: csp, asOf: asOf))
                let contributions = fund != nil || csp != nil ? [] : status.contributions.map { line in
                    SpendReturn.ContributionLine(
                        contributionID: line.scheduleID, contributorID: line.contributor.rawValue,
                        contributorName: line.contributorName, service: line.service, year: line.year,
                        expected: line.expected, received: line.received, outstanding: line.outstanding,
                        scheduled: line.amount, withdrawnOn: line.withdrawn?.effective,
                        withdrawalReason: line.withdrawn?.reason)
                }
                return StreamedReturn.Budgets(funds: status.funds, partnerships: status.csps, contributions: contributions)
            }
        }
        // With a CSP in scope, only the funds it has allocations in; otherwise every fund of the year in scope.
        let funds = try SQLRow.fetchAll(db, sql: """
            SELECT f.id, f.name FROM funds f
            WHERE f.year_start = ?1 AND (?2 IS NULL OR f.id = ?2)
              AND (?3 IS NULL OR EXISTS (SELECT 1 FROM allocations a WHERE a.fund_id = f.id AND a.csp_id = ?3))
            ORDER BY f.id
            """, arguments: [period.year.startYear, fund, csp?.rawValue]
        ).map { row throws(LedgerError) in
            SpendReturn.FundRef(id: try row.text("id", in: "funds"), name: try row.text("name", in: "funds"))
        }
        // Every figure is as of the period's last day: the awards made by then, their states then, and the
        // payments made by then; "in the period" counts the payments made within the period's days.
        let scope: SQLArguments = [
            "year": period.year.startYear, "fund": fund, "csp": csp?.rawValue,
            "from": days.lowerBound.description, "asOf": asOf.description,
        ]
        return StreamedReturn(
            funder: (funderID, funderName), period: period, header: header,
            lines: rows(db, Self.awardLineSQL, scope, failure, Self.awardLine), funds: funds, budgets: budgets,
            payments: rows(db, Self.paymentLineSQL, scope, failure, Self.paymentLine),
            claims: rows(db, Self.claimLineSQL, scope, failure, Self.claimLine))
    }

    /// `read`'s value, read within the return's read of the ledger, or `fallback` with the reason kept in `failure`
    /// (a read that failed, or one begun after the return's read ended).
    private static func within<T>(
        _ failure: ReturnReadFailure, _ what: String, else fallback: T, _ read: () throws -> T
    ) -> T {
        guard !failure.isClosed else {
            failure.record(LedgerError(.database, "a return's \(what) read after its read of the ledger ended"))
            return fallback
        }
        do {
            return try read()
        } catch {
            failure.record(readError(error))
            return fallback
        }
    }

    /// Rows of `sql` made into lines by `line` as they are read: each walk runs the statement again. A row that
    /// cannot be read or made into a line ends the walk and is kept in `failure`.
    private static func rows<Line>(
        _ db: SQLConnection, _ sql: String, _ arguments: SQLArguments, _ failure: ReturnReadFailure,
        _ line: @escaping (SQLRow) throws(LedgerError) -> Line
    ) -> ReturnRows<Line> {
        ReturnRows {
            var cursor = within(failure, "lines were", else: nil) { try SQLRow.fetchCursor(db, sql: sql, arguments: arguments) }
            return AnyIterator {
                let next = within(failure, "lines were", else: nil) { () throws -> Line? in
                    guard let rows = cursor, let row = try rows.next() else { return nil }
                    return try line(row)
                }
                if next == nil { cursor = nil }
                return next
            }
        }
    }

    /// One row per award of the year's funds in scope, as of `:asOf`. It reads the tables themselves, each entry
    /// counted when dated on or before the day (as `AsOf.prelude`'s views count them), starting from the year's
    /// funds and reaching every other table through an index on the award: its cost grows with the return, not with
    /// the ledger. (`CROSS JOIN` keeps SQLite from walking every award of every year instead.)
    private static let awardLineSQL = """
        SELECT a.id, a.decision, a.title, a.recipient_id, o.name AS recipient_name, o.charity_number,
          o.company_number, al.csp_id, c.name AS csp_name, c.location_code AS csp_location, a.fund_id,
          f.name AS fund_name, f.scheme, a.priorities, a.award_date, a.planned_start, a.planned_end, a.amount,
          COALESCE(cl.released, wd.released, 0) AS released,
          (SELECT COALESCE(SUM(amount), 0) FROM payments p
             WHERE p.award_id = a.id AND p.date >= :from AND p.date <= :asOf) AS paid_in_period,
          (SELECT COALESCE(SUM(amount), 0) FROM payments p WHERE p.award_id = a.id AND p.date <= :asOf) AS paid_to_date,
          (SELECT COALESCE(SUM(amount), 0) FROM underspend_returns r
             WHERE r.award_id = a.id AND r.date <= :asOf) AS returned,
          CASE
            WHEN cl.award_id IS NOT NULL THEN 'closed'
            WHEN wd.award_id IS NOT NULL THEN 'withdrawn'
            WHEN EXISTS (SELECT 1 FROM claims k WHERE k.award_id = a.id AND k.date <= :asOf)
              OR EXISTS (SELECT 1 FROM payments p WHERE p.award_id = a.id AND p.date <= :asOf) THEN 'claiming'
            ELSE 'awarded'
          END AS state,
          o.kind AS recipient_kind, o.location_code AS recipient_location,
          (SELECT name FROM organisations la WHERE la.kind = 'local-authority'
             AND la.location_code = o.location_code ORDER BY la.id LIMIT 1) AS recipient_location_name,
          (SELECT name FROM organisations la WHERE la.kind = 'local-authority'
             AND la.location_code = c.location_code ORDER BY la.id LIMIT 1) AS csp_location_name,
          (SELECT requested FROM bids b WHERE b.id = a.bid_id) AS applied_for,
          COALESCE(op.sensitive, 0) AS recipient_sensitive, op.published_as AS recipient_published_as,
          ar.purpose, ar.reasons, ar.conditions
        FROM funds f
        CROSS JOIN awards a
        JOIN organisations o ON o.id = a.recipient_id
        LEFT JOIN allocations al ON al.id = a.allocation_id
        LEFT JOIN organisations c ON c.id = al.csp_id
        LEFT JOIN award_closures cl ON cl.award_id = a.id AND cl.date <= :asOf
        LEFT JOIN award_withdrawals wd ON wd.award_id = a.id AND wd.date <= :asOf
        LEFT JOIN organisation_publication op ON op.organisation_id = o.id
        LEFT JOIN award_register ar ON ar.award_id = a.id
        WHERE a.fund_id = f.id AND a.award_date <= :asOf
          AND f.year_start = :year AND (:fund IS NULL OR f.id = :fund) AND (:csp IS NULL OR al.csp_id = :csp)
        ORDER BY f.id, c.name NULLS FIRST, a.id
        """

    /// Joins the entries `entry` names (payments or claims, each with `award_id` and `date`) to their awards and keeps
    /// those dated within the period on the awards in the return's year, fund and CSP.
    private static func inScope(_ entry: String) -> String {
        """
        JOIN awards a ON a.id = \(entry).award_id AND a.award_date <= :asOf
        JOIN funds f ON f.id = a.fund_id
        LEFT JOIN allocations al ON al.id = a.allocation_id
        WHERE \(entry).date >= :from AND \(entry).date <= :asOf AND f.year_start = :year
          AND (:fund IS NULL OR f.id = :fund) AND (:csp IS NULL OR al.csp_id = :csp)
        """
    }

    /// The payments made within the period on the awards in scope.
    private static let paymentLineSQL = """
        SELECT p.id, p.award_id, p.claim_id, p.date, p.amount, p.reference
        FROM payments p
        \(inScope("p"))
        ORDER BY p.date, p.id
        """

    private static func paymentLine(_ row: SQLRow) throws(LedgerError) -> SpendReturn.PaymentLine {
        SpendReturn.PaymentLine(
            paymentID: try row.text(at: 0, "id", in: "payments"), awardID: try row.text(at: 1, "award_id", in: "payments"),
            claimID: row[2], date: try row.day(at: 3, "date", in: "payments"),
            amount: try row.money(at: 4, "amount", in: "payments"), reference: row[5])
    }

    /// The claims made within the period on the awards in scope, with the payment that settled each by the day.
    private static let claimLineSQL = """
        SELECT k.id, k.award_id, k.period_start, k.period_end, k.date, k.amount,
          (SELECT p.id FROM payments p WHERE p.claim_id = k.id AND p.date <= :asOf) AS paid_by
        FROM claims k
        \(inScope("k"))
        ORDER BY k.date, k.id
        """

    private static func claimLine(_ row: SQLRow) throws(LedgerError) -> SpendReturn.ClaimLine {
        SpendReturn.ClaimLine(
            claimID: try row.text(at: 0, "id", in: "claims"), awardID: try row.text(at: 1, "award_id", in: "claims"),
            periodStart: try row.day(at: 2, "period_start", in: "claims"),
            periodEnd: try row.day(at: 3, "period_end", in: "claims"),
            date: try row.day(at: 4, "date", in: "claims"), amount: try row.money(at: 5, "amount", in: "claims"),
            paidBy: row[6])
    }

    /// An award line from a row of `awardLineSQL`, read by position in the order the query names its columns.
    private static func awardLine(_ row: SQLRow) throws(LedgerError) -> SpendReturn.AwardLine {
        let t = "awards"
        let amount = try row.money(at: 17, "amount", in: t)
        let released = try row.money(at: 18, "released", in: t)
        let paidToDate = try row.money(at: 20, "paid_to_date", in: "payments")
        let outstanding: Money
        do {
            outstanding = try amount.subtracting(released).subtracting(paidToDate)
        } catch {
            throw LedgerError(.overflow, "award \(row[0] as String? ?? "?"): its outstanding figure does not fit in pence")
        }
        return SpendReturn.AwardLine(
            awardID: try row.text(at: 0, "id", in: t), decision: try row.text(at: 1, "decision", in: t),
            title: try row.text(at: 2, "title", in: t), recipientID: try row.text(at: 3, "recipient_id", in: t),
            recipientName: try row.text(at: 4, "recipient_name", in: "organisations"), charityNumber: row[5],
            companyNumber: row[6], cspID: row[7], cspName: row[8], cspLocationCode: row[9],
            fundID: try row.text(at: 10, "fund_id", in: t), fundName: try row.text(at: 11, "fund_name", in: "funds"),
            scheme: try row.choice(at: 12, "scheme", in: "funds"),
            priorities: (row[13] as String? ?? "").split(separator: ",").map(String.init),
            awardDate: try row.day(at: 14, "award_date", in: t), plannedStart: try row.day(at: 15, "planned_start", in: t),
            plannedEnd: try row.day(at: 16, "planned_end", in: t), state: try row.choice(at: 22, "state", in: "award_states"),
            awarded: amount, released: released,
            paidInPeriod: try row.money(at: 19, "paid_in_period", in: "payments"), paidToDate: paidToDate,
            outstanding: outstanding,
            returned: try row.money(at: 21, "returned", in: "underspend_returns"),
            recipientKind: try row.choice(at: 23, "recipient_kind", in: "organisations") as OrganisationKind,
            recipientLocationCode: row[24], recipientLocationName: row[25], cspLocationName: row[26],
            amountAppliedFor: (row[27] as Int64?).map { Money(pence: $0) },
            recipientSensitive: (row[28] as Int64?) == 1,
            recipientPublishedAs: row[29], purpose: row[30], reasons: row[31], conditions: row[32])
    }

    /// FNV-1a (64-bit) over every line of the history, in order, and the number of lines: the same ledger always
    /// gives the same fingerprint, and any entry added changes it. It names a state; it is not a signature.
    static func fingerprint(_ db: SQLConnection) throws -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        let cursor = try SQLRow.fetchCursor(db, sql: "SELECT seq, kind, entry_id, detail FROM history ORDER BY seq")
        while let row = try cursor.next() {
            count += 1
            let line = "\(row["seq"] as Int64? ?? 0)|\(row["kind"] as String? ?? "")|\(row["entry_id"] as String? ?? "")|\(row["detail"] as String? ?? "")\n"
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex + "/\(count)"
    }
}
