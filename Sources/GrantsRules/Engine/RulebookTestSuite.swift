import GrantsCore

/// The test cases kept beside a rulebook (`<year>.tests.yaml`): bids with the outcome and rule results they
/// must get. They are data, so the people who maintain the rules can read and extend them.
public struct RulebookTestSuite: Hashable, Sendable {
    public struct Case: Hashable, Sendable {
        public let name: String
        /// `file:line` of the case.
        public let location: String
        public let bid: BidForm
        public let asOf: Day?
        public let expectedOutcome: Eligibility.Outcome?
        /// Rule id → status; rules not named are not checked.
        public let expectedRules: [String: RuleStatus]

        public init(
            name: String, location: String, bid: BidForm, asOf: Day?, expectedOutcome: Eligibility.Outcome?,
            expectedRules: [String: RuleStatus]
        ) {
            self.name = name
            self.location = location
            self.bid = bid
            self.asOf = asOf
            self.expectedOutcome = expectedOutcome
            self.expectedRules = expectedRules
        }
    }

    /// One case's verdict: what differed from what was expected (empty when it passed).
    public struct CaseResult: Hashable, Sendable {
        public let testCase: Case
        public let eligibility: Eligibility
        public let mismatches: [String]

        public var passed: Bool { mismatches.isEmpty }
    }

    public let source: String
    public let cases: [Case]

    public init(source: String, cases: [Case]) {
        self.source = source
        self.cases = cases
    }

    /// Runs every case against `rulebook` with no ledger (each case stands alone).
    public func run(against rulebook: Rulebook) -> [CaseResult] {
        let engine = RuleEngine(rulebook: rulebook)
        return cases.map { testCase in
            let eligibility = engine.check(testCase.bid, asOf: testCase.asOf)
            var mismatches: [String] = []
            if let expected = testCase.expectedOutcome, expected != eligibility.outcome {
                mismatches.append("outcome is \(eligibility.outcome.rawValue), expected \(expected.rawValue)")
            }
            for (ruleID, expected) in testCase.expectedRules.sorted(by: { $0.key < $1.key }) {
                guard let result = eligibility.results.first(where: { $0.ruleID == ruleID }) else {
                    mismatches.append("\(ruleID) is not a rule of \(rulebook.title)")
                    continue
                }
                if result.status != expected {
                    mismatches.append(
                        "\(ruleID) is \(result.status.rawValue), expected \(expected.rawValue): \(result.message)")
                }
            }
            return CaseResult(testCase: testCase, eligibility: eligibility, mismatches: mismatches)
        }
    }
}
