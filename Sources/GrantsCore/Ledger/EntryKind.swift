/// The kinds of entry the ledger keeps, in the order they must be recorded (each may refer to the ones before).
public enum EntryKind: String, CaseIterable, Hashable, Sendable {
    case organisation
    case fund
    case allocation
    case bid
    case award
    case payment
    case underspendReturn = "underspend-return"
    case contribution
    case contributionWithdrawal = "contribution-withdrawal"

    /// How people say it: "underspend return".
    public var title: String { String(rawValue.map { $0 == "-" ? " " : $0 }) }
}
