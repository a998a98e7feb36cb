/// A fund: one scheme's money for one financial year.
public struct Fund: Hashable, Sendable {
    /// The fund's id, such as `CSP-2017-18`.
    public let id: String
    /// The fund's name as people read it.
    public let name: String
    /// The scheme whose rules say how the fund's money goes out: through CSP allocations or directly.
    public let scheme: Scheme
    /// The financial year the money is for.
    public let year: FinancialYear
    /// The budget: the most that may be allocated and awarded from it.
    public let amount: Money
    /// Who holds the money, normally the OPCC.
    public let funder: OrganisationID

    /// Creates a fund: one scheme's budget for one financial year.
    public init(id: String, name: String, scheme: Scheme, year: FinancialYear, amount: Money, funder: OrganisationID) {
        self.id = id
        self.name = name
        self.scheme = scheme
        self.year = year
        self.amount = amount
        self.funder = funder
    }
}
