import GrantsCore

/// A bid as an applicant writes it (`format: grants-bid/1`): what the rules check before it is submitted.
///
/// Every fact a rule may need and the applicant may leave out is optional, so that a missing fact is reported
/// as unknown and never silently taken as a default.
public struct BidForm: Hashable, Sendable {
    /// What kind of body is applying.
    public enum ApplicantType: String, CaseIterable, Hashable, Sendable {
        case communityGroup = "community-group"
        case registeredCharity = "registered-charity"
        case cic
        case company
        case school
        case localAuthority = "local-authority"
        case police
        case fire
        case probation
        case health
        case individual
        case other
    }

    public struct Applicant: Hashable, Sendable {
        public let id: OrganisationID
        public let name: String
        public let type: ApplicantType
        public let constituted: Bool?
        public let unrestrictedReserves: Money?
        public let documents: [String]

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

    public struct BudgetLine: Hashable, Sendable {
        public let category: String
        public let description: String
        public let amount: Money
        public let vatReclaimable: Bool?

        public init(category: String, description: String, amount: Money, vatReclaimable: Bool? = nil) {
            self.category = category
            self.description = description
            self.amount = amount
            self.vatReclaimable = vatReclaimable
        }
    }

    public let id: String
    public let scheme: Scheme
    public let year: FinancialYear
    public let submitted: Day
    public let applicant: Applicant
    public let title: String
    public let description: String?
    public let requested: Money
    public let totalProjectCost: Money?
    public let plannedStart: Day?
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
