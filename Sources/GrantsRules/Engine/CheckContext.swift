import GrantsCore

/// What a check can see: the bid, the day whose parameter values apply, the rule's arguments, and the ledger
/// and the other bids of the same run when there are any.
struct CheckContext {
    let bid: BidForm
    let asOf: Day
    let rulebook: Rulebook
    let rule: Rule
    /// `nil` when no ledger was given or found.
    let facts: FactsIndex?
    /// The other bids checked in the same run, for rules about a round of applications.
    let round: RoundIndex

    /// A literal argument written in the rule.
    func literal(_ name: String) -> String? {
        rule.arguments[name]
    }

    /// The value in force on `asOf` of the parameter an argument names, or why there is none.
    func parameter(_ argument: String) -> Result<AppliedParameter, ParameterProblem> {
        guard let name = rule.arguments[argument] else { return .failure(.notGiven(argument)) }
        guard let parameter = rulebook.parameter(name) else { return .failure(.noSuchParameter(name)) }
        guard let dated = parameter.value(on: asOf) else { return .failure(.notYetInForce(name, asOf)) }
        return .success(AppliedParameter(name: name, value: dated.value, from: dated.from, reference: dated.reference))
    }

    func money(_ argument: String) -> Result<(Money, AppliedParameter), ParameterProblem> {
        parameter(argument).flatMap { applied in
            guard case .money(let money) = applied.value else { return .failure(.wrongType(applied.name, .money)) }
            return .success((money, applied))
        }
    }

    func list(_ argument: String) -> Result<([String], AppliedParameter), ParameterProblem> {
        parameter(argument).flatMap { applied in
            guard case .list(let items) = applied.value else { return .failure(.wrongType(applied.name, .list)) }
            return .success((items, applied))
        }
    }

    func count(_ argument: String) -> Result<(Int, AppliedParameter), ParameterProblem> {
        parameter(argument).flatMap { applied in
            guard case .count(let count) = applied.value else { return .failure(.wrongType(applied.name, .count)) }
            return .success((count, applied))
        }
    }
}

/// Why a rule could not get a parameter value: the rulebook is at fault (the linter catches these) or no value
/// was yet in force on the day.
enum ParameterProblem: Error {
    case notGiven(String)
    case noSuchParameter(String)
    case notYetInForce(String, Day)
    case wrongType(String, ParameterType)

    var finding: Finding {
        switch self {
        case .notGiven(let argument): .unknown("the rule does not name its \(argument) parameter")
        case .noSuchParameter(let name): .unknown("the rulebook has no parameter \(name)")
        case .notYetInForce(let name, let day): .unknown("no value of \(name) applies on \(day)")
        case .wrongType(let name, let type): .unknown("the parameter \(name) is not a \(type.rawValue)")
        }
    }
}

/// The ledger's facts, indexed for quick look-ups while checking many bids.
struct FactsIndex {
    let facts: LedgerFacts
    let applicationsByApplicant: [OrganisationID: [LedgerFacts.Application]]
    let fundingsByRecipient: [OrganisationID: [LedgerFacts.Funding]]

    init(_ facts: LedgerFacts) {
        self.facts = facts
        applicationsByApplicant = Dictionary(grouping: facts.applications, by: \.applicant)
        fundingsByRecipient = Dictionary(grouping: facts.fundings, by: \.recipient)
    }
}

/// The bids of one run, by applicant and scheme, so a round can be screened for repeat applications.
struct RoundIndex {
    struct Key: Hashable {
        let applicant: OrganisationID
        let scheme: Scheme
        let year: FinancialYear
    }

    let bidsByKey: [Key: [String]]

    init(_ bids: [BidForm]) {
        var index: [Key: [String]] = [:]
        for bid in bids {
            index[Key(applicant: bid.applicant.id, scheme: bid.scheme, year: bid.year), default: []].append(bid.id)
        }
        bidsByKey = index
    }

    /// The other bids in this run by the same applicant to the same scheme and year.
    func others(than bid: BidForm) -> [String] {
        (bidsByKey[Key(applicant: bid.applicant.id, scheme: bid.scheme, year: bid.year)] ?? []).filter { $0 != bid.id }
    }
}
