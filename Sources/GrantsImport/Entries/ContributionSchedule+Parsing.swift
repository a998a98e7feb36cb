import GrantsCore

extension ContributionSchedule: LedgerFileEntry {
    /// `contributions:` lists partners' yearly contributions towards a commissioned service.
    static var section: String { "contributions" }

    /// Reads one; the years map each financial year to its amount, none twice.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> ContributionSchedule {
        ContributionSchedule(
            id: try r.identifier("id"), contributor: try r.organisationID("contributor"),
            recipient: try r.organisationID("recipient"), service: try r.text("service"),
            committed: try r.day("committed"), reason: try r.text("reason"), instalments: try instalments(&r))
    }

    /// The `years` mapping, such as `{"2017/18": "8000.00"}`, in year order.
    private static func instalments(_ r: inout FieldReader) throws(ImportError) -> [Instalment] {
        var instalments: [Instalment] = []
        let expected = "a mapping of financial years to amounts, such as {\"2017/18\": \"8000.00\"}"
        for pair in try r.pairs("years", expected: expected) {
            let year: FinancialYear
            do {
                year = try FinancialYear(parsing: pair.key)
            } catch {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years", error.description)
            }
            guard !instalments.contains(where: { $0.year == year }) else {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years", "\(year) is given twice")
            }
            let amount: Money
            do {
                amount = try Money(parsing: pair.value)
            } catch {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years.\(year)", error.description)
            }
            instalments.append(.init(year: year, amount: amount))
        }
        guard !instalments.isEmpty else { throw r.error("years", "is empty; expected at least one year's amount") }
        return instalments.sorted { $0.year < $1.year }
    }
}
