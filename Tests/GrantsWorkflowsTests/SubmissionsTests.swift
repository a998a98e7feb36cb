import Foundation
import GrantsCore
import GrantsImport
import GrantsRules
import GrantsStore
import GrantsTestSupport
import Testing
@testable import GrantsWorkflows

/// Invitations (registering, and setting a forgotten password), and bids drafted, checked and submitted by an
/// applicant: what is refused, what is kept, and that nothing is recorded twice.
@Suite struct SubmissionsTests {
    static let group = "360G-LancashirePCC-ORG-0006"
    static let other = "360G-LancashirePCC-ORG-0005"
    static let june = try! Timestamp(parsing: "2017-06-01T10:00:00Z")
    static let stamp = Stamp(actor: "admin", at: june)

    static func applicant(_ email: String, _ organisation: String = group, in ledger: Ledger) throws -> Account {
        try Accounts.add(
            email: email, role: "applicant", organisation: organisation,
            password: try Password("correct horse battery staple"), stamp: stamp, in: ledger, cost: 4)
    }

    static func token(_ seed: UInt8) -> SessionToken {
        SessionToken(randomBytes: [UInt8](repeating: seed, count: 32))!
    }

    /// The answers of the sample bid that meets every rule, as the form would give them.
    static func answers(_ file: String = "caf-friday-boxing.yaml") throws -> DocNode {
        let path = (Samples.bids as NSString).appendingPathComponent(file)
        return try DocumentParser.root(of: try String(contentsOfFile: path, encoding: .utf8), file: file)
    }

    // MARK: - Invitations

    @Test func anInvitedPersonChoosesTheirPasswordOnceAndSignsInWithIt() throws {
        let ledger = try Samples.ledger()
        let account = try Accounts.add(
            email: "new@example.org", role: "applicant", organisation: Self.group, password: nil, stamp: Self.stamp,
            in: ledger, cost: 4)
        #expect(try ledger.passwordHash(account: account.id) == nil)
        let token = Self.token(7)
        let expires = try Invitations.invite(email: "new@example.org", token: token, stamp: Self.stamp, in: ledger)
        #expect(expires.text == "2017-06-08T10:00:00Z")
        let later = Self.june.adding(seconds: 60)!
        #expect(try Invitations.account(for: token, at: later, in: ledger) == account)
        // What a password must be, on the field at fault.
        #expect(try Invitations.register(
            token: token, password: "short", confirmation: "short", address: "192.0.2.9", at: later, in: ledger,
            cost: 4) == .refused(field: "password", message: "The password is 5 characters; it must be at least 12"))
        #expect(try Invitations.register(
            token: token, password: "a long enough password", confirmation: "a long enough passwore",
            address: "192.0.2.9", at: later, in: ledger, cost: 4)
            == .refused(field: "confirmation", message: "The two passwords are not the same: type it again in both"))
        #expect(try Invitations.register(
            token: token, password: "a long enough password", confirmation: "a long enough password",
            address: "192.0.2.9", at: later, in: ledger, cost: 4) == .registered(account))
        #expect(try SignIn.attempt(
            email: try EmailAddress("new@example.org", field: "email"), password: "a long enough password",
            address: "192.0.2.9", token: Self.token(8), at: later, in: ledger) == .signedIn(account))
        // Used once: a second use (another tab, someone who read the link later) changes nothing.
        #expect(try Invitations.register(
            token: token, password: "another long password", confirmation: "another long password",
            address: "192.0.2.9", at: later, in: ledger, cost: 4) == .unusable)
        #expect(try Invitations.account(for: token, at: later, in: ledger) == nil)
        let log = try ledger.signInLog(limit: 5).map(\.outcome)
        #expect(log.contains(.registered))
    }

    @Test func aLinkStopsWorkingWhenItExpiresWhenANewerOneIsMadeAndWhenItsAccountIsDisabled() throws {
        let ledger = try Samples.ledger()
        _ = try Accounts.add(
            email: "new@example.org", role: "commissioner", organisation: nil, password: nil, stamp: Self.stamp,
            in: ledger, cost: 4)
        let first = Self.token(1)
        let second = Self.token(2)
        try Invitations.invite(email: "new@example.org", token: first, stamp: Self.stamp, in: ledger)
        #expect(try Invitations.account(for: first, at: Self.june, in: ledger) != nil)
        let week = Self.june.adding(seconds: Invitations.lifetime)!
        #expect(try Invitations.account(for: first, at: week, in: ledger) == nil)
        try Invitations.invite(email: "new@example.org", token: second, stamp: Self.stamp, in: ledger)
        #expect(try Invitations.account(for: first, at: Self.june, in: ledger) == nil)
        #expect(try Invitations.register(
            token: first, password: "a long enough password", confirmation: "a long enough password",
            address: "192.0.2.9", at: Self.june, in: ledger, cost: 4) == .unusable)
        #expect(try Invitations.account(for: Self.token(3), at: Self.june, in: ledger) == nil)
        try Accounts.change(.disable, email: "new@example.org", stamp: Self.stamp, in: ledger)
        #expect(try Invitations.account(for: second, at: Self.june, in: ledger) == nil)
        #expect(try Invitations.register(
            token: second, password: "a long enough password", confirmation: "a long enough password",
            address: "192.0.2.9", at: Self.june, in: ledger, cost: 4) == .unusable)
        #expect(throws: WorkflowError.self) {
            try Invitations.invite(email: "new@example.org", token: Self.token(4), stamp: Self.stamp, in: ledger)
        }
        #expect(try ledger.passwordHash(account: try #require(try ledger.account(email: "new@example.org")).id) == nil)
    }

    // MARK: - Drafts and submissions

    @Test func aDraftIsSavedCheckedAndSubmittedOnceWithItsCheckKept() throws {
        let ledger = try Samples.ledger()
        let account = try Self.applicant("a@example.org", in: ledger)
        let rulebooks = try RulebookLibrary.shipped()
        let id = try BidSubmissions.begin(
            scheme: .communityActionFund, year: try FinancialYear(parsing: "2017/18"), form: "title=Draft",
            for: account, rulebooks: rulebooks, in: ledger, at: Self.june)
        try BidSubmissions.save(id, form: "title=Friday+night", for: account, in: ledger, at: Self.june)
        let draft = try #require(try BidSubmissions.draft(id, for: account, in: ledger))
        #expect(draft.form == "title=Friday+night" && draft.bid == nil)

        // Answers that make no bid are refused on their field, and nothing is recorded.
        let broken = try Self.answers().setting("requested", to: .scalar("lots", isNull: false, line: 1))
        let refused = try BidSubmissions.submit(
            id, form: "title=Friday+night", answers: broken, for: account, rulebooks: rulebooks, in: ledger, at: Self.june)
        guard case .failure(let refusal) = refused else { Issue.record("accepted \(refused)"); return }
        #expect(refusal.field == "requested")
        let bidID = BidSubmissions.bidID(fund: "CAF-2017-18", draft: id)
        #expect(try ledger.bid(bidID) == nil)
        // What the office knows of the organisation wins: a community group does not bid as a council.
        let applicant = try #require(try Self.answers()["applicant"])
        let council = try Self.answers().setting(
            "applicant", to: applicant.setting("type", to: .scalar("local-authority", isNull: false, line: 1)))
        let posing = try BidSubmissions.submit(
            id, form: "title=Friday+night", answers: council, for: account, rulebooks: rulebooks, in: ledger,
            at: Self.june)
        guard case .failure(let asCouncil) = posing else { Issue.record("accepted \(posing)"); return }
        #expect(asCouncil.field == "applicant.type" && asCouncil.message.contains("community group"))

        // Saved in another window since it was checked: refused, nothing recorded.
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.submit(
                id, form: "title=Draft", answers: try Self.answers(), for: account, rulebooks: rulebooks, in: ledger,
                at: Self.june)
        }
        #expect(try ledger.bid(bidID) == nil)
        let result = try BidSubmissions.submit(
            id, form: "title=Friday+night", answers: try Self.answers(), for: account, rulebooks: rulebooks, in: ledger, at: Self.june)
        guard case .success(let submission) = result else { Issue.record("refused \(result)"); return }
        let bid = try #require(try ledger.bid(bidID))
        #expect(bid.applicant.rawValue == Self.group && bid.submitted.description == "2017-06-01")
        #expect(bid.requested.pence == 250_000 && bid.title == "Friday night boxing sessions")
        #expect(submission.outcome == "eligible" || submission.outcome == "ineligible")
        #expect(submission.report.contains("\"rulebook\"") && submission.rulebook.contains("community-action-fund"))
        #expect(try ledger.submission(bid: bidID) == submission)
        // The document kept is the bid as sent: the office's id, the day, the applicant's own organisation.
        let form = try BidSubmissions.form(of: submission)
        #expect(form.id == bidID && form.applicant.id.rawValue == Self.group && form.submitted == bid.submitted)
        let history = try ledger.history(entryID: bidID, limit: nil)
        #expect(history.map(\.actor) == ["a@example.org"])

        // Submitted once: a second click, and saving over it, are refused; the draft stays as it was.
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.submit(
                id, form: "title=Friday+night", answers: try Self.answers(), for: account, rulebooks: rulebooks,
                in: ledger, at: Self.june)
        }
        #expect(throws: WorkflowError.self) {
            try BidSubmissions.save(id, form: "title=Changed", for: account, in: ledger, at: Self.june)
        }
        #expect(try ledger.draft(id)?.bid == bidID)

        // The office's award is checked from the document kept, with no file and no override.
        var library = rulebooks
        let plan = try AwardDecision.plan(
            AwardRequest(
                bid: bidID, amount: bid.requested, decision: "2017/20", date: try Day(parsing: "2017-06-20"),
                override: submission.outcome == "eligible" ? nil : "test"),
            in: ledger, rulebooks: &library)
        #expect(plan.verdict?.outcome.rawValue == submission.outcome)
        #expect(plan.award.plannedStart.description == "2017-07-01")
    }

    @Test func anotherOrganisationsDraftsAndBidsAreNotFound() throws {
        let ledger = try Samples.ledger()
        let mine = try Self.applicant("a@example.org", in: ledger)
        let theirs = try Self.applicant("b@example.org", Self.other, in: ledger)
        let rulebooks = try RulebookLibrary.shipped()
        let year = try FinancialYear(parsing: "2017/18")
        let id = try BidSubmissions.begin(
            scheme: .communityActionFund, year: year, form: "", for: mine, rulebooks: rulebooks, in: ledger,
            at: Self.june)
        #expect(try BidSubmissions.draft(id, for: theirs, in: ledger) == nil)
        #expect(try BidSubmissions.drafts(for: theirs, in: ledger).isEmpty)
        #expect(throws: WorkflowError.self) {
            try BidSubmissions.save(id, form: "title=Mine+now", for: theirs, in: ledger, at: Self.june)
        }
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.submit(
                id, form: "", answers: try Self.answers(), for: theirs, rulebooks: rulebooks, in: ledger, at: Self.june)
        }
        // A correction names a bid of its own organisation only; a scheme with no fund that year takes no bids.
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.begin(
                scheme: .communityActionFund, year: year, replacing: "BID-CAF-2017-18-01", form: "", for: theirs,
                rulebooks: rulebooks, in: ledger, at: Self.june)
        }
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.begin(
                scheme: .communityActionFund, year: try FinancialYear(parsing: "2018/19"), form: "", for: mine,
                rulebooks: rulebooks, in: ledger, at: Self.june)
        }
        #expect(try BidSubmissions.submitted("BID-CAF-2017-18-01", for: theirs, in: ledger) == nil)
        // A bid with an award is not corrected; a declined one is, once.
        let owner = try Self.applicant("c@example.org", "360G-LancashirePCC-ORG-0001", in: ledger)
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.begin(
                scheme: .communityActionFund, year: year, replacing: "BID-CAF-2017-18-01", form: "", for: owner,
                rulebooks: rulebooks, in: ledger, at: Self.june)
        }
        let declined = try Self.applicant("d@example.org", "360G-LancashirePCC-ORG-0006", in: ledger)
        _ = try BidSubmissions.begin(
            scheme: .communityActionFund, year: year, replacing: "BID-CAF-2017-18-06", form: "", for: declined,
            rulebooks: rulebooks, in: ledger, at: Self.june)
        #expect(throws: WorkflowError.self) {
            _ = try BidSubmissions.begin(
                scheme: .communityActionFund, year: year, replacing: "BID-CAF-2017-18-06", form: "", for: declined,
                rulebooks: rulebooks, in: ledger, at: Self.june)
        }
        #expect(throws: WorkflowError.self) {
            try BidSubmissions.save(
                id, form: String(repeating: "x", count: BidSubmissions.largestDraft + 1), for: mine, in: ledger, at: Self.june)
        }
    }
}
