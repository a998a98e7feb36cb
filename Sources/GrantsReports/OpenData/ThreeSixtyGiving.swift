import GrantsCore

/// Publishes a `SpendReturn` in the 360Giving Data Standard (1.4): a JSON data package that passes the standard's
/// package and grant schemas, and the one-sheet CSV with the standard's own column titles.
///
/// One grant per award line, with the id `360G-<prefix>-<award id>`. Amounts are JSON numbers written from exact
/// pence (`2500`, `2500.5`). Before writing anything, the return is refused if two lines would share a grant id
/// (the official converter would merge them silently), or a grant is for nothing, has a date outside 1900–2099, or
/// is planned to start after it ends.
public enum ThreeSixtyGiving {
    /// The version of the standard the package follows, as its `version` field gives it.
    public static let standardVersion = "1.4"

    /// The CSV's columns, in order: the official titles (`csv-template-titles/grants.csv` of the standard) of the
    /// fields these files fill, in the template's order.
    ///
    /// The recipient's location is one-to-many in the standard and has no column in its one-sheet template; it takes
    /// the titles of the `Rec_Location` sheet, which the official converter reads from the one sheet as well. The
    /// classifications (one per plan priority) follow, numbered: see ``csvClassificationColumns(_:)``.
    public static let csvColumns = [
        "Identifier", "Title", "Description", "Currency", "Amount Applied For", "Amount Awarded", "Amount Disbursed",
        "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date", "Recipient Org:Identifier",
        "Recipient Org:Name", "Recipient Org:Charity Number", "Recipient Org:Company Number",
        "Recipient Org:Location:Name", "Recipient Org:Location:Country Code",
        "Recipient Org:Location:Geographic Code", "Recipient Org:Location:Geographic Code Type",
        "Beneficiary Location:Name", "Beneficiary Location:Country Code", "Beneficiary Location:Geographic Code",
        "Beneficiary Location:Geographic Code Type", "Funding Org:Identifier", "Funding Org:Name",
        "Grant Programme:Code", "Grant Programme:Title", "From An Open Call?", "Last Modified", "Data Source",
        "For Regrant Type",
    ]

    /// The numbered classification columns for grants with at most `count` priorities each:
    /// `Classifications:0:Vocabulary`, `Classifications:0:Code`, `Classifications:0:Title`, then `1`, …
    public static func csvClassificationColumns(_ count: Int) -> [String] {
        (0..<count).flatMap { index in
            ["Classifications:\(index):Vocabulary", "Classifications:\(index):Code", "Classifications:\(index):Title"]
        }
    }

    /// The vocabulary of the classifications: the police and crime plan's priorities, by their slugs.
    public static let priorityVocabulary = "police-and-crime-plan-priority"

    /// The return as a 360Giving JSON data package, pretty-printed, ending in a newline.
    ///
    /// - Parameters:
    ///   - prefix: the publisher prefix 360Giving issued (`LancashirePCC`; a leading `360G-` is accepted).
    ///   - publisherName: the package's publisher.
    ///   - dataSource: a web address where the data comes from, or `nil` to leave it out.
    ///   - lastModified: when the grants were last changed, as a full date-time (`2018-04-30T09:00:00Z`).
    ///   - licence: the canonical web address of the licence the data is published under, such as the Open
    ///     Government Licence's, or `nil` to leave it out.
    ///   - publisherWebsite: the publisher's website, or `nil`.
    public static func json(
        _ r: some SpendReturnContent, prefix: String, publisherName: String, dataSource: String?, lastModified: String,
        licence: String? = nil, publisherWebsite: String? = nil
    ) throws(ThreeSixtyGivingError) -> String {
        var out: [UInt8] = []
        try writeJSON(
            r, prefix: prefix, publisherName: publisherName, dataSource: dataSource, lastModified: lastModified,
            licence: licence, publisherWebsite: publisherWebsite
        ) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the JSON data package to `emit` a run of bytes at a time, the same bytes as `json`. The return's award
    /// lines are walked twice: once to check every grant (nothing is written if one cannot be published), once to
    /// write them; one grant is in memory at a time.
    public static func writeJSON(
        _ r: some SpendReturnContent, prefix: String, publisherName: String, dataSource: String?, lastModified: String,
        licence: String? = nil, publisherWebsite: String? = nil, emit: ([UInt8]) -> Void
    ) throws(ThreeSixtyGivingError) {
        let survey = try GivingGrant.survey(r, prefix: prefix)
        guard survey.count > 0 else { throw .noGrants }
        let modified = try checkedLastModified(lastModified)
        let source = try checkedDataSource(dataSource)
        let licenceURL = try checkedWebAddress(licence, as: ThreeSixtyGivingError.badLicence)
        let website = try checkedWebAddress(publisherWebsite, as: ThreeSixtyGivingError.badPublisherWebsite)
        var publisher: [(String, JSONValue)] = [
            ("identifier", .string(r.header.funderID)), ("name", .string(publisherName)),
        ]
        if let website { publisher.append(("website", .string(website))) }
        var members: [(String, JSONValue)] = [
            ("version", .string(standardVersion)),
            ("title", .string("\(r.header.funderName): grants \(r.header.period.label)")),
            ("description", .string(packageDescription(r.header))),
            ("modified", .string(modified)),
            ("publisher", .object(publisher)),
        ]
        if let licenceURL { members.append(("license", .string(licenceURL))) }
        // The package as `JSONValue.object(members + [("grants", .array(grants))]).rendered()` would write it, the
        // grants one at a time: the members, then the grants at the second level of indentation.
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        out.append(contentsOf: "{\n".utf8)
        for (key, value) in members {
            JSONValue.pad(1, into: &out)
            JSONValue.quote(key, into: &out)
            out.append(contentsOf: ": ".utf8)
            value.write(into: &out, indent: 1)
            out.append(contentsOf: ",\n".utf8)
        }
        JSONValue.pad(1, into: &out)
        out.append(contentsOf: "\"grants\": [\n".utf8)
        var first = true
        try GivingGrant.each(r, prefix: prefix) { grant in
            if !first { out.append(contentsOf: ",\n".utf8) }
            first = false
            JSONValue.pad(2, into: &out)
            json(grant, lastModified: modified, dataSource: source).write(into: &out, indent: 2)
            out.handOver(to: emit)
        }
        out.append(0x0A)
        JSONValue.pad(1, into: &out)
        out.append(contentsOf: "]\n}\n".utf8)
        emit(out)
    }

    /// The return as the 360Giving one-sheet CSV: UTF-8, CRLF, the official titles in `csvColumns`, one row per
    /// grant, the same data as `json`, byte for byte in every field. Open data is read by programs (GrantNav, the
    /// Data Quality Tool), so no field is altered: the formula guard of the files meant for people (the spend return
    /// CSV and workbook) does not apply, and a title `=1+2` is published as `=1+2`, as in the JSON.
    /// A return with no awards gives the header row alone.
    public static func csv(_ r: some SpendReturnContent, prefix: String, dataSource: String?, lastModified: String)
        throws(ThreeSixtyGivingError) -> String
    {
        var out: [UInt8] = []
        try writeCSV(r, prefix: prefix, dataSource: dataSource, lastModified: lastModified) { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes the one-sheet CSV to `emit` a run of bytes at a time, the same bytes as `csv`, walking the award lines
    /// twice (to check every grant and count the classification columns, then to write), one grant at a time.
    public static func writeCSV(
        _ r: some SpendReturnContent, prefix: String, dataSource: String?, lastModified: String,
        emit: ([UInt8]) -> Void
    ) throws(ThreeSixtyGivingError) {
        let survey = try GivingGrant.survey(r, prefix: prefix)
        let modified = try checkedLastModified(lastModified)
        let source = try checkedDataSource(dataSource) ?? ""
        // As many classification columns as the grant with the most priorities needs.
        let width = survey.classifications
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        CSVWriter.row(values: csvColumns + csvClassificationColumns(width), into: &out)
        var values: [String] = []
        values.reserveCapacity(csvColumns.count + 3 * width)
        try GivingGrant.each(r, prefix: prefix) { grant in
            values.removeAll(keepingCapacity: true)
            values += [
                grant.id, grant.title, grant.description, "GBP", grant.amountAppliedFor ?? "", grant.amountAwarded,
                grant.amountDisbursed, grant.awardDate, grant.plannedStart, grant.plannedEnd, grant.recipientID,
                grant.recipientName, grant.charityNumber ?? "", grant.companyNumber ?? "",
                grant.recipientLocationName ?? "", grant.recipientCountryCode ?? "", grant.recipientGeoCode ?? "",
                grant.recipientGeoCodeType ?? "", grant.locationName ?? "", grant.countryCode ?? "",
                grant.geoCode ?? "", grant.geoCodeType ?? "", grant.funderID, grant.funderName, grant.programmeCode,
                grant.programmeTitle, grant.fromOpenCall, modified, source, grant.regrantType ?? "",
            ]
            for index in 0..<width {
                if index < grant.classifications.count {
                    values += [priorityVocabulary, grant.classifications[index].code, grant.classifications[index].title]
                } else {
                    values += ["", "", ""]
                }
            }
            CSVWriter.row(values: values, into: &out)
            out.handOver(to: emit)
        }
        emit(out)
    }

    /// An amount as a JSON (and CSV) number, built from its pence: `2500`, `2500.5`, `2500.05`, `-0.5`.
    public static func number(_ amount: Money) -> String {
        let magnitude = amount.pence.magnitude
        let pounds = magnitude / 100
        let pence = magnitude % 100
        let sign = amount.pence < 0 ? "-" : ""
        if pence == 0 { return "\(sign)\(pounds)" }
        if pence % 10 == 0 { return "\(sign)\(pounds).\(pence / 10)" }
        return "\(sign)\(pounds).\(pence < 10 ? "0" : "")\(pence)"
    }

    private static func json(_ grant: GivingGrant, lastModified: String, dataSource: String?) -> JSONValue {
        var recipient: [(String, JSONValue)] = [("id", .string(grant.recipientID)), ("name", .string(grant.recipientName))]
        if let number = grant.charityNumber { recipient.append(("charityNumber", .string(number))) }
        if let number = grant.companyNumber { recipient.append(("companyNumber", .string(number))) }
        var recipientPlace: [(String, JSONValue)] = []
        if let name = grant.recipientLocationName { recipientPlace.append(("name", .string(name))) }
        if let country = grant.recipientCountryCode { recipientPlace.append(("countryCode", .string(country))) }
        if let code = grant.recipientGeoCode { recipientPlace.append(("geoCode", .string(code))) }
        if let type = grant.recipientGeoCodeType { recipientPlace.append(("geoCodeType", .string(type))) }
        if !recipientPlace.isEmpty { recipient.append(("location", .array([.object(recipientPlace)]))) }
        var members: [(String, JSONValue)] = [
            ("id", .string(grant.id)),
            ("title", .string(grant.title)),
            ("description", .string(grant.description)),
            ("currency", .string("GBP")),
        ]
        if let applied = grant.amountAppliedFor { members.append(("amountAppliedFor", .number(applied))) }
        members += [
            ("amountAwarded", .number(grant.amountAwarded)),
            ("amountDisbursed", .number(grant.amountDisbursed)),
            ("awardDate", .string(grant.awardDate)),
            ("plannedDates", .array([.object([
                ("startDate", .string(grant.plannedStart)), ("endDate", .string(grant.plannedEnd)),
            ])])),
            ("recipientOrganization", .array([.object(recipient)])),
        ]
        var location: [(String, JSONValue)] = []
        if let name = grant.locationName { location.append(("name", .string(name))) }
        if let country = grant.countryCode { location.append(("countryCode", .string(country))) }
        if let code = grant.geoCode { location.append(("geoCode", .string(code))) }
        if let type = grant.geoCodeType { location.append(("geoCodeType", .string(type))) }
        if !location.isEmpty { members.append(("beneficiaryLocation", .array([.object(location)]))) }
        members += [
            ("fundingOrganization", .array([.object([
                ("id", .string(grant.funderID)), ("name", .string(grant.funderName)),
            ])])),
            ("grantProgramme", .array([.object([
                ("code", .string(grant.programmeCode)), ("title", .string(grant.programmeTitle)),
            ])])),
            ("fromOpenCall", .string(grant.fromOpenCall)),
        ]
        if let regrant = grant.regrantType { members.append(("regrantType", .string(regrant))) }
        if !grant.classifications.isEmpty {
            members.append(("classifications", .array(grant.classifications.map { item in
                .object([
                    ("vocabulary", .string(priorityVocabulary)), ("code", .string(item.code)),
                    ("title", .string(item.title)),
                ])
            })))
        }
        members.append(("dateModified", .string(lastModified)))
        if let dataSource { members.append(("dataSource", .string(dataSource))) }
        return .object(members)
    }

    private static func packageDescription(_ header: SpendReturn.Header) -> String {
        var scope = "every fund and every community safety partnership"
        switch (header.fund, header.csp) {
        case (let fund?, let csp?): scope = "fund \(fund), community safety partnership \(csp)"
        case (let fund?, nil): scope = "fund \(fund)"
        case (nil, let csp?): scope = "community safety partnership \(csp)"
        case (nil, nil): break
        }
        return "Grants awarded by \(header.funderName) in \(header.period.label) from \(scope); amounts disbursed as of "
            + "\(header.asOf). From the grants ledger \(header.fingerprint)."
    }

    /// A full RFC 3339 date-time on a real day: `2018-04-30T09:00:00Z`, `2018-04-30T10:00:00.5+01:00`.
    static func checkedLastModified(_ text: String) throws(ThreeSixtyGivingError) -> String {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[range] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, is character: Character) -> Bool {
            index < bytes.count && bytes[index] == character.asciiValue
        }
        guard bytes.count >= 20, (try? Day(parsing: String(decoding: bytes[0..<10], as: UTF8.self))) != nil,
              byte(10, is: "T"), let hour = digits(11..<13), byte(13, is: ":"), let minute = digits(14..<16),
              byte(16, is: ":"), let second = digits(17..<19), hour < 24, minute < 60, second <= 60
        else { throw .badLastModified(text) }
        var index = 19
        if byte(index, is: ".") {
            index += 1
            let start = index
            while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
            guard index > start else { throw .badLastModified(text) }
        }
        if byte(index, is: "Z") {
            index += 1
        } else if byte(index, is: "+") || byte(index, is: "-") {
            guard let offsetHours = digits(index + 1..<index + 3), byte(index + 3, is: ":"),
                  let offsetMinutes = digits(index + 4..<index + 6), offsetHours < 24, offsetMinutes < 60
            else { throw .badLastModified(text) }
            index += 6
        } else {
            throw .badLastModified(text)
        }
        guard index == bytes.count else { throw .badLastModified(text) }
        return text
    }

    /// An http or https address with a host and no spaces, quotes or angle brackets; `nil` stays `nil`.
    static func checkedDataSource(_ text: String?) throws(ThreeSixtyGivingError) -> String? {
        try checkedWebAddress(text, as: ThreeSixtyGivingError.badDataSource)
    }

    /// `text` if it is an http or https address with a host and no spaces, quotes or angle brackets, else the error
    /// `refusal` makes of it; `nil` stays `nil`.
    static func checkedWebAddress(_ text: String?, as refusal: (String) -> ThreeSixtyGivingError)
        throws(ThreeSixtyGivingError) -> String?
    {
        guard let text else { return nil }
        let rest: Substring
        if text.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if text.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            throw refusal(text)
        }
        let forbidden: Set<Unicode.Scalar> = [" ", "\"", "<", ">", "\\", "^", "`", "{", "|", "}"]
        let ok = !rest.isEmpty && rest.first != "/"
            && text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !forbidden.contains($0) }
        guard ok else { throw refusal(text) }
        return text
    }
}
