/// One category of the equality monitoring an end-of-grant report may count people in, such as age band 18 to 24.
public struct MonitoringCategory: Hashable, Sendable {
    /// `age`, `gender`, `ethnicity` or `disability`.
    public let dimension: String
    public let category: String
    /// As a form shows it.
    public let label: String

    public init(dimension: String, category: String, label: String) {
        self.dimension = dimension
        self.category = category
        self.label = label
    }

    /// The dimensions, in the order forms and reports show them, with their titles.
    public static let dimensions: [(name: String, title: String)] = [
        ("age", "Age"), ("gender", "Gender"), ("ethnicity", "Ethnic group"), ("disability", "Disability"),
    ]
}

/// A recipient's end-of-grant report on an award: what was spent, how many people the project reached, what it did,
/// the outcome for each priority of the plan the award addressed, and how many of the people were in each monitoring
/// category (each optional). Appended, never edited: a correction is a later report, and the latest is the award's.
public struct GrantReport: Hashable, Sendable {
    /// What came of the project for one priority.
    public struct Outcome: Hashable, Sendable {
        public let priority: String
        public let people: Int
        public let outcome: String

        public init(priority: String, people: Int, outcome: String) {
            self.priority = priority
            self.people = people
            self.outcome = outcome
        }
    }

    /// How many of the people reached were in one monitoring category.
    public struct Count: Hashable, Sendable {
        public let dimension: String
        public let category: String
        public let people: Int

        public init(dimension: String, category: String, people: Int) {
            self.dimension = dimension
            self.category = category
            self.people = people
        }
    }

    /// Its number in the ledger; nil until it is recorded.
    public let id: Int64?
    public let award: String
    /// Who sent it, and when.
    public let account: Int64
    public let at: Timestamp
    public let spent: Money
    public let people: Int
    public let summary: String
    public let outcomes: [Outcome]
    public let monitoring: [Count]

    public init(
        id: Int64? = nil, award: String, account: Int64, at: Timestamp, spent: Money, people: Int, summary: String,
        outcomes: [Outcome], monitoring: [Count]
    ) {
        self.id = id
        self.award = award
        self.account = account
        self.at = at
        self.spent = spent
        self.people = people
        self.summary = summary
        self.outcomes = outcomes
        self.monitoring = monitoring
    }
}

/// End-of-grant reports, kept in the ledger's database beside the awards they report on.
public protocol GrantReportStore: Sendable {
    /// Every monitoring category, by dimension and in each dimension's order.
    func monitoringCategories() throws(LedgerError) -> [MonitoringCategory]
    /// Records a report with its outcomes and counts, all or nothing; returns its number. Refused (`invalidEntry`)
    /// as the database refuses it: more spent than awarded, a priority or a dimension's counts over the people
    /// reached, a category there is not.
    func submitReport(_ report: GrantReport) throws(LedgerError) -> Int64
    /// The award's reports, newest first.
    func reports(award: String) throws(LedgerError) -> [GrantReport]
    /// The latest report of each award that has one.
    func latestReports() throws(LedgerError) -> [GrantReport]
}
