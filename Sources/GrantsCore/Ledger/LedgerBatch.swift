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
    public var underspendRepayments: [Sourced<UnderspendRepayment>] = []
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
        EntryKind.allCases.reduce(0) { total, kind in total + count(of: kind.entryType) }
    }

    /// Appends every entry of `other`, kind by kind.
    public mutating func append(contentsOf other: LedgerBatch) {
        for kind in EntryKind.allCases {
            append(kind.entryType, from: other)
        }
    }

    /// The batch's entries of one kind.
    public func entries<Entry: LedgerEntry>(of type: Entry.Type) -> [Sourced<Entry>] {
        self[keyPath: Entry.batchEntries]
    }

    private func count<Entry: LedgerEntry>(of type: Entry.Type) -> Int {
        self[keyPath: Entry.batchEntries].count
    }

    private mutating func append<Entry: LedgerEntry>(_ type: Entry.Type, from other: LedgerBatch) {
        self[keyPath: Entry.batchEntries] += other[keyPath: Entry.batchEntries]
    }
}
