/// The kinds of entry the ledger keeps, in the order they must be recorded (each may refer to the ones before).
///
/// This is the one list of kinds: batches, ledger files, the store and the reports all iterate `allCases`. A new
/// kind is a case here (in its place in the order), its type below, and a folder of files per module: see
/// `Ledger/Entries/` here, `Entries/` in GrantsImport and `Entries/` in GrantsStore.
public enum EntryKind: String, CaseIterable, Hashable, Sendable {
    /// A body: the OPCC, a community safety partnership, a responsible authority or an applicant.
    case organisation
    /// One scheme's budget for one financial year.
    case fund
    /// A part of a fund set aside for one community safety partnership.
    case allocation
    /// A later decision that cuts or increases an allocation.
    case allocationChange = "allocation-change"
    /// An application for money from a fund.
    case bid
    /// A decision to grant money to a recipient for a project.
    case award
    /// A recipient's claim for work done on an award.
    case claim
    /// Money paid out against an award.
    case payment
    /// The end-of-grant report that closes an award and releases what it did not use.
    case awardClosure = "award-closure"
    /// The withdrawal of an award before anything was paid on it.
    case awardWithdrawal = "award-withdrawal"
    /// An underspend repayment (its name in the history, `underspend-return`, is kept as shipped).
    case underspendRepayment = "underspend-return"
    /// A partner's schedule of yearly payments towards a commissioned service.
    case contribution
    /// A decision to stop a contribution schedule from a day on.
    case contributionWithdrawal = "contribution-withdrawal"
    /// Money received against one year of a contribution schedule.
    case contributionReceipt = "contribution-receipt"
    /// The closing of a financial year, after which its funds take no new awards.
    case yearClosure = "year-closure"

    /// How people say it in messages and summaries: "award closure", "underspend return" (as shipped).
    public var title: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }

    /// The type that holds entries of this kind.
    public var entryType: any LedgerEntry.Type {
        switch self {
        case .organisation: Organisation.self
        case .fund: Fund.self
        case .allocation: Allocation.self
        case .allocationChange: AllocationChange.self
        case .bid: Bid.self
        case .award: Award.self
        case .claim: Claim.self
        case .payment: Payment.self
        case .awardClosure: AwardClosure.self
        case .awardWithdrawal: AwardWithdrawal.self
        case .underspendRepayment: UnderspendRepayment.self
        case .contribution: ContributionSchedule.self
        case .contributionWithdrawal: ContributionWithdrawal.self
        case .contributionReceipt: ContributionReceipt.self
        case .yearClosure: YearClosure.self
        }
    }
}
