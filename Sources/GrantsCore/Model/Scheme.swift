/// A funding scheme: what a fund is for and how its money goes out.
public enum Scheme: String, CaseIterable, Hashable, Sendable {
    /// The yearly Community Safety Partnership pot, split into allocations to CSPs; awards draw on an allocation.
    case cspGrant = "csp-grant"
    /// Small grants to grass-roots groups; awards draw on the fund directly.
    case communityActionFund = "community-action-fund"
    /// A service the OPCC commissions (such as the IDVA service), which partners contribute towards.
    case commissionedService = "commissioned-service"

    /// The scheme as people name it.
    public var title: String {
        switch self {
        case .cspGrant: "Community Safety Partnership grant"
        case .communityActionFund: "Community Action Fund"
        case .commissionedService: "Commissioned service"
        }
    }

    /// Whether awards from this scheme must draw on an allocation to a CSP.
    public var awardsDrawOnAllocations: Bool { self == .cspGrant }

    /// Whether the scheme's awards come from an open call for applications, as 360Giving's fromOpenCall asks: the
    /// Community Action Fund invites any eligible group to bid; CSP grants go to projects the partnerships choose,
    /// and commissioned services are procured.
    public var isOpenCall: Bool { self == .communityActionFund }
}
