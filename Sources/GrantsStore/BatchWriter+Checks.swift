import GrantsCore

/// The checks more than one kind of entry makes before it is inserted, each refusing with a `LedgerError` that names
/// the entry, the field and where it came from.
extension BatchWriter {
    /// Refuses `amount` more drawn on `fund` (allocations and direct awards) when it would pass the fund; the
    /// message is told what the total would be and what is left.
    func requireRoom(
        in fund: Fund, for amount: Money, field: String, of id: String, origin: Origin?,
        message: (_ after: Money, _ left: Money) -> String
    ) throws {
        let drawn = try drawnOnFund(fund.id)
        try requireWithin(
            fund.amount, used: drawn, adding: amount, code: .exceedsFund, field: field, of: id, origin: origin
        ) { after in
            message(after, try left(fund.amount, drawn))
        }
    }

    /// `used` plus `amount`, or a refusal with `code` when that passes `limit`; the message is told the total it
    /// would come to.
    @discardableResult
    func requireWithin(
        _ limit: Money, used: Money, adding amount: Money, code: LedgerError.Code, field: String = "amount",
        of id: String, origin: Origin?, message: (_ after: Money) throws -> String
    ) throws -> Money {
        let after = try add(used, amount, origin: origin, field: field, id: id)
        if after > limit {
            throw LedgerError(code, try message(after), origin: origin, field: field, entryID: id)
        }
        return after
    }

    /// Allocations plus awards made directly on the fund: what the fund's budget must cover.
    func drawnOnFund(_ fundID: String) throws -> Money {
        try db.drawn(onFund: fundID)
    }

    /// An allocation's amount after every change decided since it was made: its running balance after its last day.
    func allocationTotal(_ allocation: String) throws -> Money {
        Money(pence: try Int64.fetchOne(db, cachedSQL: """
            SELECT held FROM allocation_days WHERE allocation_id = ? ORDER BY day DESC LIMIT 1
            """, arguments: [allocation]) ?? 0)
    }

    /// What the awards on an allocation still commit, after closures and withdrawals released their unpaid parts.
    func committedOn(allocation: String) throws -> Money {
        Money(pence: try Int64.fetchOne(db, cachedSQL: """
            SELECT committed FROM allocation_days WHERE allocation_id = ? ORDER BY day DESC LIMIT 1
            """, arguments: [allocation]) ?? 0)
    }

    func add(_ a: Money, _ b: Money, origin: Origin?, field: String, id: String) throws -> Money {
        do {
            return try a.adding(b)
        } catch {
            throw LedgerError(.overflow, "the total would be too large to hold exactly", origin: origin, field: field,
                              entryID: id)
        }
    }

    /// `total` plus `amount`, or a refusal of the entry when a ledger-wide total would no longer fit in 64-bit
    /// pence (see `Money.ledgerCeiling`).
    @discardableResult
    func requireTotal(
        _ total: Money, adding amount: Money, of what: String, field: String, id: String, origin: Origin?
    ) throws -> Money {
        do {
            return try total.adding(amount)
        } catch {
            throw LedgerError(
                .overflow,
                "adding \(amount.formatted) to the \(total.formatted) of \(what) would pass "
                    + "\(Money(pence: .max).formatted), the most the ledger can total exactly",
                origin: origin, field: field, entryID: id)
        }
    }

    func left(_ budget: Money, _ used: Money) throws -> Money {
        try budget.subtracting(used)
    }

    func requirePositive(_ amount: Money, field: String, of id: String, origin: Origin?) throws {
        guard amount > .zero else {
            throw LedgerError(
                .invalidEntry, "the amount is \(amount.plain); expected more than 0.00", origin: origin, field: field,
                entryID: id)
        }
    }

    func requireNotBefore(_ date: Day, _ award: Award, of id: String, origin: Origin?) throws {
        guard date >= award.awardDate else {
            throw LedgerError(
                .invalidEntry, "\(date) is before award \(award.id) was made on \(award.awardDate)", origin: origin,
                field: "date", entryID: id)
        }
    }

    /// Whether the financial year is closed, so that its funds take no new allocations, changes or awards.
    func isClosed(_ year: FinancialYear) throws -> Bool {
        try YearClosure.read(year.label, db) != nil
    }

    /// Refuses a step on an award that is closed or withdrawn.
    func requireOpen(_ award: Award, doing step: String, of id: String, origin: Origin?) throws {
        if let closure = try AwardClosure.read(where: "award_id", is: award.id, db) {
            throw LedgerError(
                .invalidEntry, "award \(award.id) was closed on \(closure.date) (\(closure.id)) and cannot be \(step)",
                origin: origin, field: "award", entryID: id)
        }
        if let withdrawal = try AwardWithdrawal.read(where: "award_id", is: award.id, db) {
            throw LedgerError(
                .invalidEntry,
                "award \(award.id) was withdrawn on \(withdrawal.date) (\(withdrawal.reason)) and cannot be \(step)",
                origin: origin, field: "award", entryID: id)
        }
    }

    /// Whether the entry is stored already exactly as given, so that recording it again adds nothing.
    func isStoredAsGiven<E: StoredEntry>(_ entry: Sourced<E>) throws -> Bool {
        guard let stored = try E.read(entry.value.entryID, db) else { return false }
        return stored.fields == entry.value.fields
    }

    /// The stored entry of a kind that `field` of entry `id` refers to, or a refusal saying to record it first.
    func require<Entry: StoredEntry>(_ type: Entry.Type, _ ref: String, field: String, of id: String, origin: Origin?)
        throws -> Entry
    {
        guard let entry = try Entry.read(ref, db) else {
            let kind = Entry.kind.title
            throw LedgerError(
                .unknownReference, "no \(kind) \(ref) is in the ledger or in this import; record the \(kind) first",
                origin: origin, field: field, entryID: id)
        }
        return entry
    }

    func requireOrganisation(_ orgID: OrganisationID, field: String, of id: String, origin: Origin?) throws
        -> Organisation
    {
        try require(Organisation.self, orgID.rawValue, field: field, of: id, origin: origin)
    }

    /// The organisation in `field`, which must be a community safety partnership.
    @discardableResult
    func requireCSP(_ orgID: OrganisationID, field: String = "csp", of id: String, origin: Origin?) throws
        -> Organisation
    {
        let org = try requireOrganisation(orgID, field: field, of: id, origin: origin)
        guard org.kind == .communitySafetyPartnership else {
            throw LedgerError(
                .invalidEntry, "\(org.id) (\(org.name)) is \(org.kind.title), not a community safety partnership",
                origin: origin, field: field, entryID: id)
        }
        return org
    }

    func requireFund(_ fundID: String, of id: String, origin: Origin?) throws -> Fund {
        try require(Fund.self, fundID, field: "fund", of: id, origin: origin)
    }

    func requireAward(_ awardID: String, of id: String, origin: Origin?) throws -> Award {
        try require(Award.self, awardID, field: "award", of: id, origin: origin)
    }
}
