import GrantsCore

/// End-of-grant reports: a recipient reports what was spent, the people reached and what came of the project for
/// each priority of the plan the award addressed, with equality monitoring counts (each optional, with "prefer not to
/// say"). The office closes the award on it; the commissioner sees the outcomes across awards, by priority and by
/// partnership.
public enum GrantReports {
    /// The ledger with its reports.
    public typealias Store = any LedgerStore & GrantReportStore

    /// A report refused for what it says: why, and the field to show it on (`spent`, `people`, `people-<priority>`,
    /// `outcome-<priority>`, `monitoring-<dimension>`).
    public struct Refusal: Error, Equatable, Sendable {
        public let field: String
        public let message: String
    }

    /// What a recipient says in a report, as the front end read it from the form.
    public struct Answers: Sendable {
        public let spent: Money
        public let people: Int
        public let summary: String
        /// The people reached and the outcome, by priority slug.
        public let outcomes: [String: (people: Int, outcome: String)]
        public let monitoring: [GrantReport.Count]

        public init(
            spent: Money, people: Int, summary: String, outcomes: [String: (people: Int, outcome: String)],
            monitoring: [GrantReport.Count]
        ) {
            self.spent = spent
            self.people = people
            self.summary = summary
            self.outcomes = outcomes
            self.monitoring = monitoring
        }
    }

    /// The report the answers make for award `id` of the organisation `account` acts for, checked and recorded; or
    /// why not, on its field. Refused (bad data) for another organisation's award, which it calls "not found" as it
    /// does one that does not exist, and for an award withdrawn.
    public static func submit(
        award id: String, _ answers: Answers, for account: Account, in store: Store, at: Timestamp
    ) throws(WorkflowError) -> Result<GrantReport, Refusal> {
        let report: GrantReport
        switch try check(award: id, answers, for: account, in: store, at: at) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let checked): report = checked
        }
        let number = try reading { () throws(LedgerError) in try store.submitReport(report) }
        return .success(GrantReport(
            id: number, award: report.award, account: report.account, at: report.at, spent: report.spent,
            people: report.people, summary: report.summary, outcomes: report.outcomes, monitoring: report.monitoring))
    }

    /// The report the answers make, checked as `submit` checks it, recording nothing: what a page to check shows.
    public static func check(
        award id: String, _ answers: Answers, for account: Account, in store: Store, at: Timestamp
    ) throws(WorkflowError) -> Result<GrantReport, Refusal> {
        guard let line = try Applicants.award(id, for: account, in: store) else {
            throw .badData("there is no grant \(id) to your organisation")
        }
        if line.state == .withdrawn { throw .checkFailed("grant \(id) is withdrawn: no report is due on it") }
        let award = line.award
        if answers.spent > award.amount {
            return .failure(Refusal(
                field: "spent", message: "Enter \(award.amount.formatted) or less: that is what was awarded"))
        }
        var outcomes: [GrantReport.Outcome] = []
        for priority in priorities(of: award) {
            guard let said = answers.outcomes[priority.slug],
                  !said.outcome.allSatisfy(\.isWhitespace)
            else {
                return .failure(Refusal(
                    field: "outcome-\(priority.slug)", message: "Enter what came of the project for \(priority.title)"))
            }
            guard said.people <= answers.people else {
                return .failure(Refusal(
                    field: "people-\(priority.slug)",
                    message: "Enter \(answers.people) or fewer: the people reached for \(priority.title) are among the "
                        + "\(answers.people) the project reached"))
            }
            outcomes.append(GrantReport.Outcome(priority: priority.slug, people: said.people, outcome: said.outcome))
        }
        let categories = try reading { () throws(LedgerError) in try store.monitoringCategories() }
        let known = Set(categories.map { "\($0.dimension) \($0.category)" })
        var totals: [String: Int] = [:]
        for count in answers.monitoring {
            guard known.contains("\(count.dimension) \(count.category)") else {
                return .failure(Refusal(
                    field: "monitoring-\(count.dimension)", message: "\(count.category) is not a category of \(count.dimension)"))
            }
            guard count.people >= 0 else {
                return .failure(Refusal(field: "monitoring-\(count.dimension)", message: "Enter a count of 0 or more"))
            }
            totals[count.dimension, default: 0] += count.people
        }
        for (dimension, title) in MonitoringCategory.dimensions where (totals[dimension] ?? 0) > answers.people {
            return .failure(Refusal(
                field: "monitoring-\(dimension)",
                message: "The counts for \(title.lowercased()) add up to \(totals[dimension] ?? 0), more than the "
                    + "\(answers.people) people the project reached"))
        }
        return .success(GrantReport(
            award: award.id, account: account.id, at: at, spent: answers.spent, people: answers.people,
            summary: answers.summary, outcomes: outcomes, monitoring: answers.monitoring.filter { $0.people > 0 }))
    }

    /// The priorities an award addressed, each once (an award recorded before duplicates were dropped may list one
    /// twice).
    public static func priorities(of award: Award) -> [Priority] {
        Priority.eachOnce(award.priorities)
    }

    /// The award's latest report, if it has one.
    public static func latest(award id: String, in store: Store) throws(WorkflowError) -> GrantReport? {
        try reading { () throws(LedgerError) in try store.reports(award: id) }.first
    }

    /// The outcomes reported on a year's awards, as the commissioner reads them.
    public struct Outcomes: Sendable {
        /// One line of a table: what it is about, how many awards reported on it, and the people reached.
        public struct Line: Hashable, Sendable {
            public let name: String
            public let awards: Int
            public let people: Int
            public let spent: Money
        }

        /// One category's count across the reports.
        public struct Count: Hashable, Sendable {
            public let label: String
            public let people: Int
        }

        public let year: FinancialYear
        /// The awards of the year, and how many have a report.
        public let awards: Int
        public let reported: Int
        /// The people the reported projects reached, in all.
        public let people: Int
        /// By priority of the plan: the awards that reported on it and the people reached for it (a project may
        /// reach the same people for two priorities, so the lines may add up to more than `people`).
        public let byPriority: [Line]
        /// By partnership (an award from a partnership's allocation), then the awards made from a fund directly.
        public let byPartnership: [Line]
        /// Each dimension's counts, in the dimension's order, with the people not counted in it.
        public let monitoring: [(dimension: String, counts: [Count])]
        /// The awards without a report yet, with their recipients.
        public let due: [(award: Award, recipient: String)]
    }

    /// The latest reports on the awards of `year`, added up by priority, partnership and monitoring category.
    public static func outcomes(year: FinancialYear, in store: Store) throws(WorkflowError) -> Outcomes {
        let facts = try reading { () throws(LedgerError) in try store.facts(year: year) }
        let reports = try reading { () throws(LedgerError) in try store.latestReports() }
        var reportOf: [String: GrantReport] = [:]
        for report in reports { reportOf[report.award] = report }
        var priorities: [String: (awards: Int, people: Int, spent: Money)] = [:]
        var partnerships: [String: (awards: Int, people: Int, spent: Money)] = [:]
        var due: [(award: Award, recipient: String)] = []
        var people = 0
        var reported = 0
        /// The people counted in each category across the reports, by "dimension category".
        var counted: [String: Int] = [:]
        var names: [OrganisationID: String] = [:]
        func name(_ id: OrganisationID) throws(WorkflowError) -> String {
            if let known = names[id] { return known }
            let found = try reading { () throws(LedgerError) in try store.organisation(id) }?.name ?? id.rawValue
            names[id] = found
            return found
        }
        for funding in facts.fundings {
            guard let award = try reading({ () throws(LedgerError) in try store.award(funding.awardID) }),
                  try reading({ () throws(LedgerError) in try store.state(ofAward: award.id) }) != .withdrawn
            else { continue }
            guard let report = reportOf[award.id] else {
                due.append((award, try name(award.recipient)))
                continue
            }
            reported += 1
            people += report.people
            for count in report.monitoring { counted["\(count.dimension) \(count.category)", default: 0] += count.people }
            for outcome in report.outcomes {
                let title = Priority.known[outcome.priority] ?? outcome.priority
                let line = priorities[title] ?? (0, 0, .zero)
                priorities[title] = (line.awards + 1, line.people + outcome.people, line.spent)
            }
            var partnership = "Made from a fund directly"
            if let allocation = award.allocation,
               let csp = try reading({ () throws(LedgerError) in try store.allocation(allocation) })?.csp
            {
                partnership = try name(csp)
            }
            let line = partnerships[partnership] ?? (0, 0, .zero)
            let spent = (try? line.spent.adding(report.spent)) ?? line.spent
            partnerships[partnership] = (line.awards + 1, line.people + report.people, spent)
        }
        let categories = try reading { () throws(LedgerError) in try store.monitoringCategories() }
        var monitoring: [(dimension: String, counts: [Outcomes.Count])] = []
        for (dimension, title) in MonitoringCategory.dimensions {
            let counts = categories.filter { $0.dimension == dimension }.map { category in
                Outcomes.Count(label: category.label, people: counted["\(dimension) \(category.category)"] ?? 0)
            }
            let inDimension = counts.reduce(0) { $0 + $1.people }
            monitoring.append((title, counts + [Outcomes.Count(label: "Not counted", people: max(0, people - inDimension))]))
        }
        func lines(_ table: [String: (awards: Int, people: Int, spent: Money)]) -> [Outcomes.Line] {
            table.map { Outcomes.Line(name: $0.key, awards: $0.value.awards, people: $0.value.people, spent: $0.value.spent) }
                .sorted { $0.name < $1.name }
        }
        let partnershipLines = lines(partnerships).sorted {
            ($0.name == "Made from a fund directly" ? 1 : 0, $0.name) < ($1.name == "Made from a fund directly" ? 1 : 0, $1.name)
        }
        return Outcomes(
            year: year, awards: reported + due.count, reported: reported, people: people,
            byPriority: lines(priorities), byPartnership: partnershipLines, monitoring: monitoring,
            due: due.sorted { $0.award.id < $1.award.id })
    }
}
