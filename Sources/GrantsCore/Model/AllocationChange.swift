/// A decision that changes an allocation after it was made: a cut (negative) or an increase (positive). Moving
/// money between CSPs is a cut on one and an increase on the other under the same decision. Nothing already
/// committed on an allocation may be cut away.
public struct AllocationChange: Hashable, Sendable {
    public let id: String
    public let allocation: String
    /// Positive to increase, negative to cut; never zero.
    public let delta: Money
    public let decision: String
    public let date: Day
    public let reason: String

    public init(id: String, allocation: String, delta: Money, decision: String, date: Day, reason: String) {
        self.id = id
        self.allocation = allocation
        self.delta = delta
        self.decision = decision
        self.date = date
        self.reason = reason
    }
}
