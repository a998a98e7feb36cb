import GRDB
import GrantsCore

/// Reads stored entries back into domain values.
enum EntryReader {
    static func organisation(_ id: String, _ db: Database) throws -> Organisation? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM organisations WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let members = try String.fetchAll(
            db, sql: "SELECT member_id FROM csp_members WHERE csp_id = ? ORDER BY position", arguments: [id])
        let kindText = try row.text("kind", in: "organisations")
        guard let kind = OrganisationKind(rawValue: kindText) else {
            throw LedgerError(.database, "the ledger is damaged: organisations.kind holds '\(kindText)'")
        }
        return Organisation(
            id: try row.organisationID("id", in: "organisations"),
            name: try row.text("name", in: "organisations"),
            kind: kind,
            members: try members.map { text throws(LedgerError) in try parseStoredID(text) },
            charityNumber: row["charity_number"],
            companyNumber: row["company_number"],
            locationCode: row["location_code"],
            isExample: (row["example"] as Int?) == 1
        )
    }

    static func fund(_ id: String, _ db: Database) throws -> Fund? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM funds WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let schemeText = try row.text("scheme", in: "funds")
        guard let scheme = Scheme(rawValue: schemeText) else {
            throw LedgerError(.database, "the ledger is damaged: funds.scheme holds '\(schemeText)'")
        }
        return Fund(
            id: try row.text("id", in: "funds"), name: try row.text("name", in: "funds"), scheme: scheme,
            year: try row.year("year_start", in: "funds"), amount: try row.money("amount", in: "funds"),
            funder: try row.organisationID("funder_id", in: "funds"))
    }

    static func allocation(_ id: String, _ db: Database) throws -> Allocation? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM allocations WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "allocations"
        return Allocation(
            id: try row.text("id", in: t), fund: try row.text("fund_id", in: t),
            csp: try row.organisationID("csp_id", in: t), amount: try row.money("amount", in: t),
            decision: try row.text("decision", in: t), date: try row.day("date", in: t))
    }

    static func allocationChange(_ id: String, _ db: Database) throws -> AllocationChange? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM allocation_changes WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "allocation_changes"
        return AllocationChange(
            id: try row.text("id", in: t), allocation: try row.text("allocation_id", in: t),
            delta: try row.money("delta", in: t), decision: try row.text("decision", in: t),
            date: try row.day("date", in: t), reason: try row.text("reason", in: t))
    }

    static func bid(_ id: String, _ db: Database) throws -> Bid? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM bids WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "bids"
        let csp: OrganisationID? = try (row["csp_id"] as String?).map { text throws(LedgerError) in
            try parseStoredID(text)
        }
        return Bid(
            id: try row.text("id", in: t), fund: try row.text("fund_id", in: t),
            applicant: try row.organisationID("applicant_id", in: t), title: try row.text("title", in: t),
            requested: try row.money("requested", in: t), submitted: try row.day("submitted", in: t), csp: csp)
    }

    static func award(_ id: String, _ db: Database) throws -> Award? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM awards WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "awards"
        let prioritiesText = try row.text("priorities", in: t)
        let priorities = try prioritiesText.split(separator: ",").map { slug throws(LedgerError) in
            do {
                return try Priority(parsing: String(slug))
            } catch {
                throw LedgerError(.database, "the ledger is damaged: awards.priorities holds '\(slug)'")
            }
        }
        return Award(
            id: try row.text("id", in: t), bid: row["bid_id"], fund: try row.text("fund_id", in: t),
            allocation: row["allocation_id"], recipient: try row.organisationID("recipient_id", in: t),
            title: try row.text("title", in: t), amount: try row.money("amount", in: t),
            decision: try row.text("decision", in: t), awardDate: try row.day("award_date", in: t),
            plannedStart: try row.day("planned_start", in: t), plannedEnd: try row.day("planned_end", in: t),
            priorities: priorities)
    }

    static func payment(_ id: String, _ db: Database) throws -> Payment? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM payments WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "payments"
        return Payment(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), claim: row["claim_id"],
            amount: try row.money("amount", in: t), date: try row.day("date", in: t), reference: row["reference"])
    }

    static func underspendReturn(_ id: String, _ db: Database) throws -> UnderspendReturn? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM underspend_returns WHERE id = ?", arguments: [id])
        else { return nil }
        let t = "underspend_returns"
        return UnderspendReturn(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t),
            amount: try row.money("amount", in: t), date: try row.day("date", in: t), reason: row["reason"])
    }

    static func contribution(_ id: String, _ db: Database) throws -> ContributionSchedule? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contributions WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let t = "contributions"
        let years = try Row.fetchAll(
            db, sql: "SELECT * FROM contribution_years WHERE contribution_id = ? ORDER BY year_start", arguments: [id])
        let instalments = try years.map { year throws(LedgerError) in
            ContributionSchedule.Instalment(
                year: try year.year("year_start", in: "contribution_years"),
                amount: try year.money("amount", in: "contribution_years"))
        }
        return ContributionSchedule(
            id: try row.text("id", in: t), contributor: try row.organisationID("contributor_id", in: t),
            recipient: try row.organisationID("recipient_id", in: t), service: try row.text("service", in: t),
            committed: try row.day("committed", in: t), reason: try row.text("reason", in: t),
            instalments: instalments)
    }

    static func withdrawal(_ id: String, _ db: Database) throws -> ContributionWithdrawal? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contribution_withdrawals WHERE id = ?", arguments: [id])
        else { return nil }
        return try withdrawal(row)
    }

    static func withdrawal(_ row: Row) throws(LedgerError) -> ContributionWithdrawal {
        let t = "contribution_withdrawals"
        return ContributionWithdrawal(
            id: try row.text("id", in: t), schedule: try row.text("contribution_id", in: t),
            effective: try row.day("effective", in: t), reason: try row.text("reason", in: t))
    }

    static func claim(_ id: String, _ db: Database) throws -> Claim? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM claims WHERE id = ?", arguments: [id]) else { return nil }
        let t = "claims"
        return Claim(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t),
            periodStart: try row.day("period_start", in: t), periodEnd: try row.day("period_end", in: t),
            amount: try row.money("amount", in: t), date: try row.day("date", in: t))
    }

    static func closure(_ id: String, _ db: Database) throws -> AwardClosure? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_closures WHERE id = ?", arguments: [id]).map(closure)
    }

    static func closureOf(award: String, _ db: Database) throws -> AwardClosure? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_closures WHERE award_id = ?", arguments: [award]).map(closure)
    }

    static func closure(_ row: Row) throws(LedgerError) -> AwardClosure {
        let t = "award_closures"
        return AwardClosure(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), spent: try row.money("spent", in: t),
            date: try row.day("date", in: t))
    }

    static func awardWithdrawal(_ id: String, _ db: Database) throws -> AwardWithdrawal? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_withdrawals WHERE id = ?", arguments: [id]).map(awardWithdrawal)
    }

    static func withdrawalOf(award: String, _ db: Database) throws -> AwardWithdrawal? {
        try Row.fetchOne(db, sql: "SELECT * FROM award_withdrawals WHERE award_id = ?", arguments: [award])
            .map(awardWithdrawal)
    }

    static func awardWithdrawal(_ row: Row) throws(LedgerError) -> AwardWithdrawal {
        let t = "award_withdrawals"
        return AwardWithdrawal(
            id: try row.text("id", in: t), award: try row.text("award_id", in: t), date: try row.day("date", in: t),
            reason: try row.text("reason", in: t))
    }

    static func receipt(_ id: String, _ db: Database) throws -> ContributionReceipt? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contribution_receipts WHERE id = ?", arguments: [id])
        else { return nil }
        let t = "contribution_receipts"
        return ContributionReceipt(
            id: try row.text("id", in: t), contribution: try row.text("contribution_id", in: t),
            year: try row.year("year_start", in: t), amount: try row.money("amount", in: t),
            date: try row.day("date", in: t))
    }

    /// The closure of a financial year, by its label (`2017/18`).
    static func yearClosure(_ label: String, _ db: Database) throws -> YearClosure? {
        guard let year = try? FinancialYear(parsing: label),
              let row = try Row.fetchOne(db, sql: "SELECT * FROM year_closures WHERE year_start = ?", arguments: [year.startYear])
        else { return nil }
        return YearClosure(year: year, date: try row.day("date", in: "year_closures"))
    }

    private static func parseStoredID(_ text: String) throws(LedgerError) -> OrganisationID {
        do {
            return try OrganisationID(parsing: text)
        } catch {
            throw LedgerError(.database, "the ledger is damaged: \(error)")
        }
    }
}
