import GrantsCore

extension Organisation: LedgerFileEntry {
    /// `organisations:` lists bodies: the OPCC, partnerships and their members, authorities and applicants.
    static var section: String { "organisations" }

    /// Reads one; a member named twice is refused.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Organisation {
        let id = try r.organisationID("id")
        let name = try r.text("name")
        let kind = try r.choice("kind", of: OrganisationKind.self)
        var members: [OrganisationID] = []
        for text in try r.list("members") {
            let member = try r.convert(text, key: "members", OrganisationID.init(parsing:))
            guard !members.contains(member) else { throw r.error("members", "\(member) is named twice") }
            members.append(member)
        }
        return Organisation(
            id: id, name: name, kind: kind, members: members,
            charityNumber: try r.optionalText("charity_number"), companyNumber: try r.optionalText("company_number"),
            locationCode: try r.optionalText("location_code"), isExample: try r.flag("example"),
            isSensitive: try r.flag("sensitive"), publishedAs: try r.optionalText("published_as"))
    }
}
