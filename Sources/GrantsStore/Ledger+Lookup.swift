import GrantsCore

extension Ledger {
    /// The stored entry of a kind with this id, if recorded.
    func entry<Entry: StoredEntry>(_ type: Entry.Type, _ id: String) throws(LedgerError) -> Entry? {
        try read { db in try Entry.read(id, db) }
    }

    /// The fund with this id, if recorded.
    public func fund(_ id: String) throws(LedgerError) -> Fund? {
        try entry(Fund.self, id)
    }

    /// The organisation with this id, if recorded.
    public func organisation(_ id: OrganisationID) throws(LedgerError) -> Organisation? {
        try entry(Organisation.self, id.rawValue)
    }

    /// What a fund has left to allocate: its amount less its allocations and the awards made on it directly.
    public func unallocated(fund id: String) throws(LedgerError) -> Money {
        try read { db in
            guard let fund = try Fund.read(id, db) else {
                throw LedgerError(.unknownReference, "no fund \(id) is in the ledger", field: "fund", entryID: id)
            }
            return try fund.amount.subtracting(try db.drawn(onFund: id))
        }
    }
}

extension Ledger {
    public func bid(_ id: String) throws(LedgerError) -> Bid? {
        try entry(Bid.self, id)
    }

    public func award(_ id: String) throws(LedgerError) -> Award? {
        try entry(Award.self, id)
    }

    public func claim(_ id: String) throws(LedgerError) -> Claim? {
        try entry(Claim.self, id)
    }

    public func contribution(_ id: String) throws(LedgerError) -> ContributionSchedule? {
        try entry(ContributionSchedule.self, id)
    }

    /// The funds of a scheme in a financial year.
    public func funds(scheme: Scheme, year: FinancialYear) throws(LedgerError) -> [Fund] {
        try read { db in
            let ids = try String.fetchAll(
                db, cachedSQL: "SELECT id FROM funds WHERE scheme = ? AND year_start = ? ORDER BY id",
                arguments: [scheme.rawValue, year.startYear])
            return try ids.compactMap { try Fund.read($0, db) }
        }
    }

    /// A CSP's allocations in a fund.
    public func allocations(fund: String, csp: OrganisationID) throws(LedgerError) -> [Allocation] {
        try read { db in
            let ids = try String.fetchAll(
                db, cachedSQL: "SELECT id FROM allocations WHERE fund_id = ? AND csp_id = ? ORDER BY id",
                arguments: [fund, csp.rawValue])
            return try ids.compactMap { try Allocation.read($0, db) }
        }
    }

    /// How many claims an award has (for numbering the next).
    public func claimCount(award: String) throws(LedgerError) -> Int {
        try read { db in try Int.fetchOne(db, cachedSQL: "SELECT COUNT(*) FROM claims WHERE award_id = ?", arguments: [award]) ?? 0 }
    }

    /// How many payments an award has (for numbering the next).
    public func paymentCount(award: String) throws(LedgerError) -> Int {
        try read { db in try Int.fetchOne(db, cachedSQL: "SELECT COUNT(*) FROM payments WHERE award_id = ?", arguments: [award]) ?? 0 }
    }
}

extension Ledger {
    /// One line on where an award's money stands: awarded, paid, released, owed back, returned.
    public func awardSummary(_ id: String) throws(LedgerError) -> String? {
        try read { db in
            guard let award = try Award.read(id, db) else { return nil }
            let paid = try db.sum("payments WHERE award_id = ?", [id])
            let returned = try db.sum("underspend_returns WHERE award_id = ?", [id])
            let row = try SQLRow.fetchOne(db, cachedSQL: "SELECT released, owed FROM award_closures WHERE award_id = ?", arguments: [id])
            let released = Money(pence: row?["released"] ?? 0)
            let owed = Money(pence: row?["owed"] ?? 0)
            return "\(id): awarded \(award.amount.formatted), paid \(paid.formatted), released \(released.formatted), "
                + "owed back \(owed.formatted), returned \(returned.formatted)"
        }
    }
}

extension Ledger {
    /// How many receipts a contribution has for a year (for numbering the next).
    public func receiptCount(contribution: String, year: FinancialYear) throws(LedgerError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, cachedSQL: "SELECT COUNT(*) FROM contribution_receipts WHERE contribution_id = ? AND year_start = ?",
                arguments: [contribution, year.startYear]) ?? 0
        }
    }
}

extension Ledger {
    /// The allocation with this id, as first made (changes since are in `status`).
    public func allocation(_ id: String) throws(LedgerError) -> Allocation? {
        try entry(Allocation.self, id)
    }
}

extension Ledger {
    /// An organisation's bids, earliest submitted first.
    public func bids(applicant: OrganisationID) throws(LedgerError) -> [Bid] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM bids WHERE applicant_id = ? ORDER BY submitted, id", arguments: [applicant.rawValue]
            ).compactMap { try Bid.read($0, db) }
        }
    }

    /// The awards made to an organisation, earliest first.
    public func awards(recipient: OrganisationID) throws(LedgerError) -> [Award] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM awards WHERE recipient_id = ? ORDER BY award_date, id",
                arguments: [recipient.rawValue]
            ).compactMap { try Award.read($0, db) }
        }
    }
}

extension Ledger {
    /// An award's claims, earliest first.
    public func claims(award: String) throws(LedgerError) -> [Claim] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM claims WHERE award_id = ? ORDER BY date, id", arguments: [award]
            ).compactMap { try Claim.read($0, db) }
        }
    }

    /// An award's payments, earliest first.
    public func payments(award: String) throws(LedgerError) -> [Payment] {
        try read { db in
            try String.fetchAll(
                db, sql: "SELECT id FROM payments WHERE award_id = ? ORDER BY date, id", arguments: [award]
            ).compactMap { try Payment.read($0, db) }
        }
    }

    /// Every claim not yet paid, earliest first.
    public func unpaidClaims() throws(LedgerError) -> [Claim] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT c.id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id)
                    ORDER BY c.date, c.id
                    """
            ).compactMap { try Claim.read($0, db) }
        }
    }
}
