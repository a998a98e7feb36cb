/// A set of entries to record together: all of them, or none.
public struct LedgerBatch: Hashable, Sendable {
    public var organisations: [Sourced<Organisation>] = []
    public var funds: [Sourced<Fund>] = []
    public var allocations: [Sourced<Allocation>] = []
    public var bids: [Sourced<Bid>] = []
    public var awards: [Sourced<Award>] = []
    public var payments: [Sourced<Payment>] = []
    public var underspendReturns: [Sourced<UnderspendReturn>] = []
    public var contributions: [Sourced<ContributionSchedule>] = []
    public var withdrawals: [Sourced<ContributionWithdrawal>] = []

    public init() {}

    /// How many entries the batch holds.
    public var count: Int {
        organisations.count + funds.count + allocations.count + bids.count + awards.count + payments.count
            + underspendReturns.count + contributions.count + withdrawals.count
    }

    /// Appends every entry of `other`.
    public mutating func append(contentsOf other: LedgerBatch) {
        organisations += other.organisations
        funds += other.funds
        allocations += other.allocations
        bids += other.bids
        awards += other.awards
        payments += other.payments
        underspendReturns += other.underspendReturns
        contributions += other.contributions
        withdrawals += other.withdrawals
    }
}
