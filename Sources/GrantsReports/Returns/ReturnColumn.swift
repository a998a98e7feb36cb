/// The columns of the CSV spend return, in order: a typed key for every cell, so a misspelt column cannot
/// silently come out empty.
public enum ReturnColumn: String, CaseIterable, Sendable {
    case record
    case period
    case asOf = "as_of"
    case funderID = "funder_id"
    case funderName = "funder_name"
    case fingerprint
    case awardID = "award_id"
    case decision
    case title
    case recipientID = "recipient_id"
    case recipientName = "recipient_name"
    case cspID = "csp_id"
    case cspName = "csp_name"
    case fundID = "fund_id"
    case fundName = "fund_name"
    case scheme
    case priorities
    case awardDate = "award_date"
    case plannedStart = "planned_start"
    case plannedEnd = "planned_end"
    case state
    case awards
    case awarded
    case released
    case committed
    case paidInPeriod = "paid_in_period"
    case paidToDate = "paid_to_date"
    case outstanding
    case returned
    case contributorID = "contributor_id"
    case contributorName = "contributor_name"
    case service
    case financialYear = "financial_year"
    case expected
    case received
    case contributionOutstanding = "contribution_outstanding"
}
