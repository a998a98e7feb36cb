import GrantsCore

/// The claims waiting for payment, as the office sees them.
public enum Claims {
    /// One unpaid claim, with its award and recipient.
    public struct Line: Hashable, Sendable {
        public let claim: Claim
        public let award: Award
        public let recipientName: String
    }

    /// Every claim not yet paid, earliest first.
    public static func unpaid(in store: any LedgerStore) throws(WorkflowError) -> [Line] {
        let claims = try reading { () throws(LedgerError) in try store.unpaidClaims() }
        var names: [OrganisationID: String] = [:]
        var lines: [Line] = []
        for claim in claims {
            guard let award = try reading({ () throws(LedgerError) in try store.award(claim.award) }) else { continue }
            if names[award.recipient] == nil {
                names[award.recipient] = try reading { () throws(LedgerError) in
                    try store.organisation(award.recipient)
                }?.name ?? award.recipient.rawValue
            }
            lines.append(Line(claim: claim, award: award, recipientName: names[award.recipient] ?? ""))
        }
        return lines
    }

    /// The unpaid claim `id` with its award, or nil when there is no such claim or it is paid.
    public static func unpaid(_ id: String, in store: any LedgerStore) throws(WorkflowError) -> Line? {
        guard let claim = try reading({ () throws(LedgerError) in try store.claim(id) }),
              let award = try reading({ () throws(LedgerError) in try store.award(claim.award) })
        else { return nil }
        let payments = try reading { () throws(LedgerError) in try store.payments(award: award.id) }
        guard !payments.contains(where: { $0.claim == id }) else { return nil }
        let name = try reading { () throws(LedgerError) in try store.organisation(award.recipient) }?.name
        return Line(claim: claim, award: award, recipientName: name ?? award.recipient.rawValue)
    }
}
