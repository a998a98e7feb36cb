/// What kind of body an organisation is; it decides what it may apply for and what role it plays in a CSP.
public enum OrganisationKind: String, CaseIterable, Hashable, Sendable {
    /// The Office of the Police and Crime Commissioner, which holds the funds and commissions services.
    case opcc = "opcc"
    /// A community safety partnership, which is allocated part of the CSP pot and whose members may bid on it.
    case communitySafetyPartnership = "csp"
    /// A council: a responsible authority of its community safety partnership.
    case localAuthority = "local-authority"
    /// The police force: a responsible authority.
    case police = "police"
    /// The fire and rescue service: a responsible authority.
    case fireAndRescue = "fire"
    /// The probation service: a responsible authority.
    case probation = "probation"
    /// A health body: a responsible authority.
    case health = "health"
    /// A charity on the Charity Commission's register.
    case registeredCharity = "registered-charity"
    /// A community interest company, registered at Companies House.
    case cic = "cic"
    /// A grass-roots group on no register.
    case communityGroup = "community-group"
    /// A school.
    case school = "school"
    /// A company, which may distribute profits and so is barred from some schemes.
    case company = "company"
    /// Any other kind of body.
    case other = "other"

    /// How people say it.
    public var title: String {
        switch self {
        case .opcc: "Office of the Police and Crime Commissioner"
        case .communitySafetyPartnership: "community safety partnership"
        case .localAuthority: "local authority"
        case .police: "police"
        case .fireAndRescue: "fire and rescue"
        case .probation: "probation"
        case .health: "health"
        case .registeredCharity: "registered charity"
        case .cic: "community interest company"
        case .communityGroup: "community group"
        case .school: "school"
        case .company: "company"
        case .other: "other"
        }
    }

    /// Bodies that can be a responsible authority of a community safety partnership (Crime and Disorder Act 1998).
    public var canBeResponsibleAuthority: Bool {
        switch self {
        case .localAuthority, .police, .fireAndRescue, .probation, .health: true
        default: false
        }
    }
}
