/// A fund: one scheme's money for one financial year.
public struct Fund: Hashable, Sendable {
    public let id: String
    public let name: String
    public let scheme: Scheme
    public let year: FinancialYear
    /// The budget: the most that may be allocated and awarded from it.
    public let amount: Money
    /// Who holds the money, normally the OPCC.
    public let funder: OrganisationID

    public init(id: String, name: String, scheme: Scheme, year: FinancialYear, amount: Money, funder: OrganisationID) {
        self.id = id
        self.name = name
        self.scheme = scheme
        self.year = year
        self.amount = amount
        self.funder = funder
    }
}
