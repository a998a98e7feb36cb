/// A claim for money on an award, for a period of work done: CSP grants are paid in arrears against claims.
public struct Claim: Hashable, Sendable {
    /// The claim's id, which a payment may refer to.
    public let id: String
    /// The id of the award claimed on.
    public let award: String
    /// The first day of the work claimed for.
    public let periodStart: Day
    /// The last day of the work claimed for.
    public let periodEnd: Day
    /// The amount claimed.
    public let amount: Money
    /// The day the claim was made.
    public let date: Day

    /// Creates a claim on an award for a period of work done.
    public init(id: String, award: String, periodStart: Day, periodEnd: Day, amount: Money, date: Day) {
        self.id = id
        self.award = award
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.amount = amount
        self.date = date
    }
}

/// The end-of-grant report: what the recipient spent. The unspent part of what was paid is owed back; the unpaid
/// part of the award is released to the allocation or fund it drew on.
public struct AwardClosure: Hashable, Sendable {
    /// The closure's id; one closure per award.
    public let id: String
    /// The id of the award closed.
    public let award: String
    /// What the recipient says it spent in all: paid less spent is owed back.
    public let spent: Money
    /// The day the end-of-grant report came in.
    public let date: Day

    /// Creates the closure of an award with what the recipient spent.
    public init(id: String, award: String, spent: Money, date: Day) {
        self.id = id
        self.award = award
        self.spent = spent
        self.date = date
    }
}

/// A decision to withdraw an award before anything was paid on it: all of it is released.
public struct AwardWithdrawal: Hashable, Sendable {
    /// The withdrawal's id, unique among award withdrawals.
    public let id: String
    /// The id of the award withdrawn.
    public let award: String
    /// The day of the decision to withdraw.
    public let date: Day
    /// Why the award was withdrawn, in the words of the decision.
    public let reason: String

    /// Creates the withdrawal of an award; the ledger refuses it once anything has been paid.
    public init(id: String, award: String, date: Day, reason: String) {
        self.id = id
        self.award = award
        self.date = date
        self.reason = reason
    }
}

/// A financial year closed at year end: its funds take no new awards.
public struct YearClosure: Hashable, Sendable {
    /// The financial year closed.
    public let year: FinancialYear
    /// The day it was closed.
    public let date: Day

    /// Creates the closure of a financial year at year end.
    public init(year: FinancialYear, date: Day) {
        self.year = year
        self.date = date
    }
}

/// Money received from a contributor against one year of a contribution schedule.
public struct ContributionReceipt: Hashable, Sendable {
    /// The receipt's id, unique among contribution receipts.
    public let id: String
    /// The id of the contribution schedule paid against.
    public let contribution: String
    /// The year of the schedule the money is for, which may differ from the year it arrived in.
    public let year: FinancialYear
    /// The amount received.
    public let amount: Money
    /// The day the money was received.
    public let date: Day

    /// Creates a receipt of money against one year of a contribution schedule.
    public init(id: String, contribution: String, year: FinancialYear, amount: Money, date: Day) {
        self.id = id
        self.contribution = contribution
        self.year = year
        self.amount = amount
        self.date = date
    }
}

/// Where an award stands.
public enum AwardState: String, CaseIterable, Hashable, Sendable {
    /// Made, with no claim yet.
    case awarded
    /// At least one claim made, or a payment; still open.
    case claiming
    /// The end-of-grant report is in.
    case closed
    /// Withdrawn before anything was paid.
    case withdrawn
}
