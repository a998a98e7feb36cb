/// The kinds of entry the ledger keeps, in the order they must be recorded (each may refer to the ones before).
public enum EntryKind: String, CaseIterable, Hashable, Sendable {
    case organisation
    case fund
    case allocation
    case allocationChange = "allocation-change"
    case bid
    case award
    case claim
    case payment
    case awardClosure = "award-closure"
    case awardWithdrawal = "award-withdrawal"
    case underspendReturn = "underspend-return"
    case contribution
    case contributionWithdrawal = "contribution-withdrawal"
    case contributionReceipt = "contribution-receipt"
    case yearClosure = "year-closure"

    /// How people say it: "underspend return".
    public var title: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}
