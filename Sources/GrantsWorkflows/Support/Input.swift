import GrantsCore

/// Reads the values a person types (on a command line or in a form), naming the field on error.
public enum Input {
    /// A day, `YYYY-MM-DD`.
    public static func day(_ text: String, field: String) throws(WorkflowError) -> Day {
        try parsing(field) { try Day(parsing: text) }
    }

    /// An amount in pounds and pence, `2500.00`.
    public static func money(_ text: String, field: String) throws(WorkflowError) -> Money {
        try parsing(field) { try Money(parsing: text) }
    }

    /// A financial year, `2017/18`.
    public static func year(_ text: String, field: String) throws(WorkflowError) -> FinancialYear {
        try parsing(field) { try FinancialYear(parsing: text) }
    }

    /// An organisation identifier, `GB-CHC-1234567`.
    public static func organisation(_ text: String, field: String) throws(WorkflowError) -> OrganisationID {
        try parsing(field) { try OrganisationID(parsing: text) }
    }

    /// A calendar month, `2017-07`.
    public static func month(_ text: String, field: String) throws(WorkflowError) -> CalendarMonth {
        try parsing(field) { try CalendarMonth(parsing: text) }
    }

    /// A quarter of a financial year, `Q1` to `Q4`.
    public static func quarter(_ text: String, field: String) throws(WorkflowError) -> Quarter {
        try parsing(field) { try Quarter(parsing: text) }
    }

    /// An id or reference a person gives a new entry (`--id`, `--decision`): see `Identifier`.
    public static func identifier(_ text: String, field: String) throws(WorkflowError) -> String {
        if let problem = Identifier.problem(text) { throw .usage("\(field): \(problem)") }
        return text
    }

    /// An optional id: checked when given.
    public static func identifier(_ text: String?, field: String) throws(WorkflowError) -> String? {
        try text.map { text throws(WorkflowError) in try identifier(text, field: field) }
    }

    /// A contribution's amount for one year, `2017/18=8000.00`.
    public static func instalment(_ text: String, field: String) throws(WorkflowError)
        -> ContributionSchedule.Instalment
    {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { throw .usage("\(field): '\(text)' is not YEAR=AMOUNT") }
        return .init(year: try year(parts[0], field: field), amount: try money(parts[1], field: field))
    }

    /// Runs a parser, prefixing its failure with the field it read.
    private static func parsing<T>(_ field: String, _ parse: () throws -> T) throws(WorkflowError) -> T {
        do {
            return try parse()
        } catch {
            throw .usage("\(field): \(error)")
        }
    }

    /// The period a claim covers: `Q2` (of `year`), `2017/18-Q2`, or `2017-07-01..2017-09-30`.
    public static func claimPeriod(_ text: String, year: FinancialYear, field: String) throws(WorkflowError)
        -> ClosedRange<Day>
    {
        if let dots = text.range(of: "..") {
            let start = try day(String(text[..<dots.lowerBound]), field: field)
            let end = try day(String(text[dots.upperBound...]), field: field)
            guard start <= end else { throw .usage("\(field): \(start) is after \(end)") }
            return start...end
        }
        var label = Substring(text)
        var inYear = year
        if let dash = text.lastIndex(of: "-"), text.count == 10 {
            inYear = try self.year(String(text[..<dash]), field: field)
            label = text[text.index(after: dash)...]
        }
        do {
            return inYear.days(of: try Quarter(parsing: String(label)))
        } catch {
            throw .usage("\(field): '\(text)' is not Q1 to Q4, 2017/18-Q2, or a range such as 2017-07-01..2017-09-30")
        }
    }
}
