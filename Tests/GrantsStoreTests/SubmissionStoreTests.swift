import Foundation
import GRDB
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Drafts, submissions and invitations beside the ledger: a draft is saved over until it is submitted, once, with its
/// bid; a submission is never edited; an invitation is used once; and the database refuses the rest itself.
@Suite struct SubmissionStoreTests {
    static let at = Fixtures.at
    static let group = try! OrganisationID(parsing: "360G-Test-ORG-0001")
    static let year = try! FinancialYear(parsing: "2017/18")

    static func submission(_ bid: String, draft: Int64, account: Int64) -> BidSubmission {
        BidSubmission(
            bid: bid, draft: draft, account: account, at: Fixtures.at, document: "{\"id\":\"\(bid)\"}",
            rulebook: "community-action-fund 2017/18", outcome: "eligible", report: "[]")
    }

    static func bid(_ id: String) -> Bid {
        Bid(
            id: id, fund: "CAF-2017-18", applicant: group, title: "Boxing", requested: Money(pence: 40_000),
            submitted: try! Day(parsing: "2017-05-01"))
    }

    @Test func aDraftIsSavedUntilItIsSubmittedOnceWithItsBid() throws {
        let ledger = try Fixtures.ledger()
        let account = try AccountStoreTests.add("a@example.org", .applicant, "360G-Test-ORG-0001", in: ledger)
        let id = try ledger.createDraft(
            organisation: Self.group, scheme: .communityActionFund, year: Self.year, form: "title=A", replaces: nil,
            at: Self.at, by: account.id)
        try ledger.saveDraft(id, form: "title=B", at: Self.at, by: account.id)
        #expect(try ledger.draft(id)?.form == "title=B")
        #expect(try ledger.drafts(organisation: Self.group).map(\.id) == [id])
        try ledger.submit(Self.bid("BID-W1"), Self.submission("BID-W1", draft: id, account: account.id), form: "title=B", as: Fixtures.change())
        #expect(try ledger.draft(id)?.bid == "BID-W1")
        #expect(try ledger.submission(bid: "BID-W1")?.outcome == "eligible")
        #expect(try ledger.bid("BID-W1")?.title == "Boxing")
        // Submitted again (a second click, another tab): refused, and the second bid is not recorded either.
        let again = try #require(throws: LedgerError.self) {
            try ledger.submit(Self.bid("BID-W2"), Self.submission("BID-W2", draft: id, account: account.id), form: "title=B", as: Fixtures.change())
        }
        #expect(again.code == .conflict)
        #expect(try ledger.bid("BID-W2") == nil)
        #expect(throws: LedgerError.self) { try ledger.saveDraft(id, form: "title=C", at: Self.at, by: account.id) }
        #expect(try ledger.submissions(bids: ["BID-W1", "BID-W2", "nothing"]).keys.sorted() == ["BID-W1"])
        // A bid refused by the ledger leaves the draft a draft.
        let second = try ledger.createDraft(
            organisation: Self.group, scheme: .communityActionFund, year: Self.year, form: "", replaces: "BID-W1",
            at: Self.at, by: account.id)
        let late = Bid(
            id: "BID-W3", fund: "CAF-2017-18", applicant: Self.group, title: "Late", requested: Money(pence: 1),
            submitted: try Day(parsing: "2019-05-01"))
        #expect(throws: LedgerError.self) {
            try ledger.submit(late, Self.submission("BID-W3", draft: second, account: account.id), form: "", as: Fixtures.change())
        }
        #expect(try ledger.draft(second)?.bid == nil && ledger.draft(second)?.replaces == "BID-W1")
    }

    /// The database itself refuses what the code would never write, and any edit or deletion.
    @Test func theDatabaseRefusesWhatTheRulesForbid() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/ledger.sqlite"
        let ledger = try Ledger(path: path, mode: .create)
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        try ledger.record(try LedgerFile.parse(Entry.bid(id: "BID-1"), file: "bid.yaml"), as: Fixtures.change())
        let account = try AccountStoreTests.add("a@example.org", .applicant, "360G-Test-ORG-0001", in: ledger)
        let draft = try ledger.createDraft(
            organisation: Self.group, scheme: .communityActionFund, year: Self.year, form: "", replaces: nil,
            at: Self.at, by: account.id)
        let open = try ledger.createDraft(
            organisation: Self.group, scheme: .communityActionFund, year: Self.year, form: "", replaces: nil,
            at: Self.at, by: account.id)
        try ledger.submit(Self.bid("BID-W1"), Self.submission("BID-W1", draft: draft, account: account.id), form: "", as: Fixtures.change())
        try ledger.invite(
            account: account.id, tokenHash: String(repeating: "a", count: 64), expires: Self.at.adding(seconds: 60)!,
            at: Self.at, by: "admin")
        _ = try ledger.register(
            tokenHash: String(repeating: "a", count: 64), passwordHash: AccountStoreTests.hash("x"), at: Self.at,
            address: "a")
        let queue = try DatabaseQueue(path: path)
        let t = "'2026-01-01T00:00:00Z'"
        let drafts = "INSERT INTO bid_drafts (organisation_id, scheme, year_start, form, created_at, created_by, saved_at, saved_by, replaces)"
        let submissions = "INSERT INTO bid_submissions (bid_id, draft_id, account_id, at, document, rulebook, outcome, report)"
        let invitations = "INSERT INTO invitations (token_hash, account_id, created_at, created_by, expires_at)"
        let hex = "'" + String(repeating: "b", count: 64) + "'"
        let refused = [
            "\(drafts) VALUES ('360G-Test-ORG-0001', 'Bad Scheme', 2017, '', \(t), 1, \(t), 1, NULL)",
            "\(drafts) VALUES ('360G-Test-ORG-0001', 'csp-grant', 2017, '', \(t), 1, '2000-01-01T00:00:00Z', 1, NULL)",
            "\(drafts) VALUES ('360G-Test-ORG-0001', 'csp-grant', 2017, '', 'now', 1, 'now', 1, NULL)",
            "\(drafts) VALUES ('360G-Test-ORG-0001', 'csp-grant', 2017, zeroblob(300000), \(t), 1, \(t), 1, NULL)",
            "\(drafts) VALUES ('GB-LAE-SRI', 'csp-grant', 2017, '', \(t), 1, \(t), 1, 'BID-W1')",
            "\(drafts) VALUES ('nobody', 'csp-grant', 2017, '', \(t), 1, \(t), 1, NULL)",
            "\(submissions) VALUES ('BID-1', \(open), 1, \(t), '{}', 'r', 'eligible', 'not json')",
            "\(submissions) VALUES ('BID-1', \(open), 1, \(t), '{}', 'r', 'approved', '[]')",
            "\(submissions) VALUES ('BID-1', \(draft), 1, \(t), '{}', 'r', 'eligible', '[]')",
            "\(invitations) VALUES ('short', 1, \(t), 'admin', '2027-01-01T00:00:00Z')",
            "\(invitations) VALUES (\(hex), 1, \(t), 'admin', '2025-01-01T00:00:00Z')",
            "UPDATE bid_drafts SET form = 'x' WHERE id = \(draft)",
            "UPDATE bid_drafts SET bid_id = 'BID-1' WHERE id = \(open)",
            "\(drafts.replacingOccurrences(of: ", replaces)", with: ", replaces, bid_id)")) VALUES ('360G-Test-ORG-0001', 'csp-grant', 2017, '', \(t), 1, \(t), 1, NULL, 'BID-1')",
            "UPDATE bid_drafts SET organisation_id = '360G-Test-ORG-0001', scheme = 'csp-grant' WHERE id = \(open)",
            "UPDATE bid_drafts SET saved_at = '2000-01-01T00:00:00Z' WHERE id = \(open)",
            "DELETE FROM bid_drafts",
            "UPDATE bid_submissions SET outcome = 'eligible'",
            "DELETE FROM bid_submissions",
            "UPDATE invitations SET used_at = NULL",
            "UPDATE invitations SET expires_at = '2030-01-01T00:00:00Z'",
            "DELETE FROM invitations",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
        #expect(try ledger.draft(draft)?.bid == "BID-W1")
    }

    /// A report is kept whole, and the database refuses one that says more than the award or the people allow.
    @Test func aReportIsKeptWholeAndNeverEdited() throws {
        let folder = try TemporaryFolder()
        let path = folder.path + "/ledger.sqlite"
        let ledger = try Ledger(path: path, mode: .create)
        try ledger.record(try LedgerFile.parse(Fixtures.base, file: "base.yaml"), as: Fixtures.change())
        try ledger.record(try LedgerFile.parse(Fixtures.award(id: "AW-1", amount: "3000.00"), file: "a.yaml"), as: Fixtures.change())
        let account = try AccountStoreTests.add("a@example.org", .applicant, "360G-Test-ORG-0001", in: ledger)
        #expect(try ledger.monitoringCategories().prefix(2).map(\.category) == ["0-15", "16-17"])
        #expect(try ledger.monitoringCategories().last?.dimension == "disability")
        let report = GrantReport(
            award: "AW-1", account: account.id, at: Self.at, spent: Money(pence: 250_000), people: 12, summary: "Patrols",
            outcomes: [GrantReport.Outcome(priority: "anti-social-behaviour", people: 12, outcome: "Quieter nights")],
            monitoring: [GrantReport.Count(dimension: "gender", category: "woman", people: 7)])
        let id = try ledger.submitReport(report)
        let kept = try #require(try ledger.reports(award: "AW-1").first)
        #expect(kept.id == id && kept.outcomes == report.outcomes && kept.monitoring == report.monitoring)
        #expect(try ledger.latestReports().map(\.id) == [id])
        // Refused whole: nothing of a refused report is kept.
        for bad in [
            GrantReport(award: "AW-1", account: account.id, at: Self.at, spent: Money(pence: 300_001), people: 1,
                        summary: "x", outcomes: [], monitoring: []),
            GrantReport(award: "AW-1", account: account.id, at: Self.at, spent: .zero, people: 1, summary: "x",
                        outcomes: [GrantReport.Outcome(priority: "reoffending", people: 2, outcome: "x")], monitoring: []),
            GrantReport(award: "AW-1", account: account.id, at: Self.at, spent: .zero, people: 3, summary: "x",
                        outcomes: [], monitoring: [GrantReport.Count(dimension: "age", category: "18-24", people: 2),
                                                   GrantReport.Count(dimension: "age", category: "25-34", people: 2)]),
            GrantReport(award: "AW-1", account: account.id, at: Self.at, spent: .zero, people: 3, summary: "x",
                        outcomes: [], monitoring: [GrantReport.Count(dimension: "age", category: "ancient", people: 1)]),
        ] {
            #expect(throws: LedgerError.self) { _ = try ledger.submitReport(bad) }
        }
        #expect(try ledger.reports(award: "AW-1").count == 1)
        let queue = try DatabaseQueue(path: path)
        for sql in [
            "UPDATE grant_reports SET spent = 0", "DELETE FROM grant_reports", "UPDATE grant_report_outcomes SET people = 0",
            "DELETE FROM grant_report_outcomes", "UPDATE grant_report_monitoring SET people = 1",
            "DELETE FROM grant_report_monitoring", "DELETE FROM monitoring_categories",
            "UPDATE monitoring_categories SET label = 'x'",
        ] {
            #expect(throws: DatabaseError.self, "\(sql)") { try queue.write { db in try db.execute(sql: sql) } }
        }
    }
}
