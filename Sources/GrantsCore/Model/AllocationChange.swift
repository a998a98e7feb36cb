/// A decision that changes an allocation after it was made: a cut (negative) or an increase (positive). Moving
/// money between CSPs is a cut on one and an increase on the other under the same decision. Nothing already
/// committed on an allocation may be cut away.
public struct AllocationChange: Hashable, Sendable {
    /// The change's id, unique among allocation changes.
    public let id: String
    /// The id of the allocation changed.
    public let allocation: String
    /// Positive to increase, negative to cut; never zero.
    public let delta: Money
    /// The decision reference, such as `2017/81`; a move between partnerships uses one decision for both changes.
    public let decision: String
    /// The day of the decision.
    public let date: Day
    /// Why the allocation changed, in the finance officer's words, kept in the history.
    public let reason: String

    /// Creates a change; the ledger refuses a cut that would leave the allocation below what is committed on it.
    public init(id: String, allocation: String, delta: Money, decision: String, date: Day, reason: String) {
        self.id = id
        self.allocation = allocation
        self.delta = delta
        self.decision = decision
        self.date = date
        self.reason = reason
    }
}
