/// The ledger proved to balance, line by line, by recomputing every figure from the entries themselves:
/// pot = allocated + unallocated; allocation = committed + uncommitted; award = paid + outstanding + released;
/// paid = spent + owed back. A check that fails is a value naming the entries behind it, never a throw.
public struct Reconciliation: Hashable, Sendable {
    /// One identity, checked for one fund, allocation, award or contribution.
    public struct Check: Hashable, Sendable {
        /// What is being balanced: `fund CSP-2017-18`, `allocation ALLOC-…`, `award AWD-…`.
        public let subject: String
        /// The identity, with the figures filled in.
        public let equation: String
        /// Whether the identity holds.
        public let balances: Bool
        /// The entries the figures come from.
        public let entries: [String]

        /// One balance check.
        public init(subject: String, equation: String, balances: Bool, entries: [String]) {
            self.subject = subject
            self.equation = equation
            self.balances = balances
            self.entries = entries
        }
    }

    /// Every check, funds first, then allocations, awards and contributions.
    public let checks: [Check]

    /// A reconciliation made of these checks.
    public init(checks: [Check]) {
        self.checks = checks
    }

    /// The first check that does not balance, if any.
    public var firstFailure: Check? { checks.first { !$0.balances } }
    /// Whether every check balances.
    public var balances: Bool { firstFailure == nil }
}

