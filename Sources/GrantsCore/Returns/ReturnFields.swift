/// A value in one of a return's tables, before a format writes it: CSV as text, XML as an element, a spreadsheet
/// as a typed cell.
public enum ReturnValue: Hashable, Sendable {
    /// Text or an id; `nil` is an empty cell (or no element).
    case text(String?)
    /// An amount of money.
    case money(Money)
    /// A day; `nil` is an empty cell.
    case day(Day?)
    /// A whole number, such as a count of awards.
    case count(Int)
}

/// One column of a return's table: the key (the CSV column and the XML element), the title a spreadsheet shows, and
/// how a line gives its value. The CSV, the XML and the workbook all read the same lists (`ReturnFields`), so a
/// field is in every format or in none, under the same name and with the same value.
public struct ReturnField<Line>: Sendable {
    /// The machine name: `award_id`, `paid_to_date`.
    public let key: String
    /// The name people read: `Award ID`, `Paid to date`.
    public let title: String
    /// The line's value of this field.
    public let value: @Sendable (Line) throws(MoneyError) -> ReturnValue

    init(_ key: String, _ title: String, _ value: @escaping @Sendable (Line) throws(MoneyError) -> ReturnValue) {
        self.key = key
        self.title = title
        self.value = value
    }
}

/// The fields of each of a return's tables, in order.
public enum ReturnFields {
    /// One row per award: who, what, from where, and every figure.
    public static let award: [ReturnField<SpendReturn.AwardLine>] = [
        .init("award_id", "Award ID") { .text($0.awardID) },
        .init("decision", "Decision") { .text($0.decision) },
        .init("title", "Title") { .text($0.title) },
        .init("recipient_id", "Recipient ID") { .text($0.recipientID) },
        .init("recipient_name", "Recipient name") { .text($0.recipientName) },
        .init("charity_number", "Charity number") { .text($0.charityNumber) },
        .init("company_number", "Company number") { .text($0.companyNumber) },
        .init("csp_id", "CSP ID") { .text($0.cspID) },
        .init("csp_name", "CSP name") { .text($0.cspName) },
        .init("csp_area_code", "CSP area code") { .text($0.cspLocationCode) },
        .init("fund_id", "Fund ID") { .text($0.fundID) },
        .init("fund_name", "Fund name") { .text($0.fundName) },
        .init("scheme", "Scheme") { .text($0.scheme.rawValue) },
        .init("scheme_label", "Scheme name") { .text($0.scheme.title) },
        .init("priorities", "Priorities") { .text($0.priorities.joined(separator: ";")) },
        .init("priority_labels", "Priority names") {
            .text($0.priorities.map { Priority.known[$0] ?? $0 }.joined(separator: "; "))
        },
        .init("award_date", "Award date") { .day($0.awardDate) },
        .init("planned_start", "Planned start") { .day($0.plannedStart) },
        .init("planned_end", "Planned end") { .day($0.plannedEnd) },
        .init("state", "State") { .text($0.state.rawValue) },
        .init("applied_for", "Applied for") { line in line.amountAppliedFor.map { .money($0) } ?? .text(nil) },
        .init("awarded", "Awarded") { .money($0.awarded) },
        .init("released", "Released") { .money($0.released) },
        .init("committed", "Committed") { .money($0.committed) },
        .init("paid_in_period", "Paid in period") { .money($0.paidInPeriod) },
        .init("paid_to_date", "Paid to date") { .money($0.paidToDate) },
        .init("outstanding", "Outstanding") { .money($0.outstanding) },
        .init("returned", "Returned") { .money($0.returned) },
    ]

    /// The totals of the award lines per CSP and per fund.
    public static let total: [ReturnField<SpendReturn.Total>] = [
        .init("level", "Level") { .text($0.level.rawValue) },
        .init("fund_id", "Fund ID") { .text($0.fundID) },
        .init("csp_id", "CSP ID") { .text($0.level == .csp ? $0.key : nil) },
        .init("name", "Name") { .text($0.name) },
        .init("awards", "Awards") { .count($0.awards) },
        .init("awarded", "Awarded") { .money($0.awarded) },
        .init("released", "Released") { .money($0.released) },
        .init("committed", "Committed") { .money($0.committed) },
        .init("paid_in_period", "Paid in period") { .money($0.paidInPeriod) },
        .init("paid_to_date", "Paid to date") { .money($0.paidToDate) },
        .init("outstanding", "Outstanding") { .money($0.outstanding) },
        .init("returned", "Returned") { .money($0.returned) },
    ]

    /// Each fund's budget and each partnership's allocation, as `grants status` gives them as of the return's day.
    public static let budget: [ReturnField<StatusReport.Line>] = [
        .init("level", "Level") { .text($0.csp == nil ? "fund" : "csp") },
        .init("fund_id", "Fund ID") { .text($0.fundID) },
        .init("csp_id", "CSP ID") { .text($0.csp?.rawValue) },
        .init("name", "Name") { .text($0.cspName ?? $0.fundName) },
        .init("budget", "Budget") { .money($0.budget) },
        .init("allocated", "Allocated") { .money($0.allocated) },
        .init("committed", "Committed") { .money($0.committed) },
        .init("paid_to_date", "Paid to date") { .money($0.paid) },
        .init("returned", "Returned") { .money($0.returned) },
        .init("remaining", "Remaining") { line throws(MoneyError) in .money(try line.remaining()) },
        .init("forecast", "Forecast outturn") { .money($0.forecast) },
        .init("variance", "Variance") { line throws(MoneyError) in .money(try line.variance()) },
    ]

    /// The payments made in the period.
    public static let payment: [ReturnField<SpendReturn.PaymentLine>] = [
        .init("payment_id", "Payment ID") { .text($0.paymentID) },
        .init("award_id", "Award ID") { .text($0.awardID) },
        .init("claim_id", "Claim ID") { .text($0.claimID) },
        .init("date", "Date") { .day($0.date) },
        .init("amount", "Amount") { .money($0.amount) },
        .init("reference", "Remittance reference") { .text($0.reference) },
    ]

    /// The claims made in the period.
    public static let claim: [ReturnField<SpendReturn.ClaimLine>] = [
        .init("claim_id", "Claim ID") { .text($0.claimID) },
        .init("award_id", "Award ID") { .text($0.awardID) },
        .init("period_start", "Work from") { .day($0.periodStart) },
        .init("period_end", "Work to") { .day($0.periodEnd) },
        .init("date", "Date") { .day($0.date) },
        .init("amount", "Amount") { .money($0.amount) },
        .init("paid_by", "Paid by") { .text($0.paidBy) },
    ]

    /// Partners' contributions to commissioned services, one row per schedule and year.
    public static let contribution: [ReturnField<SpendReturn.ContributionLine>] = [
        .init("contribution_id", "Contribution ID") { .text($0.contributionID) },
        .init("contributor_id", "Contributor ID") { .text($0.contributorID) },
        .init("contributor_name", "Contributor name") { .text($0.contributorName) },
        .init("service", "Service") { .text($0.service) },
        .init("financial_year", "Financial year") { .text($0.year.label) },
        .init("scheduled", "Scheduled") { .money($0.scheduled) },
        .init("withdrawn_on", "Withdrawn on") { .day($0.withdrawnOn) },
        .init("withdrawal_reason", "Withdrawal reason") { .text($0.withdrawalReason) },
        .init("expected", "Expected") { .money($0.expected) },
        .init("received", "Received") { .money($0.received) },
        .init("contribution_outstanding", "Outstanding") { .money($0.outstanding) },
    ]
}
