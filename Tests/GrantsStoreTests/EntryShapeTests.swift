import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// The ledger itself refuses a malformed id, decision reference or piece of free text, whoever built the batch (the
/// importer, the command line, the web app), before it writes anything.
@Suite struct EntryShapeTests {
    /// One entry built in code, as a front end would, and the field the ledger must name.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let batch: LedgerBatch
        let field: String
        let entryID: String
        var mentions: [String] = []
        var testDescription: String { name }
    }

    /// A constant of the test itself; a bad one is a broken test, not input.
    static func known<T>(_ value: T?) -> T {
        guard let value else { preconditionFailure("a test constant does not parse") }
        return value
    }
    static func day(_ text: String) -> Day { known(try? Day(parsing: text)) }
    static func org(_ text: String) -> OrganisationID { known(try? OrganisationID(parsing: text)) }
    static let pounds = Money(pence: 10_000)
    static let fy2017 = known(FinancialYear(startYear: 2017))

    static func single<E: LedgerEntry>(_ entry: E) -> LedgerBatch {
        var batch = LedgerBatch()
        batch[keyPath: E.batchEntries] = [Sourced(entry)]
        return batch
    }

    static func award(id: String = "AW-1", title: String = "Youth project", decision: String = "2017/81") -> Award {
        Award(
            id: id, fund: "CSP-2017-18", allocation: "ALLOC-SR", recipient: org("GB-LAE-SRI"), title: title,
            amount: pounds, decision: decision, awardDate: day("2017-07-03"), plannedStart: day("2017-07-10"),
            plannedEnd: day("2018-03-31"), priorities: [])
    }

    static func change(id: String = "CH-1", decision: String = "2018/02", reason: String = "re-plan") -> AllocationChange {
        AllocationChange(
            id: id, allocation: "ALLOC-SR", delta: Money(pence: -100), decision: decision, date: day("2018-01-10"),
            reason: reason)
    }

    static func schedule(id: String = "C-1", service: String = "IDVA", reason: String = "agreement") -> ContributionSchedule {
        ContributionSchedule(
            id: id, contributor: org("GB-LAE-SRI"), recipient: org("360G-Test-OPCC"), service: service,
            committed: day("2017-03-01"), reason: reason,
            instalments: [.init(year: fy2017, amount: pounds)])
    }

    /// A bad id on an entry of every kind that has one of its own (a year closure's id is its year).
    static let badIDs: [Case] = [
        Case(
            name: "an organisation id longer than 100 characters",
            batch: single(Organisation(
                id: org("360G-Test-" + String(repeating: "A", count: 100)), name: "Long", kind: .communityGroup)),
            field: "id", entryID: "360G-Test-" + String(repeating: "A", count: 100), mentions: ["at most 100"]),
        Case(
            name: "a fund id with a space",
            batch: single(Fund(
                id: "CSP 2017", name: "CSP", scheme: .cspGrant, year: fy2017, amount: pounds,
                funder: org("360G-Test-OPCC"))),
            field: "id", entryID: "CSP 2017", mentions: ["'CSP 2017' is not an id"]),
        Case(
            name: "an allocation id with a NUL",
            batch: single(Allocation(
                id: "ALLOC\u{0}2", fund: "CSP-2017-18", csp: org("360G-Test-CSP-SR"), amount: pounds, decision: "2017/12",
                date: day("2017-04-20"))),
            field: "id", entryID: "ALLOC\u{0}2"),
        Case(name: "an allocation change id starting with a hyphen", batch: single(change(id: "-CH")), field: "id", entryID: "-CH"),
        Case(
            name: "a bid id with a line break",
            batch: single(Bid(
                id: "BID\n1", fund: "CAF-2017-18", applicant: org("360G-Test-ORG-0001"), title: "Boxing",
                requested: pounds, submitted: day("2017-05-01"))),
            field: "id", entryID: "BID\n1"),
        Case(name: "an empty award id", batch: single(award(id: "")), field: "id", entryID: ""),
        Case(
            name: "a claim id with a control character",
            batch: single(Claim(
                id: "CL\u{1B}[2J", award: "AW-1", periodStart: day("2017-07-01"), periodEnd: day("2017-09-30"),
                amount: pounds, date: day("2017-10-02"))),
            field: "id", entryID: "CL\u{1B}[2J"),
        Case(
            name: "a payment id with a space",
            batch: single(Payment(id: "P 1", award: "AW-1", amount: pounds, date: day("2017-10-16"))),
            field: "id", entryID: "P 1"),
        Case(
            name: "an award closure id with an accent",
            batch: single(AwardClosure(id: "CLÔTURE", award: "AW-1", spent: pounds, date: day("2018-04-10"))),
            field: "id", entryID: "CLÔTURE"),
        Case(
            name: "an award withdrawal id with a quote",
            batch: single(AwardWithdrawal(id: "W'1", award: "AW-1", date: day("2017-12-01"), reason: "venue closed")),
            field: "id", entryID: "W'1"),
        Case(
            name: "an underspend repayment id with a tab",
            batch: single(UnderspendRepayment(id: "R\t1", award: "AW-1", amount: pounds, date: day("2018-04-20"))),
            field: "id", entryID: "R\t1"),
        Case(name: "a contribution id with a slash first", batch: single(schedule(id: "/C1")), field: "id", entryID: "/C1"),
        Case(
            name: "a contribution withdrawal id with a semicolon",
            batch: single(ContributionWithdrawal(id: "W;1", schedule: "C-1", effective: day("2018-04-01"), reason: "cut")),
            field: "id", entryID: "W;1"),
        Case(
            name: "a contribution receipt id of 101 characters",
            batch: single(ContributionReceipt(
                id: String(repeating: "R", count: 101), contribution: "C-1", year: fy2017,
                amount: pounds, date: day("2017-06-30"))),
            field: "id", entryID: String(repeating: "R", count: 101)),
    ]

    static let badDecisions: [Case] = [
        Case(
            name: "an allocation's decision with a space",
            batch: single(Allocation(
                id: "ALLOC-2", fund: "CSP-2017-18", csp: org("360G-Test-CSP-SR"), amount: pounds, decision: "2017 12",
                date: day("2017-04-20"))),
            field: "decision", entryID: "ALLOC-2", mentions: ["'2017 12' is not an id"]),
        Case(
            name: "an allocation change's decision with a NUL",
            batch: single(change(decision: "2018/\u{0}02")), field: "decision", entryID: "CH-1"),
        Case(name: "an award's empty decision", batch: single(award(decision: "")), field: "decision", entryID: "AW-1"),
    ]

    static let badText: [Case] = [
        Case(
            name: "an organisation's name with a NUL",
            batch: single(Organisation(id: org("360G-Test-ORG-X"), name: "X\u{0}Y", kind: .communityGroup)),
            field: "name", entryID: "360G-Test-ORG-X", mentions: ["NUL"]),
        Case(
            name: "an organisation's company number with an escape",
            batch: single(Organisation(
                id: org("360G-Test-ORG-X"), name: "X", kind: .company, companyNumber: "0950\u{1B}6232")),
            field: "company_number", entryID: "360G-Test-ORG-X", mentions: ["U+001B"]),
        Case(
            name: "a fund's name with a line break",
            batch: single(Fund(
                id: "CAF-X", name: "Community\nAction", scheme: .communityActionFund,
                year: fy2017, amount: pounds, funder: org("360G-Test-OPCC"))),
            field: "name", entryID: "CAF-X", mentions: ["line break"]),
        Case(
            name: "a bid's title with a C1 control character",
            batch: single(Bid(
                id: "BID-1", fund: "CAF-2017-18", applicant: org("360G-Test-ORG-0001"), title: "Boxing\u{85}",
                requested: pounds, submitted: day("2017-05-01"))),
            field: "title", entryID: "BID-1", mentions: ["U+0085"]),
        Case(
            name: "an award's title with a carriage return",
            batch: single(award(title: "Youth\rproject")), field: "title", entryID: "AW-1", mentions: ["line break"]),
        Case(
            name: "an allocation change's reason with a line break",
            batch: single(change(reason: "first line\nsecond line")), field: "reason", entryID: "CH-1"),
        Case(
            name: "a payment's reference with a DEL",
            batch: single(Payment(id: "P-1", award: "AW-1", amount: pounds, date: day("2017-10-16"), reference: "REM\u{7F}")),
            field: "reference", entryID: "P-1", mentions: ["U+007F"]),
        Case(
            name: "an award withdrawal's reason with a NUL",
            batch: single(AwardWithdrawal(id: "W-1", award: "AW-1", date: day("2017-12-01"), reason: "closed\u{0}")),
            field: "reason", entryID: "W-1"),
        Case(
            name: "an underspend repayment's reason with a bell",
            batch: single(UnderspendRepayment(
                id: "R-1", award: "AW-1", amount: pounds, date: day("2018-04-20"), reason: "ended\u{7}")),
            field: "reason", entryID: "R-1"),
        Case(name: "a contribution's service with a NUL", batch: single(schedule(service: "ID\u{0}VA")), field: "service", entryID: "C-1"),
        Case(name: "a contribution's reason with a form feed", batch: single(schedule(reason: "a\u{C}b")), field: "reason", entryID: "C-1"),
        Case(
            name: "a contribution withdrawal's reason with a line break",
            batch: single(ContributionWithdrawal(id: "W-1", schedule: "C-1", effective: day("2018-04-01"), reason: "a\nb")),
            field: "reason", entryID: "W-1"),
    ]

    /// Numbers and codes a return's schema would refuse, so that no organisation the ledger holds stops a return.
    static let badCodes: [Case] = [
        Case(
            name: "a charity number that is not one",
            batch: single(Organisation(id: org("GB-CHC-1164883"), name: "X", kind: .registeredCharity, charityNumber: "abc")),
            field: "charity_number", entryID: "GB-CHC-1164883",
            mentions: ["'abc' is not a charity number; expected 6 or 7 digits"]),
        Case(
            name: "a company number of 7 digits",
            batch: single(Organisation(id: org("GB-COH-09506232"), name: "X", kind: .company, companyNumber: "9506232")),
            field: "company_number", entryID: "GB-COH-09506232",
            mentions: ["'9506232' is not a company number; expected 8 digits (09506232)"]),
        Case(
            name: "a location code that is not an ONS code",
            batch: single(Organisation(
                id: org("360G-Test-CSP-X"), name: "X", kind: .communitySafetyPartnership, locationCode: "somewhere")),
            field: "location_code", entryID: "360G-Test-CSP-X",
            mentions: ["'somewhere' is not a location code; expected an ONS area code"]),
    ]

    /// Valid entries ahead of the bad one, which must not be written either.
    static func refuse(_ refusal: Case) throws {
        let ledger = try Fixtures.ledger()
        var batch = try validLead()
        batch.append(contentsOf: refusal.batch)
        let error = try expectRefused(batch, by: ledger, code: .invalidEntry, mentioning: refusal.mentions)
        #expect(error.field == refusal.field, "\(error)")
        #expect(error.entryID == refusal.entryID, "\(error)")
    }

    @Test(arguments: badIDs) func aBadIDIsRefused(_ refusal: Case) throws { try Self.refuse(refusal) }

    @Test(arguments: badDecisions) func aBadDecisionReferenceIsRefused(_ refusal: Case) throws { try Self.refuse(refusal) }

    @Test(arguments: badText) func controlCharactersInTextAreRefused(_ refusal: Case) throws { try Self.refuse(refusal) }

    @Test(arguments: badCodes) func aNumberOrCodeOfTheWrongShapeIsRefused(_ refusal: Case) throws { try Self.refuse(refusal) }

    /// Tabs, accents, symbols and other scripts are text people write: they are kept.
    @Test func ordinaryTextIsKept() throws {
        let ledger = try Fixtures.ledger()
        try ledger.record(
            Self.single(Self.award(title: "Café\tsessions — £5 a week, ☕ and 日本語")), as: Fixtures.change("tab ok"))
        #expect(try ledger.counts()[.award] == 1)
    }

    /// Who and why are kept in the history: the same rule for them.
    @Test func controlCharactersInTheChangeAreRefused() throws {
        let ledger = try Fixtures.ledger()
        let before = try LedgerSnapshot(ledger)
        for change in [
            Change(actor: "tester", at: Fixtures.at, reason: "import\u{1B}[31m"),
            Change(actor: "tes\nter", at: Fixtures.at, reason: "import"),
        ] {
            let error = try #require(throws: LedgerError.self) { try ledger.record(Self.single(Self.award()), as: change) }
            #expect(error.code == .invalidEntry)
            #expect(["reason", "actor"].contains(error.field))
        }
        #expect(try LedgerSnapshot(ledger) == before)
    }

    /// The importer reads a decision as text; the ledger names the file, line and field when it refuses it.
    @Test func aBadDecisionInAFileIsRefusedAtItsLine() throws {
        let ledger = try Fixtures.ledger()
        let text = Entry.award(id: "AW-1", amount: "100.00").replacingOccurrences(of: "\"2017/81\"", with: "\"2017 81\"")
        let error = try expectRefused(try batch(text), by: ledger, code: .invalidEntry, mentioning: ["'2017 81'"])
        #expect(error.field == "decision" && error.entryID == "AW-1")
        #expect(error.origin?.file == "entry-1.yaml")
        #expect(error.origin?.location(of: "decision") == "entry-1.yaml:\(line(of: "decision", in: text) ?? 0)")
    }

    /// A ledger may hold ids from before these rules: it reads them, new entries may refer to them, and the same
    /// entry recorded again is left alone rather than refused.
    @Test func entriesStoredBeforeTheRulesStillWork() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("old.sqlite")
        do {
            let ledger = try Ledger(path: path)
            try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        }
        let old = Self.award(id: "AW 1", title: "Old\u{1}title", decision: "2017 81")
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO awards (id, bid_id, fund_id, allocation_id, recipient_id, title, amount, decision,
                                        award_date, planned_start, planned_end, priorities)
                    VALUES (?, NULL, 'CSP-2017-18', 'ALLOC-SR', 'GB-LAE-SRI', ?, ?, ?, '2017-07-03', '2017-07-10',
                            '2018-03-31', '')
                    """,
                arguments: [old.id, old.title, old.amount.pence, old.decision])
        }
        let ledger = try Ledger(path: path)
        #expect(try ledger.status().csps.first?.committed == Self.pounds)
        #expect(try ledger.reconcile().balances)
        var again = Self.single(old)
        again.payments = [Sourced(Payment(id: "P-1", award: "AW 1", amount: Self.pounds, date: Self.day("2017-10-16")))]
        let outcome = try ledger.record(again, as: Fixtures.change())
        #expect(outcome.unchanged == 1 && outcome.addedCount == 1)
        // A different entry under the old id is refused: its id is checked as any new entry's is.
        let changed = Self.award(id: "AW 1", title: "Old\u{1}title", decision: "2017 82")
        let error = try #require(throws: LedgerError.self) { try ledger.record(Self.single(changed), as: Fixtures.change()) }
        #expect(error.code == .invalidEntry && error.field == "id")
    }
}
