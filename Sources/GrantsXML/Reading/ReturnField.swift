/// A value of a return that the consistency checks or the placing of identity-constraint errors read, by where it
/// stands in its part (`ReturnRecord`). Values are kept by field, not by a path that would be hashed: this runs for
/// every element of a return.
enum ReturnField: Int, CaseIterable {
    // The header.
    case periodLabel, periodFinancialYear, periodQuarter, periodAsOf, firstDay, lastDay, scopeFund, scopeCSP, asOf
    // An award line (`fund` also on a total, where it holds the fund's id; `csp` only on a total).
    case fund, fundID, cspID, awardDate, plannedStart, plannedEnd
    // The amounts an award line and a total both carry, in the schema's order.
    case awarded, released, committed, paidInPeriod, paidToDate, outstanding, returned
    // A total.
    case csp, awards
    // A contribution line (`outstanding` as above); `id` also on an award line.
    case id, financialYear, expected, received
    // A payment or claim: the award it is on.
    case award

    /// The amounts an award line and a total both carry, in the schema's order.
    static let amounts: [ReturnField] = [
        .awarded, .released, .committed, .paidInPeriod, .paidToDate, .outstanding, .returned,
    ]

    /// The element's local name, as messages name it.
    var element: String {
        switch self {
        case .periodLabel: "label"
        case .periodFinancialYear, .financialYear: "financialYear"
        case .periodQuarter: "quarter"
        case .periodAsOf, .asOf: "asOf"
        case .firstDay: "firstDay"
        case .lastDay: "lastDay"
        case .scopeFund, .fund: "fund"
        case .scopeCSP, .csp: "csp"
        case .fundID, .cspID, .id: "id"
        case .awardDate: "awardDate"
        case .plannedStart: "plannedStart"
        case .plannedEnd: "plannedEnd"
        case .awarded: "awarded"
        case .released: "released"
        case .committed: "committed"
        case .paidInPeriod: "paidInPeriod"
        case .paidToDate: "paidToDate"
        case .outstanding: "outstanding"
        case .returned: "returned"
        case .awards: "awards"
        case .expected: "expected"
        case .received: "received"
        case .award: "award"
        }
    }

    /// The field of `element` in `parent`, `depth` levels below a part of kind `kind` (1 for its children), or `nil`
    /// when no check reads it. An element that holds others is kept for its line.
    static func of(_ element: ReturnElement, in parent: ReturnElement, depth: Int, below kind: ReturnRecord.Kind)
        -> ReturnField?
    {
        switch (kind, depth) {
        case (.header, 1):
            return element == .asOf ? .asOf : nil
        case (.header, 2):
            switch (parent, element) {
            case (.period, .label): return .periodLabel
            case (.period, .financialYear): return .periodFinancialYear
            case (.period, .quarter): return .periodQuarter
            case (.period, .asOf): return .periodAsOf
            case (.period, .firstDay): return .firstDay
            case (.period, .lastDay): return .lastDay
            case (.scope, .fund): return .scopeFund
            case (.scope, .csp): return .scopeCSP
            default: return nil
            }
        case (.award, 1):
            switch element {
            case .id: return .id
            case .fund: return .fund
            case .awardDate: return .awardDate
            case .plannedStart: return .plannedStart
            case .plannedEnd: return .plannedEnd
            default: return amount(element)
            }
        case (.award, 2):
            switch (parent, element) {
            case (.fund, .id): return .fundID
            case (.csp, .id): return .cspID
            default: return nil
            }
        case (.cspTotal, 1), (.fundTotal, 1):
            switch element {
            case .csp: return kind == .cspTotal ? .csp : nil
            case .fund: return .fund
            case .awards: return .awards
            default: return amount(element)
            }
        case (.contribution, 1):
            switch element {
            case .id: return .id
            case .financialYear: return .financialYear
            case .expected: return .expected
            case .received: return .received
            case .outstanding: return .outstanding
            default: return nil
            }
        case (.payment, 1), (.claim, 1):
            return element == .award ? .award : nil
        default:
            return nil
        }
    }

    private static func amount(_ element: ReturnElement) -> ReturnField? {
        switch element {
        case .awarded: .awarded
        case .released: .released
        case .committed: .committed
        case .paidInPeriod: .paidInPeriod
        case .paidToDate: .paidToDate
        case .outstanding: .outstanding
        case .returned: .returned
        default: nil
        }
    }
}
