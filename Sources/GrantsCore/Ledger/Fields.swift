/// An entry written as named text fields, in a fixed order: what the history keeps and what a conflict compares.
public struct Fields: Hashable, Sendable {
    /// The fields in their fixed order, with those that have no value left out.
    public let pairs: [(name: String, value: String)]

    /// Creates fields from name and value pairs in order, dropping those whose value is `nil` so that an absent
    /// optional leaves no trace.
    public init(_ pairs: [(String, String?)]) {
        self.pairs = pairs.compactMap { name, value in value.map { (name: name, value: $0) } }
    }

    /// Whether both hold the same fields with the same values in the same order, as a re-recorded entry must.
    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes the names and values in order, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.name)
            hasher.combine(pair.value)
        }
    }

    /// The value of a field, if present.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Each field whose value differs, as (name, stored, incoming); a field absent on one side shows as `(none)`.
    public func differences(from other: Fields) -> [(field: String, mine: String, theirs: String)] {
        var names: [String] = pairs.map(\.name)
        for pair in other.pairs where !names.contains(pair.name) { names.append(pair.name) }
        return names.compactMap { name in
            let mine = self[name]
            let theirs = other[name]
            return mine == theirs ? nil : (name, mine ?? "(none)", theirs ?? "(none)")
        }
    }

    /// `name=value; name=value`, for a line of history.
    public var summary: String {
        pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "; ")
    }
}

/// An entry the ledger records: an id, a kind and its fields.
public protocol LedgerEntry: Hashable, Sendable {
    /// The kind of entry, which the history and error messages name it by.
    static var kind: EntryKind { get }
    /// The id, unique within its kind.
    var entryID: String { get }
    /// The entry as named text fields: what the history keeps, and what an entry recorded again is compared by.
    var fields: Fields { get }
}

extension Organisation: LedgerEntry {
    /// Organisations are recorded first, since every other kind of entry refers to one.
    public static var kind: EntryKind { .organisation }
    /// The org-id as written, such as `GB-CHC-1164883`.
    public var entryID: String { id.rawValue }
    /// Id, name, kind, members, charity and company numbers, location code and the example flag, as the history keeps
    /// them.
    public var fields: Fields {
        Fields([
            ("id", id.rawValue), ("name", name), ("kind", kind.rawValue),
            ("members", members.isEmpty ? nil : members.map(\.rawValue).joined(separator: ",")),
            ("charity_number", charityNumber), ("company_number", companyNumber),
            ("location_code", locationCode), ("example", isExample ? "true" : nil),
        ])
    }
}

extension Fund: LedgerEntry {
    /// A fund is recorded as a `fund` entry, after the organisation that holds its money.
    public static var kind: EntryKind { .fund }
    /// The fund's id, such as `CSP-2017-18`.
    public var entryID: String { id }
    /// Id, name, scheme, financial year, amount and funder, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("name", name), ("scheme", scheme.rawValue), ("financial_year", year.label),
            ("amount", amount.plain), ("funder", funder.rawValue),
        ])
    }
}

extension Allocation: LedgerEntry {
    /// An allocation is recorded as an `allocation` entry, after its fund and partnership.
    public static var kind: EntryKind { .allocation }
    /// The allocation's id, unique among allocations.
    public var entryID: String { id }
    /// Id, fund, partnership, amount, decision and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("csp", csp.rawValue), ("amount", amount.plain),
            ("decision", decision), ("date", date.description),
        ])
    }
}

extension AllocationChange: LedgerEntry {
    /// A change is recorded as an `allocation-change` entry, after the allocation it changes.
    public static var kind: EntryKind { .allocationChange }
    /// The change's id, unique among allocation changes.
    public var entryID: String { id }
    /// Id, allocation, delta, decision, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("allocation", allocation), ("delta", delta.plain), ("decision", decision),
            ("date", date.description), ("reason", reason),
        ])
    }
}

extension Bid: LedgerEntry {
    /// A bid is recorded as a `bid` entry, after its fund and applicant.
    public static var kind: EntryKind { .bid }
    /// The bid's id, unique among bids.
    public var entryID: String { id }
    /// Id, fund, applicant, title, amount requested, day submitted and partnership, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("applicant", applicant.rawValue), ("title", title),
            ("requested", requested.plain), ("submitted", submitted.description), ("csp", csp?.rawValue),
        ])
    }
}

extension Award: LedgerEntry {
    /// An award is recorded as an `award` entry, after its fund, allocation, bid and recipient.
    public static var kind: EntryKind { .award }
    /// The award's id, unique among awards.
    public var entryID: String { id }
    /// Id, bid, fund, allocation, recipient, title, amount, decision, dates and priorities, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("bid", bid), ("fund", fund), ("allocation", allocation),
            ("recipient", recipient.rawValue), ("title", title), ("amount", amount.plain),
            ("decision", decision), ("award_date", awardDate.description),
            ("planned_start", plannedStart.description), ("planned_end", plannedEnd.description),
            ("priorities", priorities.map(\.slug).joined(separator: ",")),
        ])
    }
}

extension Payment: LedgerEntry {
    /// A payment is recorded as a `payment` entry, after its award and any claim it pays.
    public static var kind: EntryKind { .payment }
    /// The payment's id, unique among payments.
    public var entryID: String { id }
    /// Id, award, claim, amount, date and finance system reference, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("claim", claim), ("amount", amount.plain), ("date", date.description),
            ("reference", reference),
        ])
    }
}

extension Claim: LedgerEntry {
    /// A claim is recorded as a `claim` entry, after its award.
    public static var kind: EntryKind { .claim }
    /// The claim's id, unique among claims.
    public var entryID: String { id }
    /// Id, award, period claimed for, amount and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("period_start", periodStart.description),
            ("period_end", periodEnd.description), ("amount", amount.plain), ("date", date.description),
        ])
    }
}

extension AwardClosure: LedgerEntry {
    /// A closure is recorded as an `award-closure` entry, after the payments on its award.
    public static var kind: EntryKind { .awardClosure }
    /// The closure's id, unique among award closures.
    public var entryID: String { id }
    /// Id, award, amount spent and date, as the history keeps them.
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("spent", spent.plain), ("date", date.description)])
    }
}

extension AwardWithdrawal: LedgerEntry {
    /// A withdrawal is recorded as an `award-withdrawal` entry, after the award it withdraws.
    public static var kind: EntryKind { .awardWithdrawal }
    /// The withdrawal's id, unique among award withdrawals.
    public var entryID: String { id }
    /// Id, award, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("date", date.description), ("reason", reason)])
    }
}

extension YearClosure: LedgerEntry {
    /// A year closure is recorded as a `year-closure` entry, after every other kind.
    public static var kind: EntryKind { .yearClosure }
    /// The year's label, such as `2017/18`, so a year can be closed only once.
    public var entryID: String { year.label }
    /// The financial year and the day it was closed, as the history keeps them.
    public var fields: Fields {
        Fields([("financial_year", year.label), ("date", date.description)])
    }
}

extension ContributionReceipt: LedgerEntry {
    /// A receipt is recorded as a `contribution-receipt` entry, after its contribution schedule.
    public static var kind: EntryKind { .contributionReceipt }
    /// The receipt's id, unique among contribution receipts.
    public var entryID: String { id }
    /// Id, contribution, financial year, amount and date, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", contribution), ("financial_year", year.label), ("amount", amount.plain),
            ("date", date.description),
        ])
    }
}

extension UnderspendReturn: LedgerEntry {
    /// An underspend return is recorded as an `underspend-return` entry, after the payments on its award.
    public static var kind: EntryKind { .underspendReturn }
    /// The return's id, unique among underspend returns.
    public var entryID: String { id }
    /// Id, award, amount, date and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("amount", amount.plain), ("date", date.description), ("reason", reason),
        ])
    }
}

extension ContributionSchedule: LedgerEntry {
    /// A schedule is recorded as a `contribution` entry, after its contributor and recipient.
    public static var kind: EntryKind { .contribution }
    /// The schedule's id, unique among contribution schedules.
    public var entryID: String { id }
    /// Id, contributor, recipient, service, day committed, reason and each year's amount, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contributor", contributor.rawValue), ("recipient", recipient.rawValue),
            ("service", service), ("committed", committed.description), ("reason", reason),
            ("years", instalments.map { "\($0.year.label)=\($0.amount.plain)" }.joined(separator: ",")),
        ])
    }
}

extension ContributionWithdrawal: LedgerEntry {
    /// A withdrawal is recorded as a `contribution-withdrawal` entry, after the schedule it stops.
    public static var kind: EntryKind { .contributionWithdrawal }
    /// The withdrawal's id, unique among contribution withdrawals.
    public var entryID: String { id }
    /// Id, contribution, effective day and reason, as the history keeps them.
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", schedule), ("effective", effective.description), ("reason", reason),
        ])
    }
}
