import GrantsCore

/// What XSD 1.0 cannot say about a return, checked on a document as it is read: the return's figures follow from
/// one another, its days fit its period, and its lines fit its scope.
///
/// Given each `ReturnRecord` in document order (the header, the award lines, the totals, the contribution lines),
/// it keeps only the period, the scope and running sums per fund and per CSP, so a million-line return takes no
/// more memory than a short one. Each problem is a `ValidationIssue` on the line of the element concerned, worded
/// like libxml2's: `Element 'committed': …; expected ….` Every check is run and every problem listed (up to
/// `limit`). The checks assume a document valid against the schema; what they make of any other is not reported.
struct ReturnConsistency {
    /// The problems found so far, in document order.
    private(set) var issues: [ValidationIssue] = []
    /// More problems than this and the rest are not listed.
    let limit: Int

    /// The financial year the header names, once understood.
    var year: FinancialYear?
    /// The period the header names, once understood: its label, and its first and last days.
    var period: SpendReturn.Period?
    /// The one fund or CSP the return covers, if it covers only one.
    var scopeFund: String?
    var scopeCSP: String?
    /// The award lines read so far, added up per fund and per CSP within a fund.
    var fundSums: [String: LineSums] = [:]
    var cspSums: [CSPInFund: LineSums] = [:]

    /// A CSP's lines within one fund: the key of a CSP total.
    struct CSPInFund: Hashable {
        let csp: String
        let fund: String
    }

    init(limit: Int) {
        self.limit = limit
    }

    /// Checks one part of the return; the header must come before the lines, and the lines before the totals.
    mutating func check(_ record: ReturnRecord) {
        switch record.kind {
        case .header: checkHeader(record)
        case .award: checkAward(record)
        case .cspTotal, .fundTotal: checkTotal(record)
        case .contribution: checkContribution(record)
        case .payment, .claim: break
        }
    }

    /// Lists a problem with the element of `field` holding `value`; `problem` says what is wrong, then what was
    /// expected.
    mutating func report(_ field: ReturnField, at value: ReturnRecord.Value, _ problem: String) {
        report(field.element, line: value.line, problem)
    }

    /// Lists a problem with the element `name` on `line`.
    mutating func report(_ name: String, line: Int, _ problem: String) {
        guard issues.count < limit else { return }
        issues.append(ValidationIssue(line: line, message: "Element '\(name)': \(problem).", check: .consistency))
    }

    // MARK: - Reading values
    //
    // A document valid against the schema always has values these read (money fits in pence, days exist); for any
    // other, a value that cannot be read leaves the checks that need it unrun.

    /// The amount of `field`, in exact pence.
    func money(_ record: ReturnRecord, _ field: ReturnField) -> (amount: Money, value: ReturnRecord.Value)? {
        guard let value = record[field], let amount = try? Money(parsing: value.text) else { return nil }
        return (amount, value)
    }

    /// The day of `field`.
    func day(_ record: ReturnRecord, _ field: ReturnField) -> (day: Day, value: ReturnRecord.Value)? {
        guard let value = record[field], let day = try? Day(parsing: value.text) else { return nil }
        return (day, value)
    }

    /// The financial year of `field`, or `nil` after reporting why it is not one.
    mutating func financialYear(_ record: ReturnRecord, _ field: ReturnField) -> FinancialYear? {
        guard let value = record[field] else { return nil }
        do {
            return try FinancialYear(parsing: value.text)
        } catch {
            switch error {
            case .notConsecutive:
                let first = Int(value.text.prefix(4)).flatMap { FinancialYear(startYear: $0) }
                report(field, at: value, "\(value.text) is not a financial year: its second year does not follow the "
                    + "first; expected \(first?.label ?? "a year such as 2017/18")")
            case .malformed, .badQuarter:
                report(field, at: value, "\(value.text) is not a financial year a return can hold; expected one from "
                    + "1000/01 to 9998/99")
            }
            return nil
        }
    }
}
