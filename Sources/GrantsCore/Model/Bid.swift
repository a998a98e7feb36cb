/// An application for money from a fund.
public struct Bid: Hashable, Sendable {
    public let id: String
    public let fund: String
    public let applicant: OrganisationID
    public let title: String
    public let requested: Money
    public let submitted: Day
    /// For a CSP grant bid, the partnership whose allocation would pay.
    public let csp: OrganisationID?

    public init(
        id: String, fund: String, applicant: OrganisationID, title: String, requested: Money, submitted: Day,
        csp: OrganisationID? = nil
    ) {
        self.id = id
        self.fund = fund
        self.applicant = applicant
        self.title = title
        self.requested = requested
        self.submitted = submitted
        self.csp = csp
    }
}
