import GrantsCore

/// One award line as a 360Giving grant: every field the JSON and CSV writers fill, checked once, so both files
/// carry the same grants and the same figures.
struct GivingGrant {
    let id: String
    let title: String
    let description: String
    let amountAwarded: String
    let amountDisbursed: String
    let awardDate: String
    let plannedStart: String
    let plannedEnd: String
    let recipientID: String
    let recipientName: String
    let charityNumber: String?
    let companyNumber: String?
    let locationName: String?
    let countryCode: String?
    let geoCode: String?
    let geoCodeType: String?
    let funderID: String
    let funderName: String
    let programmeCode: String
    let programmeTitle: String
    /// What the bid asked for, as a 360Giving number; `nil` without a bid.
    let amountAppliedFor: String?
    /// Where the recipient is: its area code, the code's type, a name for the area, and the country.
    let recipientGeoCode: String?
    let recipientGeoCodeType: String?
    let recipientLocationName: String?
    let recipientCountryCode: String?
    /// "Yes" or "No": whether the scheme makes awards from an open call.
    let fromOpenCall: String
    /// `FRG010` (common regrant) when the money goes to a partnership to grant on.
    let regrantType: String?
    /// The police and crime plan priorities: code (the slug) and title (its label).
    let classifications: [(code: String, title: String)]

    /// Whether a 360Giving file publishes an award line: a grant made within the return's period, as the ledger
    /// stood on its last day, and not withdrawn by then. A withdrawn award gave nothing: published, GrantNav would
    /// count its amount as money given.
    static func isPublished(_ line: SpendReturn.AwardLine, in days: ClosedRange<Day>) -> Bool {
        days.contains(line.awardDate) && line.state != .withdrawn
    }

    /// What a first walk of the lines learns before anything is written: how many grants there are and the most
    /// priorities one has, or the first reason a grant cannot be published (two grants sharing an id among them,
    /// found in a few bytes an id).
    static func survey(_ r: some SpendReturnContent, prefix: String)
        throws(ThreeSixtyGivingError) -> (count: Int, classifications: Int)
    {
        var ids = CompactStringSet()
        var widest = 0
        try each(r, prefix: prefix) { grant throws(ThreeSixtyGivingError) in
            guard ids.insert(grant.id, line: ids.count) == nil else { throw .duplicateID(grant.id) }
            widest = max(widest, grant.classifications.count)
        }
        return (ids.count, widest)
    }

    /// Each grant of a return in the return's order, one at a time, or the first reason one cannot be published.
    static func each(
        _ r: some SpendReturnContent, prefix: String, _ body: (GivingGrant) throws(ThreeSixtyGivingError) -> Void
    ) throws(ThreeSixtyGivingError) {
        let prefix = try publisherPrefix(prefix)
        let funderID = r.funder.id.trimmingSpaces
        let funderName = r.funder.name.trimmingSpaces
        guard !funderID.isEmpty, !funderName.isEmpty else { throw .noFundingOrganisation }
        let days = r.period.days
        for line in r.lines where isPublished(line, in: days) {
            try body(try GivingGrant(line, prefix: prefix, funderID: funderID, funderName: funderName))
        }
    }

    /// The prefix 360Giving issued, with or without its `360G-`: letters and digits.
    static func publisherPrefix(_ text: String) throws(ThreeSixtyGivingError) -> String {
        let prefix = text.hasPrefix("360G-") ? String(text.dropFirst(5)) : text
        let ok = !prefix.isEmpty && prefix.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
        }
        guard ok else { throw .badPrefix(text) }
        return prefix
    }

    private init(_ line: SpendReturn.AwardLine, prefix: String, funderID: String, funderName: String)
        throws(ThreeSixtyGivingError)
    {
        let idOK = !line.awardID.isEmpty && line.awardID.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/")
        }
        guard idOK else { throw .badAwardID(line.awardID) }
        let id = "360G-\(prefix)-\(line.awardID)"
        self.id = id

        title = line.title.trimmingSpaces
        // A sensitive recipient (a refuge, a domestic-abuse service) is published under the name the office chose
        // for it, with an id made from that name, and without its register numbers or where it is.
        let sensitive = line.recipientSensitive
        let alias = line.recipientPublishedAs.nonEmpty
        charityNumber = sensitive ? nil : line.charityNumber.nonEmpty
        companyNumber = sensitive ? nil : line.companyNumber.nonEmpty
        recipientName = line.publicRecipientName.trimmingSpaces
        recipientID = sensitive
            ? "360G-\(prefix)-" + Self.withheldID(alias ?? "WITHHELD")
            : Self.registerID(line.recipientID.trimmingSpaces, charity: charityNumber, company: companyNumber)
        for (field, value) in [("title", title), ("recipient id", recipientID), ("recipient name", recipientName)]
        where value.isEmpty {
            throw .missingField(grantID: id, field: field)
        }

        if line.awarded.pence == 0 { throw .zeroAmount(grantID: id) }
        for (field, amount) in [("an amount awarded", line.awarded), ("an amount paid", line.paidToDate)]
        where amount.isNegative {
            throw .negativeAmount(grantID: id, field: field, amount: amount)
        }
        amountAwarded = ThreeSixtyGiving.number(line.awarded)
        amountDisbursed = ThreeSixtyGiving.number(line.paidToDate)

        for (field, day) in [
            ("an award date", line.awardDate), ("a planned start", line.plannedStart), ("a planned end", line.plannedEnd),
        ] where !(1900...2099).contains(day.year) || Day(year: day.year, month: day.month, day: day.day) == nil {
            throw .impossibleDate(grantID: id, field: field, day: day)
        }
        guard line.plannedStart <= line.plannedEnd else {
            throw .plannedStartAfterEnd(grantID: id, start: line.plannedStart, end: line.plannedEnd)
        }
        awardDate = line.awardDate.description
        plannedStart = line.plannedStart.description
        plannedEnd = line.plannedEnd.description

        // Where the recipient is: its own area code, when the ledger holds one and it is not sensitive.
        let recipientCode = sensitive ? nil : line.recipientLocationCode.nonEmpty
        recipientGeoCode = recipientCode
        recipientGeoCodeType = recipientCode.flatMap(GeoCodeTypes.type(of:))
        recipientLocationName = sensitive ? nil : line.recipientLocationName.nonEmpty
        recipientCountryCode = recipientCode.map(GeoCodeTypes.isUK) == true ? "GB" : nil
        // Where the money is spent: a CSP award in the partnership's area; a direct award (the Community Action
        // Fund) where the group is. The area is named for what the code is (a partnership's own E22 code is named
        // for the partnership; a council's code, for the council whose area it is), never a partnership's name
        // beside a council's code.
        let code: String?
        if let csp = line.cspName.nonEmpty {
            code = line.cspLocationCode.nonEmpty
            let type = code.flatMap(GeoCodeTypes.type(of:))
            locationName = type == "CSP" ? csp : (line.cspLocationName.nonEmpty ?? csp)
        } else {
            code = recipientCode
            locationName = code == nil ? nil : recipientLocationName
        }
        geoCode = code
        geoCodeType = code.flatMap(GeoCodeTypes.type(of:))
        countryCode = code.map(GeoCodeTypes.isUK) == true ? "GB" : nil
        amountAppliedFor = line.amountAppliedFor.map(ThreeSixtyGiving.number)
        fromOpenCall = line.scheme.isOpenCall ? "Yes" : "No"
        regrantType = line.recipientKind == .communitySafetyPartnership ? "FRG010" : nil
        classifications = line.priorities.map { ($0, Priority.known[$0] ?? $0) }
        self.funderID = funderID
        self.funderName = funderName
        programmeCode = line.fundID
        programmeTitle = line.fundName
        description = Self.describe(line, recipientName: recipientName)
    }

    /// The org-id a register gives the recipient, when the ledger knows its number but holds it under a `360G-` id:
    /// `GB-CHC-<charity number>`, else `GB-COH-<company number>`. 360Giving asks for the register's id wherever one
    /// exists, so that GrantNav joins the grant to the organisation.
    static func registerID(_ id: String, charity: String?, company: String?) -> String {
        guard id.hasPrefix("360G-") else { return id }
        if let charity, charity.utf8.allSatisfy({ (48...57).contains($0) }) { return "GB-CHC-\(charity)" }
        if let company, company.utf8.count == 8, company.utf8.allSatisfy({ (48...57).contains($0) || (65...90).contains($0) }) {
            return "GB-COH-\(company)"
        }
        return id
    }

    /// The id part for a sensitive recipient, from its published name: `A refuge in Lancashire` →
    /// `A-REFUGE-IN-LANCASHIRE`. Nothing in it comes from the organisation's own id or numbers.
    static func withheldID(_ alias: String) -> String {
        var id = ""
        var gap = false
        for scalar in alias.unicodeScalars {
            if (48...57).contains(scalar.value) || (65...90).contains(scalar.value) || (97...122).contains(scalar.value) {
                if gap && !id.isEmpty { id += "-" }
                id.unicodeScalars.append(scalar)
                gap = false
            } else {
                gap = true
            }
        }
        return id.isEmpty ? "WITHHELD" : String(id.uppercased().prefix(60))
    }

    /// A sentence about the grant that does not repeat its title: the fund, the recipient, the CSP, the decision,
    /// the priorities, and what became of it when it was closed or withdrawn.
    static func describe(_ line: SpendReturn.AwardLine, recipientName: String) -> String {
        var text = "\(line.fundName) award of \(line.awarded.formatted) to \(recipientName)"
        if let csp = line.cspName.nonEmpty { text += " through \(csp)" }
        text += " (decision \(line.decision))."
        let priorities = line.priorities.map { Priority.known[$0] ?? $0 }
        if !priorities.isEmpty {
            text += " Police and crime plan priorities: \(priorities.joined(separator: ", "))."
        }
        switch line.state {
        case .withdrawn:
            text += " Withdrawn before any payment."
        case .closed:
            text += " Closed"
            if line.released.pence > 0 { text += "; \(line.released.formatted) of it was not needed" }
            if line.returned.pence > 0 { text += "; \(line.returned.formatted) unspent was returned" }
            text += "."
        case .awarded, .claiming:
            break
        }
        return text
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    fileprivate var trimmingSpaces: String {
        let unwanted: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        guard let first = firstIndex(where: { !unwanted.contains($0) }),
              let last = lastIndex(where: { !unwanted.contains($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Optional where Wrapped == String {
    /// The text, or `nil` when there is none or it is blank.
    fileprivate var nonEmpty: String? {
        guard let value = self?.trimmingSpaces, !value.isEmpty else { return nil }
        return value
    }
}
