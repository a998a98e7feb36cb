import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing
@testable import GrantsWorkflows

/// End-of-grant reports: what a recipient may say, checked on its field; kept with each outcome and count; and added
/// up across a year's awards by priority, partnership and monitoring category.
@Suite struct GrantReportsTests {
    static let at = try! Timestamp(parsing: "2018-04-20T10:00:00Z")

    static func applicant(_ organisation: String, in ledger: Ledger) throws -> Account {
        try Accounts.add(
            email: "\(organisation.lowercased())@example.org", role: "applicant", organisation: organisation,
            password: try Password("correct horse battery staple"), stamp: Stamp(actor: "admin", at: at), in: ledger,
            cost: 4)
    }

    /// The Samples' award to Leyland Youth Boxing Club (ORG-0001), and its priorities.
    static let award = "AWD-CAF-2017-18-01"

    static func answers(
        spent: Int64 = 200_000, people: Int = 40, outcomes: [String: (people: Int, outcome: String)]? = nil,
        monitoring: [GrantReport.Count] = []
    ) -> GrantReports.Answers {
        GrantReports.Answers(
            spent: Money(pence: spent), people: people, summary: "Forty weekly sessions",
            outcomes: outcomes ?? ["anti-social-behaviour": (30, "Fewer call-outs on Friday nights")],
            monitoring: monitoring)
    }

    @Test func aReportIsCheckedOnItsFieldsThenKept() throws {
        let ledger = try Samples.ledger()
        let account = try Self.applicant("360G-LancashirePCC-ORG-0001", in: ledger)
        let award = try #require(try ledger.award(Self.award))
        #expect(award.priorities.map(\.slug).contains("anti-social-behaviour"))
        func refusal(_ answers: GrantReports.Answers) throws -> GrantReports.Refusal? {
            if case .failure(let refusal) = try GrantReports.submit(
                award: Self.award, answers, for: account, in: ledger, at: Self.at) { return refusal }
            return nil
        }
        let outcomes = Dictionary(uniqueKeysWithValues: award.priorities.map { ($0.slug, (people: 30, outcome: "Done")) })
        #expect(try refusal(Self.answers(spent: award.amount.pence + 1, outcomes: outcomes))?.field == "spent")
        #expect(try refusal(Self.answers(outcomes: [:]))?.field == "outcome-\(award.priorities[0].slug)")
        let tooMany = outcomes.mapValues { _ in (people: 41, outcome: "Done") }
        #expect(try refusal(Self.answers(outcomes: tooMany))?.field == "people-\(award.priorities[0].slug)")
        let counts = [
            GrantReport.Count(dimension: "age", category: "16-17", people: 30),
            GrantReport.Count(dimension: "age", category: "prefer-not-to-say", people: 11),
        ]
        #expect(try refusal(Self.answers(outcomes: outcomes, monitoring: counts))?.field == "monitoring-age")
        let unknown = [GrantReport.Count(dimension: "age", category: "ancient", people: 1)]
        #expect(try refusal(Self.answers(outcomes: outcomes, monitoring: unknown))?.field == "monitoring-age")
        #expect(try ledger.reports(award: Self.award).isEmpty)

        let good = [
            GrantReport.Count(dimension: "age", category: "16-17", people: 30),
            GrantReport.Count(dimension: "gender", category: "prefer-not-to-say", people: 5),
        ]
        let result = try GrantReports.submit(
            award: Self.award, Self.answers(outcomes: outcomes, monitoring: good), for: account, in: ledger, at: Self.at)
        guard case .success(let report) = result else { Issue.record("refused: \(result)"); return }
        let kept = try #require(try GrantReports.latest(award: Self.award, in: ledger))
        #expect(kept == report && kept.outcomes.count == award.priorities.count && kept.monitoring == good)
        #expect(kept.spent == Money(pence: 200_000) && kept.people == 40 && kept.account == account.id)
    }

    @Test func anotherOrganisationsGrantIsNotFound() throws {
        let ledger = try Samples.ledger()
        let other = try Self.applicant("360G-LancashirePCC-ORG-0002", in: ledger)
        #expect(throws: WorkflowError.self) {
            _ = try GrantReports.submit(award: Self.award, Self.answers(), for: other, in: ledger, at: Self.at)
        }
        #expect(try ledger.reports(award: Self.award).isEmpty)
    }

    @Test func theYearsOutcomesAddUpByPriorityPartnershipAndCategory() throws {
        let ledger = try Samples.ledger()
        let account = try Self.applicant("360G-LancashirePCC-ORG-0001", in: ledger)
        let award = try #require(try ledger.award(Self.award))
        let outcomes = Dictionary(uniqueKeysWithValues: award.priorities.map { ($0.slug, (people: 25, outcome: "Done")) })
        // A first report, then a correction: the latest counts.
        _ = try GrantReports.submit(
            award: Self.award, Self.answers(people: 10, outcomes: outcomes.mapValues { _ in (people: 5, outcome: "x") }),
            for: account, in: ledger, at: Self.at)
        _ = try GrantReports.submit(
            award: Self.award,
            Self.answers(outcomes: outcomes, monitoring: [GrantReport.Count(dimension: "disability", category: "yes", people: 4)]),
            for: account, in: ledger, at: Self.at)
        let year = try FinancialYear(parsing: "2017/18")
        let view = try GrantReports.outcomes(year: year, in: ledger)
        #expect(view.reported == 1 && view.people == 40 && view.awards == view.due.count + 1)
        #expect(!view.due.contains { $0.award.id == Self.award })
        for priority in award.priorities {
            #expect(view.byPriority.first { $0.name == priority.title }?.people == 25)
        }
        #expect(view.byPartnership.map(\.name) == ["Made from a fund directly"])
        let disability = try #require(view.monitoring.first { $0.dimension == "Disability" })
        #expect(disability.counts.first { $0.label == "Disabled" }?.people == 4)
        #expect(disability.counts.last?.label == "Not counted" && disability.counts.last?.people == 36)
    }
}
