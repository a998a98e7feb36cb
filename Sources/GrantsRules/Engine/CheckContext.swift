import GrantsCore

/// What a check can see: the bid, the day whose parameter values apply, the rule's arguments, and the ledger
/// and the other bids of the same run when there are any.
///
/// A class made once per bid, with the rule moved along it, so that a round of many bids does not copy the bid
/// and the rulebook for every rule.
final class CheckContext {
    let bid: BidForm
    let asOf: Day
    let rulebook: Rulebook
    /// The rule being evaluated.
    var rule: Rule
    /// The rule's parameter arguments resolved for `asOf`, once per day rather than once per bid.
    var resolved: [String: Result<AppliedParameter, ParameterProblem>]
    /// `nil` when no ledger was given or found.
    let facts: FactsIndex?
    /// The other bids checked in the same run, for rules about a round of applications.
    let round: RoundIndex

    init(
        bid: BidForm, asOf: Day, rulebook: Rulebook, rule: Rule,
        resolved: [String: Result<AppliedParameter, ParameterProblem>], facts: FactsIndex?, round: RoundIndex
    ) {
        self.bid = bid
        self.asOf = asOf
        self.rulebook = rulebook
        self.rule = rule
        self.resolved = resolved
        self.facts = facts
        self.round = round
    }

    /// A literal argument written in the rule.
    func literal(_ name: String) -> String? {
        rule.arguments[name]
    }

    /// The value in force on `asOf` of the parameter an argument names, or why there is none.
    func parameter(_ argument: String) -> Result<AppliedParameter, ParameterProblem> {
        resolved[argument] ?? Self.resolve(argument, rule: rule, rulebook: rulebook, asOf: asOf)
    }

    static func resolve(_ argument: String, rule: Rule, rulebook: Rulebook, asOf: Day)
        -> Result<AppliedParameter, ParameterProblem>
    {
        guard let name = rule.arguments[argument] else { return .failure(.notGiven(argument)) }
        guard let parameter = rulebook.parameter(name) else { return .failure(.noSuchParameter(name)) }
        guard let dated = parameter.value(on: asOf) else { return .failure(.notYetInForce(name, asOf)) }
        return .success(AppliedParameter(name: name, value: dated.value, from: dated.from, reference: dated.reference))
    }

    /// Every parameter argument of `rule` resolved for `asOf`.
    static func resolveAll(_ rule: Rule, rulebook: Rulebook, asOf: Day) -> [String: Result<AppliedParameter, ParameterProblem>] {
        var resolved: [String: Result<AppliedParameter, ParameterProblem>] = [:]
        for spec in rule.check.arguments {
            if case .parameter = spec.kind, rule.arguments[spec.name] != nil {
                resolved[spec.name] = resolve(spec.name, rule: rule, rulebook: rulebook, asOf: asOf)
            }
        }
        return resolved
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

    var finding: CheckFinding {
        switch self {
        case .notGiven(let argument): .unknown("the rule does not name its \(argument) parameter")
        case .noSuchParameter(let name): .unknown("the rulebook has no parameter \(name)")
        case .notYetInForce(let name, let day): .unknown("no value of \(name) applies on \(day)")
        case .wrongType(let name, let type): .unknown("the parameter \(name) is not a \(type.rawValue)")
        }
    }
}

/// The ledger's facts, indexed for quick look-ups while checking many bids.
struct FactsIndex: Sendable {
    let facts: LedgerFacts
    let applicationsByApplicant: [OrganisationID: [LedgerFacts.Application]]
    let fundingsByRecipient: [OrganisationID: [LedgerFacts.Funding]]

    init(_ facts: LedgerFacts) {
        self.facts = facts
        applicationsByApplicant = Dictionary(grouping: facts.applications, by: \.applicant)
        fundingsByRecipient = Dictionary(grouping: facts.fundings, by: \.recipient)
    }
}

/// The bids of one run, by applicant and scheme, so a round can be screened for repeat applications. Built from the
/// whole round before any bid is checked: at once from an array, or bid by bid from a stream read twice (then
/// `seal()` once every bid is in).
///
/// A large group (one applicant with many bids in the run) is indexed when sealed, so that each of its bids is checked
/// in the same time however many there are: a file of ten thousand bids from one applicant must not take the square
/// of that.
public struct RoundIndex: Sendable {
    struct Key: Hashable, Sendable {
        let applicant: OrganisationID
        let scheme: Scheme
        let year: FinancialYear
    }

    struct Group: Sendable {
        /// The bids' ids, in the run's order.
        var ids: [String] = []
        /// For a large group once sealed: how many times each id occurs, and its first few distinct ids.
        var occurrences: [String: Int]?
        var leaders: [String] = []
    }

    /// Groups of at most this many bids are read as they are.
    static let small = 8
    /// How many other bids a large group's results name.
    static let listed = 5

    private(set) var groups: [Key: Group] = [:]

    /// An empty round.
    public init() {}

    init(_ bids: [BidForm]) {
        for bid in bids { add(bid) }
        seal()
    }

    private static func key(_ bid: BidForm) -> Key {
        Key(applicant: bid.applicant.id, scheme: bid.scheme, year: bid.year)
    }

    /// Counts `bid` in the round (a group sealed before is indexed again at the next `seal()`).
    public mutating func add(_ bid: BidForm) {
        let key = Self.key(bid)
        groups[key, default: Group()].ids.append(bid.id)
        groups[key]?.occurrences = nil
    }

    /// Indexes the large groups; call it once every bid of the round is added.
    public mutating func seal() {
        for (key, group) in groups where group.ids.count > Self.small && group.occurrences == nil {
            var counts: [String: Int] = [:]
            counts.reserveCapacity(group.ids.count)
            var leaders: [String] = []
            for id in group.ids {
                counts[id, default: 0] += 1
                if counts[id] == 1 && leaders.count <= Self.listed { leaders.append(id) }
            }
            groups[key]?.occurrences = counts
            groups[key]?.leaders = leaders
        }
    }

    /// The other bids in this run by the same applicant to the same scheme and year: how many, and their ids (all of
    /// them in a small group; the first few distinct ones in a large group).
    func others(than bid: BidForm) -> (count: Int, named: [String]) {
        guard let group = groups[Self.key(bid)] else { return (0, []) }
        guard let occurrences = group.occurrences else {
            let others = group.ids.filter { $0 != bid.id }
            return (others.count, others)
        }
        let named = group.leaders.filter { $0 != bid.id }.prefix(Self.listed)
        return (group.ids.count - (occurrences[bid.id] ?? 0), Array(named))
    }

    /// Whether bid `id` is one of the other bids in this run by `bid`'s applicant to the same scheme and year.
    func includes(_ id: String, besides bid: BidForm) -> Bool {
        guard id != bid.id, let group = groups[Self.key(bid)] else { return false }
        if let occurrences = group.occurrences { return occurrences[id] != nil }
        return group.ids.contains(id)
    }
}
