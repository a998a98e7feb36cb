import GRDB
import GrantsCore

/// Writes one batch inside a transaction it is given: checks each entry against what is stored and what came
/// before it in the batch, inserts it, and adds a line of history. Any throw rolls the whole batch back.
final class BatchWriter {
    let db: Database
    let change: Change
    private var added: [EntryKind: Int] = [:]
    private var unchanged = 0

    init(db: Database, change: Change) {
        self.db = db
        self.change = change
    }

    func write(_ batch: LedgerBatch) throws -> RecordOutcome {
        let newOrganisations = try each(batch.organisations, stored: EntryReader.organisation) { org, _ in
            try db.execute(
                sql: """
                    INSERT INTO organisations (id, name, kind, charity_number, company_number, location_code, example)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    org.id.rawValue, org.name, org.kind.rawValue, org.charityNumber, org.companyNumber,
                    org.locationCode, org.isExample ? 1 : 0,
                ])
        }
        // Members may name organisations that come later in the batch, so they go in once all are in.
        for entry in newOrganisations {
            try insertMembers(of: entry.value, origin: entry.origin)
        }
        try each(batch.funds, stored: EntryReader.fund, insert: insertFund)
        // Cuts first, then new allocations, then increases: money moved between CSPs in one decision never
        // counts twice against the fund.
        try each(batch.allocationChanges.filter { $0.value.delta.isNegative },
                 stored: EntryReader.allocationChange, insert: insertAllocationChange)
        try each(batch.allocations, stored: EntryReader.allocation, insert: insertAllocation)
        try each(batch.allocationChanges.filter { !$0.value.delta.isNegative },
                 stored: EntryReader.allocationChange, insert: insertAllocationChange)
        try each(batch.bids, stored: EntryReader.bid, insert: insertBid)
        try each(batch.awards, stored: EntryReader.award, insert: insertAward)
        try each(batch.claims, stored: EntryReader.claim, insert: insertClaim)
        try each(batch.payments, stored: EntryReader.payment, insert: insertPayment)
        try each(batch.closures, stored: EntryReader.closure, insert: insertClosure)
        try each(batch.awardWithdrawals, stored: EntryReader.awardWithdrawal, insert: insertAwardWithdrawal)
        try each(batch.underspendReturns, stored: EntryReader.underspendReturn, insert: insertReturn)
        try each(batch.contributions, stored: EntryReader.contribution, insert: insertContribution)
        try each(batch.withdrawals, stored: EntryReader.withdrawal, insert: insertWithdrawal)
        try each(batch.receipts, stored: EntryReader.receipt, insert: insertReceipt)
        try each(batch.yearClosures, stored: EntryReader.yearClosure, insert: insertYearClosure)
        return RecordOutcome(added: added, unchanged: unchanged)
    }

    /// Records each entry that is new; returns those it inserted.
    @discardableResult
    private func each<E: LedgerEntry>(
        _ entries: [Sourced<E>],
        stored: (String, Database) throws -> E?,
        insert: (E, Origin?) throws -> Void
    ) throws -> [Sourced<E>] {
        var seen: [String: Sourced<E>] = [:]
        var inserted: [Sourced<E>] = []
        for entry in entries {
            let id = entry.value.entryID
            let fields = entry.value.fields
            if let earlier = seen[id] {
                if earlier.value.fields == fields {
                    unchanged += 1
                    continue
                }
                let first = earlier.origin.map { " (first at \($0.location()))" } ?? ""
                throw LedgerError(
                    .duplicateID,
                    "\(E.kind.title) \(id) is given twice with different contents\(first); ids must be unique",
                    origin: entry.origin, field: "id", entryID: id)
            }
            seen[id] = entry
            if let existing = try stored(id, db) {
                let differences = existing.fields.differences(from: fields)
                if differences.isEmpty {
                    unchanged += 1
                    continue
                }
                let listed = differences.map { "\($0.field) is \($0.mine) in the ledger but \($0.theirs) here" }
                throw LedgerError(
                    .conflict,
                    "\(E.kind.title) \(id) is already in the ledger with different contents: "
                        + listed.joined(separator: "; ")
                        + ". Entries are never edited: record a correction as a new entry",
                    origin: entry.origin, field: differences.first?.field, entryID: id)
            }
            try insert(entry.value, entry.origin)
            try db.execute(
                sql: """
                    INSERT INTO history (at, actor, action, kind, entry_id, reason, source, detail)
                    VALUES (?, ?, 'record', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    change.at.text, change.actor, E.kind.rawValue, id, change.reason,
                    entry.origin?.location(), fields.summary,
                ])
            added[E.kind, default: 0] += 1
            inserted.append(entry)
        }
        return inserted
    }

    // MARK: - Organisations and funds

    private func insertMembers(of org: Organisation, origin: Origin?) throws {
        if !org.members.isEmpty && org.kind != .communitySafetyPartnership {
            throw LedgerError(
                .invalidEntry, "only a community safety partnership has members; \(org.id) is \(org.kind.title)",
                origin: origin, field: "members", entryID: org.id.rawValue)
        }
        for (position, member) in org.members.enumerated() {
            let memberOrg = try requireOrganisation(member, field: "members", of: org.id.rawValue, origin: origin)
            guard memberOrg.kind.canBeResponsibleAuthority else {
                throw LedgerError(
                    .invalidEntry,
                    "\(member) (\(memberOrg.name)) is \(memberOrg.kind.title), which cannot be a responsible "
                        + "authority; expected a local authority, police, fire and rescue, probation or health body",
                    origin: origin, field: "members", entryID: org.id.rawValue)
            }
            try db.execute(
                sql: "INSERT INTO csp_members (csp_id, member_id, position) VALUES (?, ?, ?)",
                arguments: [org.id.rawValue, member.rawValue, position])
        }
    }

    private func insertFund(_ fund: Fund, origin: Origin?) throws {
        try requirePositive(fund.amount, field: "amount", of: fund.id, origin: origin)
        _ = try requireOrganisation(fund.funder, field: "funder", of: fund.id, origin: origin)
        try db.execute(
            sql: "INSERT INTO funds (id, name, scheme, year_start, amount, funder_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [fund.id, fund.name, fund.scheme.rawValue, fund.year.startYear, fund.amount.pence,
                        fund.funder.rawValue])
    }

    // MARK: - Allocations, bids and awards

    private func insertAllocation(_ allocation: Allocation, origin: Origin?) throws {
        let id = allocation.id
        try requirePositive(allocation.amount, field: "amount", of: id, origin: origin)
        let fund = try requireFund(allocation.fund, of: id, origin: origin)
        if try EntryReader.yearClosure(fund.year.label, db) != nil {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: fund \(fund.id) takes no new allocations",
                origin: origin, field: "fund", entryID: id)
        }
        guard fund.scheme.awardsDrawOnAllocations else {
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a \(fund.scheme.rawValue) fund, which is not split into CSP allocations",
                origin: origin, field: "fund", entryID: id)
        }
        let csp = try requireOrganisation(allocation.csp, field: "csp", of: id, origin: origin)
        guard csp.kind == .communitySafetyPartnership else {
            throw LedgerError(
                .invalidEntry, "\(csp.id) (\(csp.name)) is \(csp.kind.title), not a community safety partnership",
                origin: origin, field: "csp", entryID: id)
        }
        try requireRoom(in: fund, for: allocation.amount, field: "amount", of: id, origin: origin) { after, left in
            "allocating \(allocation.amount.formatted) would take fund \(fund.id) to \(after.formatted), over its "
                + "\(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try db.execute(
            sql: "INSERT INTO allocations (id, fund_id, csp_id, amount, decision, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, fund.id, csp.id.rawValue, allocation.amount.pence, allocation.decision,
                        allocation.date.description])
    }

    private func insertAllocationChange(_ change: AllocationChange, origin: Origin?) throws {
        let id = change.id
        guard change.delta != .zero else {
            throw LedgerError(.invalidEntry, "the change is £0.00", origin: origin, field: "delta", entryID: id)
        }
        guard let allocation = try EntryReader.allocation(change.allocation, db) else {
            throw unknown("allocation", change.allocation, field: "allocation", of: id, origin: origin)
        }
        let fund = try requireFund(allocation.fund, of: id, origin: origin)
        if try EntryReader.yearClosure(fund.year.label, db) != nil {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: its allocations cannot change",
                origin: origin, field: "allocation", entryID: id)
        }
        let total = try allocationTotal(allocation.id)
        let after = try add(total, change.delta, origin: origin, field: "delta", id: id)
        let committed = try committedOn(allocation: allocation.id)
        if after < committed {
            throw LedgerError(
                .exceedsAllocation,
                "cutting allocation \(allocation.id) (\(allocation.csp)) to \(after.formatted) would take away committed "
                    + "money: \(committed.formatted) is committed, so it can be cut by at most "
                    + "\(try left(total, committed).formatted)",
                origin: origin, field: "delta", entryID: id)
        }
        try requireRoom(in: fund, for: change.delta, field: "delta", of: id, origin: origin) { after, left in
            "increasing allocation \(allocation.id) by \(change.delta.formatted) would take fund \(fund.id) to "
                + "\(after.formatted), over its \(fund.amount.formatted); \(left.formatted) is left to allocate"
        }
        try db.execute(
            sql: "INSERT INTO allocation_changes (id, allocation_id, delta, decision, date, reason) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, allocation.id, change.delta.pence, change.decision, change.date.description, change.reason])
    }

    private func insertBid(_ bid: Bid, origin: Origin?) throws {
        try requirePositive(bid.requested, field: "requested", of: bid.id, origin: origin)
        _ = try requireFund(bid.fund, of: bid.id, origin: origin)
        _ = try requireOrganisation(bid.applicant, field: "applicant", of: bid.id, origin: origin)
        if let csp = bid.csp {
            try requireCSP(csp, of: bid.id, origin: origin)
        }
        try db.execute(
            sql: """
                INSERT INTO bids (id, fund_id, applicant_id, title, requested, submitted, csp_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [bid.id, bid.fund, bid.applicant.rawValue, bid.title, bid.requested.pence,
                        bid.submitted.description, bid.csp?.rawValue])
    }

    private func insertAward(_ award: Award, origin: Origin?) throws {
        let id = award.id
        try requirePositive(award.amount, field: "amount", of: id, origin: origin)
        guard award.plannedStart <= award.plannedEnd else {
            throw LedgerError(
                .invalidEntry,
                "the planned start \(award.plannedStart) is after the planned end \(award.plannedEnd)",
                origin: origin, field: "planned_start", entryID: id)
        }
        let fund = try requireFund(award.fund, of: id, origin: origin)
        if try EntryReader.yearClosure(fund.year.label, db) != nil {
            throw LedgerError(
                .invalidEntry, "the financial year \(fund.year) is closed: fund \(fund.id) takes no new awards",
                origin: origin, field: "fund", entryID: id)
        }
        _ = try requireOrganisation(award.recipient, field: "recipient", of: id, origin: origin)
        if let bidID = award.bid {
            guard let bid = try EntryReader.bid(bidID, db) else {
                throw unknown("bid", bidID, field: "bid", of: id, origin: origin)
            }
            guard bid.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "bid \(bidID) was made to fund \(bid.fund), not \(fund.id)",
                    origin: origin, field: "bid", entryID: id)
            }
        }
        switch (fund.scheme.awardsDrawOnAllocations, award.allocation) {
        case (true, nil):
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a CSP grant fund: an award must name the CSP allocation it draws on",
                origin: origin, field: "allocation", entryID: id)
        case (false, .some):
            throw LedgerError(
                .invalidEntry,
                "fund \(fund.id) is a \(fund.scheme.rawValue) fund, which has no CSP allocations to draw on",
                origin: origin, field: "allocation", entryID: id)
        case (true, .some(let allocationID)):
            guard let allocation = try EntryReader.allocation(allocationID, db) else {
                throw unknown("allocation", allocationID, field: "allocation", of: id, origin: origin)
            }
            guard allocation.fund == fund.id else {
                throw LedgerError(
                    .invalidEntry, "allocation \(allocationID) is from fund \(allocation.fund), not \(fund.id)",
                    origin: origin, field: "allocation", entryID: id)
            }
            let committed = try committedOn(allocation: allocationID)
            let total = try allocationTotal(allocationID)
            let after = try add(committed, award.amount, origin: origin, field: "amount", id: id)
            if after > total {
                throw LedgerError(
                    .exceedsAllocation,
                    "awarding \(award.amount.formatted) would commit \(after.formatted) of allocation \(allocationID) "
                        + "(\(allocation.csp)), over its \(total.formatted); "
                        + "\(try left(total, committed).formatted) is left",
                    origin: origin, field: "amount", entryID: id)
            }
        case (false, nil):
            try requireRoom(in: fund, for: award.amount, field: "amount", of: id, origin: origin) { after, left in
                "awarding \(award.amount.formatted) would commit \(after.formatted) of fund \(fund.id), over its "
                    + "\(fund.amount.formatted); \(left.formatted) is left"
            }
        }
        try db.execute(
            sql: """
                INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision,
                                    award_date, planned_start, planned_end, priorities)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, award.bid, fund.id, award.allocation, award.recipient.rawValue, award.title, award.amount.pence,
                award.decision, award.awardDate.description, award.plannedStart.description,
                award.plannedEnd.description, award.priorities.map(\.slug).joined(separator: ","),
            ])
    }

    // MARK: - Payments and underspend

    private func insertPayment(_ payment: Payment, origin: Origin?) throws {
        let id = payment.id
        try requirePositive(payment.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(payment.award, of: id, origin: origin)
        try requireNotBefore(payment.date, award, of: id, origin: origin)
        try requireOpen(award, doing: "paid", of: id, origin: origin)
        if let claimID = payment.claim {
            guard let claim = try EntryReader.claim(claimID, db) else {
                throw unknown("claim", claimID, field: "claim", of: id, origin: origin)
            }
            guard claim.award == award.id else {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) is on award \(claim.award), not \(award.id)", origin: origin,
                    field: "claim", entryID: id)
            }
            if let paidBy = try String.fetchOne(db, sql: "SELECT id FROM payments WHERE claim_id = ?", arguments: [claimID]) {
                throw LedgerError(
                    .invalidEntry, "claim \(claimID) was already paid by \(paidBy)", origin: origin, field: "claim",
                    entryID: id)
            }
            guard claim.amount == payment.amount else {
                throw LedgerError(
                    .invalidEntry, "pays \(payment.amount.formatted), but claim \(claimID) is for \(claim.amount.formatted)",
                    origin: origin, field: "amount", entryID: id)
            }
            guard payment.date >= claim.date else {
                throw LedgerError(
                    .invalidEntry, "\(payment.date) is before claim \(claimID) was made on \(claim.date)", origin: origin,
                    field: "date", entryID: id)
            }
        }
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let after = try add(paid, payment.amount, origin: origin, field: "amount", id: id)
        if after > award.amount {
            throw LedgerError(
                .exceedsAward,
                "paying \(payment.amount.formatted) would take award \(award.id) to \(after.formatted) paid, over the "
                    + "\(award.amount.formatted) awarded; \(try left(award.amount, paid).formatted) is left to pay",
                origin: origin, field: "amount", entryID: id)
        }
        if payment.claim == nil {
            // A payment outside the claims must leave room to pay every claim still waiting.
            let waiting = try db.sum(
                "claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id)", [award.id])
            let promised = try add(after, waiting, origin: origin, field: "amount", id: id)
            if promised > award.amount {
                throw LedgerError(
                    .exceedsAward,
                    "paying \(payment.amount.formatted) outside a claim would leave the \(waiting.formatted) of claims "
                        + "waiting on award \(award.id) unpayable: \(promised.formatted) against \(award.amount.formatted) "
                        + "awarded; pay the claims instead",
                    origin: origin, field: "amount", entryID: id)
            }
        }
        try db.execute(
            sql: "INSERT INTO payments (id, award_id, claim_id, amount, date, reference) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, payment.claim, payment.amount.pence, payment.date.description, payment.reference])
    }

    private func insertReturn(_ entry: UnderspendReturn, origin: Origin?) throws {
        let id = entry.id
        try requirePositive(entry.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(entry.award, of: id, origin: origin)
        try requireNotBefore(entry.date, award, of: id, origin: origin)
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let returned = try db.sum("underspend_returns WHERE award_id = ?", [award.id])
        let after = try add(returned, entry.amount, origin: origin, field: "amount", id: id)
        if let owed = try Int64.fetchOne(db, sql: "SELECT owed FROM award_closures WHERE award_id = ?", arguments: [award.id]),
           after.pence > owed {
            throw LedgerError(
                .exceedsPaid,
                "returning \(entry.amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(Money(pence: owed).formatted) owed back at its close",
                origin: origin, field: "amount", entryID: id)
        }
        if after > paid {
            throw LedgerError(
                .exceedsPaid,
                "returning \(entry.amount.formatted) would take the underspend returned on award \(award.id) to "
                    + "\(after.formatted), more than the \(paid.formatted) paid on it",
                origin: origin, field: "amount", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO underspend_returns (id, award_id, amount, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, entry.amount.pence, entry.date.description, entry.reason])
    }

    // MARK: - Lifecycle

    /// Refuses a step on an award that is closed or withdrawn.
    private func requireOpen(_ award: Award, doing step: String, of id: String, origin: Origin?) throws {
        if let closure = try EntryReader.closureOf(award: award.id, db) {
            throw LedgerError(
                .invalidEntry, "award \(award.id) was closed on \(closure.date) (\(closure.id)) and cannot be \(step)",
                origin: origin, field: "award", entryID: id)
        }
        if let withdrawal = try EntryReader.withdrawalOf(award: award.id, db) {
            throw LedgerError(
                .invalidEntry,
                "award \(award.id) was withdrawn on \(withdrawal.date) (\(withdrawal.reason)) and cannot be \(step)",
                origin: origin, field: "award", entryID: id)
        }
    }

    private func insertClaim(_ claim: Claim, origin: Origin?) throws {
        let id = claim.id
        try requirePositive(claim.amount, field: "amount", of: id, origin: origin)
        let award = try requireAward(claim.award, of: id, origin: origin)
        try requireOpen(award, doing: "claimed on", of: id, origin: origin)
        guard claim.date >= award.awardDate else {
            throw LedgerError(
                .invalidEntry, "the claim is dated \(claim.date), before award \(award.id) was made on \(award.awardDate)",
                origin: origin, field: "date", entryID: id)
        }
        guard claim.periodStart <= claim.periodEnd else {
            throw LedgerError(
                .invalidEntry, "the period starts \(claim.periodStart), after it ends \(claim.periodEnd)", origin: origin,
                field: "period_start", entryID: id)
        }
        // Claims and payments made without a claim together never pass the award, so every claim can be paid.
        let claimed = try db.sum("claims WHERE award_id = ?", [award.id])
        let paidWithoutClaim = try db.sum("payments WHERE award_id = ? AND claim_id IS NULL", [award.id])
        let drawn = try add(claimed, paidWithoutClaim, origin: origin, field: "amount", id: id)
        let after = try add(drawn, claim.amount, origin: origin, field: "amount", id: id)
        if after > award.amount {
            throw LedgerError(
                .exceedsAward,
                "claiming \(claim.amount.formatted) would take the claims on award \(award.id) to \(after.formatted), over "
                    + "the \(award.amount.formatted) awarded; \(try left(award.amount, drawn).formatted) is left to claim",
                origin: origin, field: "amount", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO claims (id, award_id, period_start, period_end, amount, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, claim.periodStart.description, claim.periodEnd.description, claim.amount.pence,
                        claim.date.description])
    }

    private func insertClosure(_ closure: AwardClosure, origin: Origin?) throws {
        let id = closure.id
        let award = try requireAward(closure.award, of: id, origin: origin)
        try requireOpen(award, doing: "closed again", of: id, origin: origin)
        guard !closure.spent.isNegative else {
            throw LedgerError(.invalidEntry, "spent is negative", origin: origin, field: "spent", entryID: id)
        }
        try requireNotBefore(closure.date, award, of: id, origin: origin)
        if let unpaid = try String.fetchOne(
            db, sql: "SELECT c.id FROM claims c WHERE c.award_id = ? AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.claim_id = c.id) ORDER BY c.id",
            arguments: [award.id]) {
            throw LedgerError(
                .invalidEntry, "claim \(unpaid) on award \(award.id) is not paid yet; pay it before closing",
                origin: origin, field: "award", entryID: id)
        }
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        let released = try left(award.amount, paid)
        let owed = closure.spent >= paid ? Money.zero : try left(paid, closure.spent)
        // Underspend handed back before the return must fit in what the return says is owed.
        let returned = try db.sum("underspend_returns WHERE award_id = ?", [award.id])
        if returned > owed {
            throw LedgerError(
                .invalidEntry,
                "\(returned.formatted) of the \(paid.formatted) paid was already returned, so at most "
                    + "\(try left(paid, returned).formatted) can have been spent, not \(closure.spent.formatted)",
                origin: origin, field: "spent", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO award_closures (id, award_id, spent, released, owed, date) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, award.id, closure.spent.pence, released.pence, owed.pence, closure.date.description])
    }

    private func insertAwardWithdrawal(_ withdrawal: AwardWithdrawal, origin: Origin?) throws {
        let id = withdrawal.id
        let award = try requireAward(withdrawal.award, of: id, origin: origin)
        try requireOpen(award, doing: "withdrawn", of: id, origin: origin)
        try requireNotBefore(withdrawal.date, award, of: id, origin: origin)
        let paid = try db.sum("payments WHERE award_id = ?", [award.id])
        guard paid == .zero else {
            throw LedgerError(
                .invalidEntry,
                "award \(award.id) has \(paid.formatted) paid on it: close it with what was spent instead of withdrawing it",
                origin: origin, field: "award", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO award_withdrawals (id, award_id, released, date, reason) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, award.id, award.amount.pence, withdrawal.date.description, withdrawal.reason])
    }

    private func insertReceipt(_ receipt: ContributionReceipt, origin: Origin?) throws {
        let id = receipt.id
        try requirePositive(receipt.amount, field: "amount", of: id, origin: origin)
        guard let schedule = try EntryReader.contribution(receipt.contribution, db) else {
            throw unknown("contribution", receipt.contribution, field: "contribution", of: id, origin: origin)
        }
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM contribution_withdrawals WHERE contribution_id = ?", arguments: [schedule.id]) {
            let withdrawal = try EntryReader.withdrawal(row)
            if withdrawal.cancels(receipt.year) {
                throw LedgerError(
                    .invalidEntry,
                    "contribution \(schedule.id) was withdrawn from \(withdrawal.effective): nothing is due for \(receipt.year)",
                    origin: origin, field: "financial_year", entryID: id)
            }
        }
        guard let instalment = schedule.instalments.first(where: { $0.year == receipt.year }) else {
            throw LedgerError(
                .invalidEntry, "contribution \(schedule.id) has no instalment for \(receipt.year)", origin: origin,
                field: "financial_year", entryID: id)
        }
        let received = try db.sum("contribution_receipts WHERE contribution_id = ? AND year_start = ?",
                                  [schedule.id, receipt.year.startYear])
        let after = try add(received, receipt.amount, origin: origin, field: "amount", id: id)
        if after > instalment.amount {
            throw LedgerError(
                .exceedsAward,
                "receiving \(receipt.amount.formatted) would take \(receipt.year) receipts on \(schedule.id) to "
                    + "\(after.formatted), over the \(instalment.amount.formatted) due",
                origin: origin, field: "amount", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO contribution_receipts (id, contribution_id, year_start, amount, date) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, schedule.id, receipt.year.startYear, receipt.amount.pence, receipt.date.description])
    }

    private func insertYearClosure(_ closure: YearClosure, origin: Origin?) throws {
        let open = try YearEnd.report(year: closure.year, db).openItems
        if let first = open.first {
            throw LedgerError(
                .invalidEntry,
                "\(closure.year) cannot close: \(open.count) thing(s) still open, first \(first); see grants year-end",
                origin: origin, field: "financial_year", entryID: closure.year.label)
        }
        try db.execute(
            sql: "INSERT INTO year_closures (year_start, date) VALUES (?, ?)",
            arguments: [closure.year.startYear, closure.date.description])
    }

    // MARK: - Contributions

    private func insertContribution(_ schedule: ContributionSchedule, origin: Origin?) throws {
        let id = schedule.id
        _ = try requireOrganisation(schedule.contributor, field: "contributor", of: id, origin: origin)
        _ = try requireOrganisation(schedule.recipient, field: "recipient", of: id, origin: origin)
        guard !schedule.instalments.isEmpty else {
            throw LedgerError(
                .invalidEntry, "a contribution needs at least one year's amount", origin: origin, field: "years",
                entryID: id)
        }
        try db.execute(
            sql: """
                INSERT INTO contributions (id, contributor_id, recipient_id, service, committed, reason)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [id, schedule.contributor.rawValue, schedule.recipient.rawValue, schedule.service,
                        schedule.committed.description, schedule.reason])
        var years = Set<FinancialYear>()
        for instalment in schedule.instalments {
            try requirePositive(instalment.amount, field: "years", of: id, origin: origin)
            guard years.insert(instalment.year).inserted else {
                throw LedgerError(
                    .invalidEntry, "the year \(instalment.year) is given twice", origin: origin, field: "years",
                    entryID: id)
            }
            try db.execute(
                sql: "INSERT INTO contribution_years (contribution_id, year_start, amount) VALUES (?, ?, ?)",
                arguments: [id, instalment.year.startYear, instalment.amount.pence])
        }
    }

    private func insertWithdrawal(_ withdrawal: ContributionWithdrawal, origin: Origin?) throws {
        let id = withdrawal.id
        guard try EntryReader.contribution(withdrawal.schedule, db) != nil else {
            throw unknown("contribution", withdrawal.schedule, field: "contribution", of: id, origin: origin)
        }
        if let row = try Row.fetchOne(
            db, sql: "SELECT * FROM contribution_withdrawals WHERE contribution_id = ?",
            arguments: [withdrawal.schedule]) {
            let earlier = try EntryReader.withdrawal(row)
            throw LedgerError(
                .invalidEntry,
                "contribution \(withdrawal.schedule) was already withdrawn by \(earlier.id) from \(earlier.effective)",
                origin: origin, field: "contribution", entryID: id)
        }
        try db.execute(
            sql: "INSERT INTO contribution_withdrawals (id, contribution_id, effective, reason) VALUES (?, ?, ?, ?)",
            arguments: [id, withdrawal.schedule, withdrawal.effective.description, withdrawal.reason])
    }

    // MARK: - Checks

    /// Refuses `amount` more drawn on `fund` (allocations and direct awards) when it would pass the fund; the
    /// message is told what the total would be and what is left.
    private func requireRoom(
        in fund: Fund, for amount: Money, field: String, of id: String, origin: Origin?,
        message: (_ after: Money, _ left: Money) -> String
    ) throws {
        let drawn = try drawnOnFund(fund.id)
        let after = try add(drawn, amount, origin: origin, field: field, id: id)
        if after > fund.amount {
            throw LedgerError(
                .exceedsFund, message(after, try left(fund.amount, drawn)), origin: origin, field: field, entryID: id)
        }
    }

    /// Allocations plus awards made directly on the fund: what the fund's budget must cover.
    private func drawnOnFund(_ fundID: String) throws -> Money {
        try db.drawn(onFund: fundID)
    }

    /// An allocation's amount after every change decided since it was made.
    private func allocationTotal(_ allocation: String) throws -> Money {
        Money(pence: try Int64.fetchOne(
            db, sql: "SELECT amount FROM allocation_totals WHERE allocation_id = ?", arguments: [allocation]) ?? 0)
    }

    /// What the awards on an allocation still commit, after closures and withdrawals released their unpaid parts.
    private func committedOn(allocation: String) throws -> Money {
        Money(pence: try Int64.fetchOne(
            db, sql: "SELECT COALESCE(SUM(committed), 0) FROM award_commitments WHERE allocation_id = ?",
            arguments: [allocation]) ?? 0)
    }

    private func add(_ a: Money, _ b: Money, origin: Origin?, field: String, id: String) throws -> Money {
        do {
            return try a.adding(b)
        } catch {
            throw LedgerError(.overflow, "the total would be too large to hold exactly", origin: origin, field: field,
                              entryID: id)
        }
    }

    private func left(_ budget: Money, _ used: Money) throws -> Money {
        try budget.subtracting(used)
    }

    private func requirePositive(_ amount: Money, field: String, of id: String, origin: Origin?) throws {
        guard amount > .zero else {
            throw LedgerError(
                .invalidEntry, "the amount is \(amount.plain); expected more than 0.00", origin: origin, field: field,
                entryID: id)
        }
    }

    private func requireNotBefore(_ date: Day, _ award: Award, of id: String, origin: Origin?) throws {
        guard date >= award.awardDate else {
            throw LedgerError(
                .invalidEntry, "\(date) is before award \(award.id) was made on \(award.awardDate)", origin: origin,
                field: "date", entryID: id)
        }
    }

    private func requireOrganisation(_ orgID: OrganisationID, field: String, of id: String, origin: Origin?) throws
        -> Organisation
    {
        guard let org = try EntryReader.organisation(orgID.rawValue, db) else {
            throw unknown("organisation", orgID.rawValue, field: field, of: id, origin: origin)
        }
        return org
    }

    private func requireCSP(_ orgID: OrganisationID, of id: String, origin: Origin?) throws {
        let org = try requireOrganisation(orgID, field: "csp", of: id, origin: origin)
        guard org.kind == .communitySafetyPartnership else {
            throw LedgerError(
                .invalidEntry, "\(org.id) (\(org.name)) is \(org.kind.title), not a community safety partnership",
                origin: origin, field: "csp", entryID: id)
        }
    }

    private func requireFund(_ fundID: String, of id: String, origin: Origin?) throws -> Fund {
        guard let fund = try EntryReader.fund(fundID, db) else {
            throw unknown("fund", fundID, field: "fund", of: id, origin: origin)
        }
        return fund
    }

    private func requireAward(_ awardID: String, of id: String, origin: Origin?) throws -> Award {
        guard let award = try EntryReader.award(awardID, db) else {
            throw unknown("award", awardID, field: "award", of: id, origin: origin)
        }
        return award
    }

    private func unknown(_ kind: String, _ ref: String, field: String, of id: String, origin: Origin?) -> LedgerError {
        LedgerError(
            .unknownReference,
            "no \(kind) \(ref) is in the ledger or in this import; record the \(kind) first",
            origin: origin, field: field, entryID: id)
    }
}
