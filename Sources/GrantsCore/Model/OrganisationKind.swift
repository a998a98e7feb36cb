/// What kind of body an organisation is; it decides what it may apply for and what role it plays in a CSP.
public enum OrganisationKind: String, CaseIterable, Hashable, Sendable {
    case opcc = "opcc"
    case communitySafetyPartnership = "csp"
    case localAuthority = "local-authority"
    case police = "police"
    case fireAndRescue = "fire"
    case probation = "probation"
    case health = "health"
    case registeredCharity = "registered-charity"
    case cic = "cic"
    case communityGroup = "community-group"
    case school = "school"
    case company = "company"
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
