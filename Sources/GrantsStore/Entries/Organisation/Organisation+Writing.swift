import GRDB
import GrantsCore

extension Organisation {
    /// Every organisation first, then the members of each partnership: members may name organisations that come
    /// later in the batch.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        for entry in try writer.each(batch.organisations) {
            try writer.insertMembers(of: entry.value, origin: entry.origin)
        }
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ org: Organisation, origin: Origin?) throws {
        try db.execute(
            sql: """
                INSERT INTO organisations (id, name, kind, charity_number, company_number, location_code, example)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                org.id.rawValue, org.name, org.kind.rawValue, org.charityNumber, org.companyNumber,
                org.locationCode, org.isExample ? 1 : 0,
            ])
    }

    fileprivate func insertMembers(of org: Organisation, origin: Origin?) throws {
        if !org.members.isEmpty && org.kind != .communitySafetyPartnership {
            throw LedgerError(
                .invalidEntry, "only a community safety partnership has members; \(org.id) is \(org.kind.title)",
                origin: origin, field: "members", entryID: org.id.rawValue)
        }
        for (position, member) in org.members.enumerated() {
            let memberOrg = try requireOrganisation(member, field: "members", of: org.id.rawValue, origin: origin)
            guard memberOrg.kind.canBeResponsibleAuthority else {
                throw LedgerError(
                    .invalidEntry,
                    "\(member) (\(memberOrg.name)) is \(memberOrg.kind.title), which cannot be a responsible "
                        + "authority; expected a local authority, police, fire and rescue, probation or health body",
                    origin: origin, field: "members", entryID: org.id.rawValue)
            }
            try db.execute(
                sql: "INSERT INTO csp_members (csp_id, member_id, position) VALUES (?, ?, ?)",
                arguments: [org.id.rawValue, member.rawValue, position])
        }
    }
}
