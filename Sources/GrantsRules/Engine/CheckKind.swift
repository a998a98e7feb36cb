/// The closed set of checks a rulebook can use. Each is Swift, in its own file under Checks/; a rulebook picks
/// them by name and gives them parameters.
public enum CheckKind: String, CaseIterable, Hashable, Sendable {
    /// Whether the applicant's type is one the scheme funds, and constituted where it must be.
    case applicantType = "applicant-type"
    /// Whether an amount (the request, the total project cost or the unrestricted reserves) is within its limit.
    case amountAtMost = "amount-at-most"
    /// Whether the project addresses enough of the police and crime plan priorities.
    case priorities = "priorities"
    /// Whether every place the project works in is inside the force area.
    case locations = "locations"
    /// Whether the project's planned dates fall within the financial year.
    case withinYear = "within-year"
    /// Whether the project starts no earlier than the bid was submitted.
    case notRetrospective = "not-retrospective"
    /// Whether the budget lines add up to the amount requested, to the penny.
    case budgetBalances = "budget-balances"
    /// Whether every budget line is a cost the scheme pays for, with no reclaimable VAT.
    case eligibleCosts = "eligible-costs"
    /// Whether the applicant has provided the documents required, some only for work with certain people.
    case documents = "documents"
    /// Whether the applicant has applied no more often in the year than the scheme allows, in the ledger and in the
    /// same run.
    case applicationsPerYear = "applications-per-year"
    /// Whether the applicant is not already funded that year by another of the commissioner's schemes (reads the
    /// ledger).
    case notFundedElsewhere = "not-funded-elsewhere"
    /// Whether the applicant is the partnership its bid names, or one of its responsible authorities (reads the
    /// ledger).
    case cspMember = "csp-member"
    /// Whether the request fits in what is left of the partnership's allocation for the year (reads the ledger).
    case withinAllocation = "within-allocation"

    /// What the check asks, in a sentence for an applicant (the scheme pages list each rule with it).
    public var summary: String {
        switch self {
        case .applicantType: "Whether the applicant's type is one the scheme funds, and constituted where it must be"
        case .amountAtMost: "Whether an amount (the request, the total project cost or the unrestricted reserves) is within its limit"
        case .priorities: "Whether the project addresses enough of the police and crime plan priorities"
        case .locations: "Whether every place the project works in is inside the force area"
        case .withinYear: "Whether the project's planned dates fall within the financial year"
        case .notRetrospective: "Whether the project starts no earlier than the bid was submitted"
        case .budgetBalances: "Whether the budget lines add up to the amount requested, to the penny"
        case .eligibleCosts: "Whether every budget line is a cost the scheme pays for, with no reclaimable VAT"
        case .documents: "Whether the applicant has provided the documents required, some only for work with certain people"
        case .applicationsPerYear: "Whether the applicant has applied no more often in the year than the scheme allows"
        case .notFundedElsewhere: "Whether the applicant is not already funded that year by another of the commissioner's schemes"
        case .cspMember: "Whether the applicant is the partnership its bid names, or one of its responsible authorities"
        case .withinAllocation: "Whether the request fits in what is left of the partnership's allocation for the year"
        }
    }

    /// The check's implementation.
    var definition: any CheckDefinition.Type {
        switch self {
        case .applicantType: ApplicantTypeCheck.self
        case .amountAtMost: AmountAtMostCheck.self
        case .priorities: PrioritiesCheck.self
        case .locations: LocationsCheck.self
        case .withinYear: WithinYearCheck.self
        case .notRetrospective: NotRetrospectiveCheck.self
        case .budgetBalances: BudgetBalancesCheck.self
        case .eligibleCosts: EligibleCostsCheck.self
        case .documents: DocumentsCheck.self
        case .applicationsPerYear: ApplicationsPerYearCheck.self
        case .notFundedElsewhere: NotFundedElsewhereCheck.self
        case .cspMember: CSPMemberCheck.self
        case .withinAllocation: WithinAllocationCheck.self
        }
    }

    /// The arguments the check takes.
    public var arguments: [ArgumentSpec] { definition.arguments }

    /// Whether the check reads the ledger (and reports unknown without one).
    public var readsLedger: Bool { definition.readsLedger }
}

/// One argument a check kind takes in a rule's `parameters:`.
public struct ArgumentSpec: Hashable, Sendable {
    /// What an argument's value must be: the name of a rulebook parameter of a type, or one of a set of words.
    public enum Kind: Hashable, Sendable {
        /// The name of a rulebook parameter of this type.
        case parameter(ParameterType)
        /// One of these words, written in the rule itself.
        case choice([String])
    }

    /// The argument's name under a rule's `parameters:`, such as `limit`.
    public let name: String
    /// What the argument's value must be.
    public let kind: Kind
    /// Whether a rule of this kind must give the argument; the linter reports it missing.
    public let required: Bool

    /// Describes an argument a check kind takes.
    public init(_ name: String, _ kind: Kind, required: Bool = true) {
        self.name = name
        self.kind = kind
        self.required = required
    }
}

/// A check kind's implementation.
protocol CheckDefinition {
    static var arguments: [ArgumentSpec] { get }
    static var readsLedger: Bool { get }
    static func evaluate(_ context: CheckContext) -> CheckFinding
}

extension CheckDefinition {
    static var readsLedger: Bool { false }
}
