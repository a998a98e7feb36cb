import GrantsCore

extension Organisation {
    /// The ids and text checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id.rawValue)), ("name", .text(name)),
            ("charity_number", .code(charityNumber, .charityNumber)),
            ("company_number", .code(companyNumber, .companyNumber)),
            ("location_code", .code(locationCode, .locationCode)), ("published_as", .text(publishedAs)),
        ])
    }

    /// Every organisation first, then the members of each partnership: members may name organisations that come
    /// later in the batch.
    static func record(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        for entry in try writer.each(batch.organisations) {
            try entry.value.insertMembers(by: writer, origin: entry.origin)
        }
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        let alias = publishedAs.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if isSensitive && alias.isEmpty {
            throw LedgerError(
                .invalidEntry,
                "is missing; a sensitive organisation needs the name that files for the public give it instead of "
                    + "its own, such as \"A domestic abuse service in Lancashire\"",
                origin: origin, field: "published_as", entryID: id.rawValue)
        }
        if !isSensitive && publishedAs != nil {
            throw LedgerError(
                .invalidEntry, "is only for a sensitive organisation; add sensitive: true, or leave published_as out",
                origin: origin, field: "published_as", entryID: id.rawValue)
        }
        try writer.db.execute(
            cachedSQL: """
                INSERT INTO organisations (id, name, kind, charity_number, company_number, location_code, example)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id.rawValue, name, kind.rawValue, charityNumber, companyNumber, locationCode, isExample ? 1 : 0,
            ])
        if isSensitive {
            try writer.db.execute(
                cachedSQL: "INSERT INTO organisation_publication (organisation_id, sensitive, published_as) VALUES (?, 1, ?)",
                arguments: [id.rawValue, publishedAs])
        }
    }

    /// Only a partnership has members, and each must be able to be a responsible authority.
    private func insertMembers(by writer: BatchWriter, origin: Origin?) throws {
        if !members.isEmpty && kind != .communitySafetyPartnership {
            throw LedgerError(
                .invalidEntry, "only a community safety partnership has members; \(id) is \(kind.title)",
                origin: origin, field: "members", entryID: id.rawValue)
        }
        for (position, member) in members.enumerated() {
            let memberOrg = try writer.requireOrganisation(member, field: "members", of: id.rawValue, origin: origin)
            guard memberOrg.kind.canBeResponsibleAuthority else {
                throw LedgerError(
                    .invalidEntry,
                    "\(member) (\(memberOrg.name)) is \(memberOrg.kind.title), which cannot be a responsible "
                        + "authority; expected a local authority, police, fire and rescue, probation or health body",
                    origin: origin, field: "members", entryID: id.rawValue)
            }
            try writer.db.execute(
                cachedSQL: "INSERT INTO csp_members (csp_id, member_id, position) VALUES (?, ?, ?)",
                arguments: [id.rawValue, member.rawValue, position])
        }
    }
}
