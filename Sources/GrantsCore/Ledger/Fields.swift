/// An entry written as named text fields, in a fixed order: what the history keeps and what a conflict compares.
public struct Fields: Hashable, Sendable {
    public let pairs: [(name: String, value: String)]

    public init(_ pairs: [(String, String?)]) {
        self.pairs = pairs.compactMap { name, value in value.map { (name: name, value: $0) } }
    }

    public static func == (lhs: Fields, rhs: Fields) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.name == $1.name && $0.value == $1.value }
    }

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
    static var kind: EntryKind { get }
    /// The id, unique within its kind.
    var entryID: String { get }
    var fields: Fields { get }
}

extension Organisation: LedgerEntry {
    public static var kind: EntryKind { .organisation }
    public var entryID: String { id.rawValue }
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
    public static var kind: EntryKind { .fund }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("name", name), ("scheme", scheme.rawValue), ("financial_year", year.label),
            ("amount", amount.plain), ("funder", funder.rawValue),
        ])
    }
}

extension Allocation: LedgerEntry {
    public static var kind: EntryKind { .allocation }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("csp", csp.rawValue), ("amount", amount.plain),
            ("decision", decision), ("date", date.description),
        ])
    }
}

extension AllocationChange: LedgerEntry {
    public static var kind: EntryKind { .allocationChange }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("allocation", allocation), ("delta", delta.plain), ("decision", decision),
            ("date", date.description), ("reason", reason),
        ])
    }
}

extension Bid: LedgerEntry {
    public static var kind: EntryKind { .bid }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("fund", fund), ("applicant", applicant.rawValue), ("title", title),
            ("requested", requested.plain), ("submitted", submitted.description), ("csp", csp?.rawValue),
        ])
    }
}

extension Award: LedgerEntry {
    public static var kind: EntryKind { .award }
    public var entryID: String { id }
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
    public static var kind: EntryKind { .payment }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("claim", claim), ("amount", amount.plain), ("date", date.description),
            ("reference", reference),
        ])
    }
}

extension Claim: LedgerEntry {
    public static var kind: EntryKind { .claim }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("period_start", periodStart.description),
            ("period_end", periodEnd.description), ("amount", amount.plain), ("date", date.description),
        ])
    }
}

extension AwardClosure: LedgerEntry {
    public static var kind: EntryKind { .awardClosure }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("spent", spent.plain), ("date", date.description)])
    }
}

extension AwardWithdrawal: LedgerEntry {
    public static var kind: EntryKind { .awardWithdrawal }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([("id", id), ("award", award), ("date", date.description), ("reason", reason)])
    }
}

extension YearClosure: LedgerEntry {
    public static var kind: EntryKind { .yearClosure }
    public var entryID: String { year.label }
    public var fields: Fields {
        Fields([("financial_year", year.label), ("date", date.description)])
    }
}

extension ContributionReceipt: LedgerEntry {
    public static var kind: EntryKind { .contributionReceipt }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", contribution), ("financial_year", year.label), ("amount", amount.plain),
            ("date", date.description),
        ])
    }
}

extension UnderspendReturn: LedgerEntry {
    public static var kind: EntryKind { .underspendReturn }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("award", award), ("amount", amount.plain), ("date", date.description), ("reason", reason),
        ])
    }
}

extension ContributionSchedule: LedgerEntry {
    public static var kind: EntryKind { .contribution }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("contributor", contributor.rawValue), ("recipient", recipient.rawValue),
            ("service", service), ("committed", committed.description), ("reason", reason),
            ("years", instalments.map { "\($0.year.label)=\($0.amount.plain)" }.joined(separator: ",")),
        ])
    }
}

extension ContributionWithdrawal: LedgerEntry {
    public static var kind: EntryKind { .contributionWithdrawal }
    public var entryID: String { id }
    public var fields: Fields {
        Fields([
            ("id", id), ("contribution", schedule), ("effective", effective.description), ("reason", reason),
        ])
    }
}
