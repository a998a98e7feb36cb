/// The closed set of checks a rulebook can use. Each is Swift, in its own file under Checks/; a rulebook picks
/// them by name and gives them parameters.
public enum CheckKind: String, CaseIterable, Hashable, Sendable {
    case applicantType = "applicant-type"
    case amountAtMost = "amount-at-most"
    case priorities = "priorities"
    case locations = "locations"
    case withinYear = "within-year"
    case notRetrospective = "not-retrospective"
    case budgetBalances = "budget-balances"
    case eligibleCosts = "eligible-costs"
    case documents = "documents"
    case applicationsPerYear = "applications-per-year"
    case notFundedElsewhere = "not-funded-elsewhere"
    case cspMember = "csp-member"
    case withinAllocation = "within-allocation"

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
    public enum Kind: Hashable, Sendable {
        /// The name of a rulebook parameter of this type.
        case parameter(ParameterType)
        /// One of these words, written in the rule itself.
        case choice([String])
    }

    public let name: String
    public let kind: Kind
    public let required: Bool

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
    static func evaluate(_ context: CheckContext) -> Finding
}

extension CheckDefinition {
    static var readsLedger: Bool { false }
}
