import GrantsCore

/// The test cases kept beside a rulebook (`<year>.tests.yaml`): bids with the outcome and rule results they
/// must get. They are data, so the people who maintain the rules can read and extend them.
public struct RulebookTestSuite: Hashable, Sendable {
    /// One test case: a bid, and the outcome and rule results it must get.
    public struct Case: Hashable, Sendable {
        /// The case's name, as the test report shows it.
        public let name: String
        /// `file:line` of the case.
        public let location: String
        /// The bid to check: given whole, or the base bid with the case's changes merged in.
        public let bid: BidForm
        /// The day whose parameter values apply, when not the bid's submitted date.
        public let asOf: Day?
        /// The outcome the bid must get; `nil` when the case does not say.
        public let expectedOutcome: Eligibility.Outcome?
        /// Rule id → status; rules not named are not checked.
        public let expectedRules: [String: RuleStatus]

        /// Creates a test case as read from a test file.
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
        /// The case that was run.
        public let testCase: Case
        /// The verdict the engine gave on the case's bid.
        public let eligibility: Eligibility
        /// Each way the verdict differed from what the case expected, in words.
        public let mismatches: [String]

        /// Whether the verdict was everything the case expected.
        public var passed: Bool { mismatches.isEmpty }
    }

    /// Where the suite came from, such as the path of the `.tests.yaml` file.
    public let source: String
    /// The cases, in the order written.
    public let cases: [Case]

    /// Creates a suite as read from a test file.
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
