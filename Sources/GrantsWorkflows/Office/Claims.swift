import GrantsCore

/// The claims waiting for payment, as the office sees them.
public enum Claims {
    /// One unpaid claim, with its award and recipient.
    public struct Line: Hashable, Sendable {
        public let claim: Claim
        public let award: Award
        public let recipientName: String
    }

    /// Every claim not yet paid on an award still open, earliest first. (A claim left on an award since withdrawn
    /// or closed can no longer be paid; the award's history says why.)
    public static func unpaid(in store: any LedgerStore) throws(WorkflowError) -> [Line] {
        let claims = try reading { () throws(LedgerError) in try store.unpaidClaims() }
        var names: [OrganisationID: String] = [:]
        var lines: [Line] = []
        for claim in claims {
            guard let line = try line(claim, names: &names, in: store) else { continue }
            lines.append(line)
        }
        return lines
    }

    /// The claim `id` with its award if it waits for payment on an open award; else nil.
    public static func unpaid(_ id: String, in store: any LedgerStore) throws(WorkflowError) -> Line? {
        guard let claim = try reading({ () throws(LedgerError) in try store.claim(id) }) else { return nil }
        let payments = try reading { () throws(LedgerError) in try store.payments(award: claim.award) }
        guard !payments.contains(where: { $0.claim == id }) else { return nil }
        var names: [OrganisationID: String] = [:]
        return try line(claim, names: &names, in: store)
    }

    /// Whether claim `id` has been paid.
    public static func isPaid(_ id: String, in store: any LedgerStore) throws(WorkflowError) -> Bool {
        guard let claim = try reading({ () throws(LedgerError) in try store.claim(id) }) else { return false }
        let payments = try reading { () throws(LedgerError) in try store.payments(award: claim.award) }
        return payments.contains { $0.claim == id }
    }

    private static func line(_ claim: Claim, names: inout [OrganisationID: String], in store: any LedgerStore)
        throws(WorkflowError) -> Line?
    {
        guard let award = try reading({ () throws(LedgerError) in try store.award(claim.award) }),
              let state = try reading({ () throws(LedgerError) in try store.state(ofAward: award.id) }),
              state == .awarded || state == .claiming
        else { return nil }
        if names[award.recipient] == nil {
            names[award.recipient] = try reading { () throws(LedgerError) in
                try store.organisation(award.recipient)
            }?.name ?? award.recipient.rawValue
        }
        return Line(claim: claim, award: award, recipientName: names[award.recipient] ?? "")
    }
}
