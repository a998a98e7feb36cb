import GrantsCore

/// A bid as an applicant writes it (`format: grants-bid/1`): what the rules check before it is submitted.
///
/// Every fact a rule may need and the applicant may leave out is optional, so that a missing fact is reported
/// as unknown and never silently taken as a default.
public struct BidForm: Hashable, Sendable {
    /// What kind of body is applying.
    public enum ApplicantType: String, CaseIterable, Hashable, Sendable {
        /// A grass-roots group on no register.
        case communityGroup = "community-group"
        /// A charity on the Charity Commission's register.
        case registeredCharity = "registered-charity"
        /// A community interest company.
        case cic
        /// A company, which may distribute profits.
        case company
        /// A school.
        case school
        /// A council.
        case localAuthority = "local-authority"
        /// The police force.
        case police
        /// The fire and rescue service.
        case fire
        /// The probation service.
        case probation
        /// A health body.
        case health
        /// A person applying for themselves, whom community schemes do not fund.
        case individual
        /// Any other kind of body.
        case other
    }

    /// Who is applying, and the facts about them that the rules check.
    public struct Applicant: Hashable, Sendable {
        /// The applicant's org-id, by which the ledger knows its other bids and awards.
        public let id: OrganisationID
        /// The applicant's name as it appears in reports.
        public let name: String
        /// What kind of body the applicant is, which decides whether the scheme may fund it.
        public let type: ApplicantType
        /// Whether the group has a constitution; `nil` when the bid does not say.
        public let constituted: Bool?
        /// The money the applicant holds free of restrictions, which some schemes cap; `nil` when the bid does not say.
        public let unrestrictedReserves: Money?
        /// The documents provided, by name, such as `constitution` or `safeguarding-policy`.
        public let documents: [String]

        /// Creates an applicant; any fact left out stays unknown to the rules.
        public init(
            id: OrganisationID, name: String, type: ApplicantType, constituted: Bool? = nil,
            unrestrictedReserves: Money? = nil, documents: [String] = []
        ) {
            self.id = id
            self.name = name
            self.type = type
            self.constituted = constituted
            self.unrestrictedReserves = unrestrictedReserves
            self.documents = documents
        }
    }

    /// One line of the project's budget: what the money would be spent on.
    public struct BudgetLine: Hashable, Sendable {
        /// The kind of cost, such as `sessional-staff`, which the eligible-costs rule compares with the ineligible
        /// categories.
        public let category: String
        /// What the cost is, in the applicant's words.
        public let description: String
        /// What the line costs.
        public let amount: Money
        /// Whether the applicant can reclaim the VAT on the line (then the scheme will not pay it); `nil` when the bid
        /// does not say.
        public let vatReclaimable: Bool?

        /// Creates a budget line.
        public init(category: String, description: String, amount: Money, vatReclaimable: Bool? = nil) {
            self.category = category
            self.description = description
            self.amount = amount
            self.vatReclaimable = vatReclaimable
        }
    }

    /// The bid's id, by which results and test cases name it.
    public let id: String
    /// The scheme applied to, which picks the rulebook.
    public let scheme: Scheme
    /// The financial year applied for, which picks the rulebook and the ledger's facts.
    public let year: FinancialYear
    /// The day the bid was submitted, which picks the parameter values in force unless the check is run as of another
    /// day.
    public let submitted: Day
    /// Who is applying.
    public let applicant: Applicant
    /// The project's title.
    public let title: String
    /// What the project will do, in the applicant's words.
    public let description: String?
    /// The amount asked for.
    public let requested: Money
    /// What the whole project costs, from every source; `nil` when the bid does not say.
    public let totalProjectCost: Money?
    /// The day the project is planned to start; `nil` when the bid does not say.
    public let plannedStart: Day?
    /// The day the project is planned to end; `nil` when the bid does not say.
    public let plannedEnd: Day?
    /// Police and crime plan priorities as written; the rulebook says which count.
    public let priorities: [String]
    /// `children`, `vulnerable-adults`, or nothing.
    public let worksWith: [String]
    /// Districts the activity takes place in.
    public let locations: [String]
    /// For a CSP grant bid, the partnership whose allocation pays: its name or organisation id.
    public let csp: String?
    /// `nil` when the bid gives no budget at all; empty when it gives an empty one.
    public let budget: [BudgetLine]?

    /// Creates a bid form; any fact left out stays unknown to the rules rather than taking a default.
    public init(
        id: String, scheme: Scheme, year: FinancialYear, submitted: Day, applicant: Applicant, title: String,
        description: String? = nil, requested: Money, totalProjectCost: Money? = nil, plannedStart: Day? = nil,
        plannedEnd: Day? = nil, priorities: [String] = [], worksWith: [String] = [], locations: [String] = [],
        csp: String? = nil, budget: [BudgetLine]? = nil
    ) {
        self.id = id
        self.scheme = scheme
        self.year = year
        self.submitted = submitted
        self.applicant = applicant
        self.title = title
        self.description = description
        self.requested = requested
        self.totalProjectCost = totalProjectCost
        self.plannedStart = plannedStart
        self.plannedEnd = plannedEnd
        self.priorities = priorities
        self.worksWith = worksWith
        self.locations = locations
        self.csp = csp
        self.budget = budget
    }
}
