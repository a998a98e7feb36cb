/// A body in the ledger: the OPCC, a community safety partnership, a responsible authority, or an applicant.
public struct Organisation: Hashable, Sendable {
    /// The organisation's org-id: its key everywhere in the ledger and in 360Giving returns.
    public let id: OrganisationID
    /// The organisation's name as people read it.
    public let name: String
    /// What kind of body it is, which decides what it may apply for and whether it may be a member of a CSP.
    public let kind: OrganisationKind
    /// For a CSP, its responsible authorities; empty otherwise.
    public let members: [OrganisationID]
    /// The Charity Commission number, when registered.
    public let charityNumber: String?
    /// The Companies House number, when incorporated.
    public let companyNumber: String?
    /// The area it serves, such as an ONS district code (`E07000126` for South Ribble).
    public let locationCode: String?
    /// Whether the record is invented for examples and must not be read as a real body.
    public let isExample: Bool
    /// Whether publishing where it is, or who it is, could put people in danger (a refuge, a domestic-abuse
    /// service): every file for the public names it by `publishedAs` and carries no address, location or register
    /// number; the returns for the commissioners keep it.
    public let isSensitive: Bool
    /// The name files for the public give a sensitive organisation, such as "A domestic abuse service in Lancashire".
    public let publishedAs: String?

    /// Creates an organisation; the ledger checks that only a CSP has members and that they are responsible
    /// authorities.
    public init(
        id: OrganisationID, name: String, kind: OrganisationKind, members: [OrganisationID] = [],
        charityNumber: String? = nil, companyNumber: String? = nil, locationCode: String? = nil,
        isExample: Bool = false, isSensitive: Bool = false, publishedAs: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.members = members
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.locationCode = locationCode
        self.isExample = isExample
        self.isSensitive = isSensitive
        self.publishedAs = publishedAs
    }
}
