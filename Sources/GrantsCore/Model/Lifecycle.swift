/// A claim for money on an award, for a period of work done: CSP grants are paid in arrears against claims.
public struct Claim: Hashable, Sendable {
    public let id: String
    public let award: String
    public let periodStart: Day
    public let periodEnd: Day
    public let amount: Money
    public let date: Day

    public init(id: String, award: String, periodStart: Day, periodEnd: Day, amount: Money, date: Day) {
        self.id = id
        self.award = award
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.amount = amount
        self.date = date
    }
}

/// The end-of-grant return: what the recipient spent. The unspent part of what was paid is owed back; the unpaid
/// part of the award is released to the allocation or fund it drew on.
public struct AwardClosure: Hashable, Sendable {
    /// The closure's id; one closure per award.
    public let id: String
    public let award: String
    public let spent: Money
    public let date: Day

    public init(id: String, award: String, spent: Money, date: Day) {
        self.id = id
        self.award = award
        self.spent = spent
        self.date = date
    }
}

/// A decision to withdraw an award before anything was paid on it: all of it is released.
public struct AwardWithdrawal: Hashable, Sendable {
    public let id: String
    public let award: String
    public let date: Day
    public let reason: String

    public init(id: String, award: String, date: Day, reason: String) {
        self.id = id
        self.award = award
        self.date = date
        self.reason = reason
    }
}

/// A financial year closed at year end: its funds take no new awards.
public struct YearClosure: Hashable, Sendable {
    public let year: FinancialYear
    public let date: Day

    public init(year: FinancialYear, date: Day) {
        self.year = year
        self.date = date
    }
}

/// Money received from a contributor against one year of a contribution schedule.
public struct ContributionReceipt: Hashable, Sendable {
    public let id: String
    public let contribution: String
    public let year: FinancialYear
    public let amount: Money
    public let date: Day

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
    /// The end-of-grant return is in.
    case closed
    /// Withdrawn before anything was paid.
    case withdrawn
}
