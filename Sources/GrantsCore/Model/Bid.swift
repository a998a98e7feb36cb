/// An application for money from a fund.
public struct Bid: Hashable, Sendable {
    /// The bid's id, which an award refers to.
    public let id: String
    /// The id of the fund applied to.
    public let fund: String
    /// The organisation applying.
    public let applicant: OrganisationID
    /// The project's title.
    public let title: String
    /// The amount asked for.
    public let requested: Money
    /// The day the applicant submitted the bid.
    public let submitted: Day
    /// For a CSP grant bid, the partnership whose allocation would pay.
    public let csp: OrganisationID?

    /// Creates a bid as the ledger records it, once it has been submitted.
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
