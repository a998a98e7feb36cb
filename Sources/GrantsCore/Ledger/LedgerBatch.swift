/// A set of entries to record together: all of them, or none.
public struct LedgerBatch: Hashable, Sendable {
    public var organisations: [Sourced<Organisation>] = []
    public var funds: [Sourced<Fund>] = []
    public var allocations: [Sourced<Allocation>] = []
    public var allocationChanges: [Sourced<AllocationChange>] = []
    public var bids: [Sourced<Bid>] = []
    public var awards: [Sourced<Award>] = []
    public var claims: [Sourced<Claim>] = []
    public var payments: [Sourced<Payment>] = []
    public var closures: [Sourced<AwardClosure>] = []
    public var awardWithdrawals: [Sourced<AwardWithdrawal>] = []
    public var underspendReturns: [Sourced<UnderspendReturn>] = []
    public var contributions: [Sourced<ContributionSchedule>] = []
    public var withdrawals: [Sourced<ContributionWithdrawal>] = []
    public var receipts: [Sourced<ContributionReceipt>] = []
    public var yearClosures: [Sourced<YearClosure>] = []

    public init() {}

    /// How many entries the batch holds.
    public var count: Int {
        organisations.count + funds.count + allocations.count + allocationChanges.count + bids.count + awards.count + claims.count
            + payments.count + closures.count + awardWithdrawals.count + underspendReturns.count + contributions.count
            + withdrawals.count + receipts.count + yearClosures.count
    }

    /// Appends every entry of `other`.
    public mutating func append(contentsOf other: LedgerBatch) {
        organisations += other.organisations
        funds += other.funds
        allocations += other.allocations
        allocationChanges += other.allocationChanges
        bids += other.bids
        awards += other.awards
        claims += other.claims
        payments += other.payments
        closures += other.closures
        awardWithdrawals += other.awardWithdrawals
        underspendReturns += other.underspendReturns
        contributions += other.contributions
        withdrawals += other.withdrawals
        receipts += other.receipts
        yearClosures += other.yearClosures
    }
}
