/// A set of entries to record together: all of them, or none.
public struct LedgerBatch: Hashable, Sendable {
    /// Organisations to record: the OPCC, partnerships, responsible authorities and applicants.
    public var organisations: [Sourced<Organisation>] = []
    /// Funds to record, each one scheme's budget for a year.
    public var funds: [Sourced<Fund>] = []
    /// Allocations of funds to community safety partnerships to record.
    public var allocations: [Sourced<Allocation>] = []
    /// Cuts and increases to allocations to record.
    public var allocationChanges: [Sourced<AllocationChange>] = []
    /// Bids to record, so that later eligibility checks see who has applied.
    public var bids: [Sourced<Bid>] = []
    /// Awards to record, each drawing on a fund or on a partnership's allocation.
    public var awards: [Sourced<Award>] = []
    /// Claims for work done on awards to record.
    public var claims: [Sourced<Claim>] = []
    /// Payments on awards to record.
    public var payments: [Sourced<Payment>] = []
    /// End-of-grant returns that close awards, to record.
    public var closures: [Sourced<AwardClosure>] = []
    /// Withdrawals of unpaid awards to record.
    public var awardWithdrawals: [Sourced<AwardWithdrawal>] = []
    /// Unspent money handed back by recipients, to record.
    public var underspendReturns: [Sourced<UnderspendReturn>] = []
    /// Partners' contribution schedules to record.
    public var contributions: [Sourced<ContributionSchedule>] = []
    /// Withdrawals of contribution schedules to record.
    public var withdrawals: [Sourced<ContributionWithdrawal>] = []
    /// Money received against contribution schedules, to record.
    public var receipts: [Sourced<ContributionReceipt>] = []
    /// Financial years to close.
    public var yearClosures: [Sourced<YearClosure>] = []

    /// Creates an empty batch, for the readers of ledger files to fill.
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
