import Foundation
import GrantsCore
@testable import GrantsReports
import GrantsStore
import GrantsTestSupport
import Testing

@Suite struct ThreeSixtyGivingTests {
    typealias Support = ThreeSixtyGivingSupport

    private func json(_ r: SpendReturn) throws -> String {
        try ThreeSixtyGiving.json(
            r, prefix: "LancashirePCC", publisherName: "Office of the Police and Crime Commissioner for Lancashire",
            dataSource: Support.dataSource, lastModified: Support.lastModified)
    }

    private func csv(_ r: SpendReturn) throws -> String {
        try ThreeSixtyGiving.csv(r, prefix: "LancashirePCC", dataSource: Support.dataSource,
                                 lastModified: Support.lastModified)
    }

    private func grants(_ json: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(object?["grants"] as? [[String: Any]])
    }

    @Test func theSamplesReturnPassesTheOfficialSchema() throws {
        let folder = try TemporaryFolder()
        let text = try json(try Fixtures.samplesReturn())
        let file = try folder.write("grants.json", text)
        let (status, output) = try Support.validate(file)
        #expect(status == 0, "validate.py: \(output)")
        #expect(output.contains("12 grants, 0 schema errors, 0 duplicate ids"))
    }

    @Test func theSamplesGrantsCarryTheLedgerFigures() throws {
        let text = try json(try Fixtures.samplesReturn())
        let grants = try grants(text)
        // Thirteen awards, less the £5,000.00 Burnley award withdrawn in December 2017: it gave nothing.
        #expect(grants.count == 12)
        #expect(!grants.contains { $0["id"] as? String == "360G-LancashirePCC-AWD-CSP-2017-18-BUR-01" })
        let boxing = try #require(grants.first { $0["id"] as? String == "360G-LancashirePCC-AWD-CAF-2017-18-01" })
        #expect(boxing["currency"] as? String == "GBP")
        #expect(boxing["awardDate"] as? String == "2017-07-24")
        #expect((boxing["recipientOrganization"] as? [[String: Any]])?.first?["id"] as? String
            == "360G-LancashirePCC-ORG-0001")
        #expect((boxing["grantProgramme"] as? [[String: Any]])?.first?["code"] as? String == "CAF-2017-18")
        #expect((boxing["fundingOrganization"] as? [[String: Any]])?.first?["id"] as? String
            == "360G-LancashirePCC-OPCC")
        #expect(boxing["title"] as? String != boxing["description"] as? String)
        // Amounts are JSON numbers written from pence, not strings and not float noise.
        #expect(text.contains("\"amountAwarded\": 2500,"))
        #expect(text.contains("\"amountAwarded\": 975,"))
        // The hate crime reporting centre is sensitive: published under the office's name for it, with an id made
        // from that name, and no charity number or location.
        let centre = try #require(grants.first { $0["id"] as? String == "360G-LancashirePCC-AWD-CAF-2017-18-03" })
        let withheld = try #require((centre["recipientOrganization"] as? [[String: Any]])?.first)
        #expect(withheld["name"] as? String == "A third-party hate crime reporting centre in Lancashire")
        #expect(withheld["id"] as? String == "360G-LancashirePCC-A-THIRD-PARTY-HATE-CRIME-REPORTING-CENTRE-IN-LANCASHIRE")
        #expect(withheld["charityNumber"] == nil && withheld["location"] == nil && centre["beneficiaryLocation"] == nil)
        #expect(!(centre["description"] as? String ?? "").contains("Say No To Hate"))
        #expect(!text.contains("Say No To Hate") && !text.contains("9990003"))
        // The CSP's ONS code, with its type from the standard's codelist: E07 is a non-metropolitan district, E06 a
        // unitary authority.
        func location(_ id: String) -> [String: Any]? {
            let grant = grants.first { $0["id"] as? String == "360G-LancashirePCC-\(id)" }
            return (grant?["beneficiaryLocation"] as? [[String: Any]])?.first
        }
        let southRibble = try #require(location("AWD-CSP-2017-18-SRI-01"))
        // The code is the council's district, so the place is named for the council whose area it is.
        #expect(southRibble["name"] as? String == "South Ribble Borough Council")
        #expect(southRibble["geoCode"] as? String == "E07000126")
        #expect(southRibble["geoCodeType"] as? String == "NMD")
        #expect(southRibble["countryCode"] as? String == "GB")
        #expect(location("AWD-CSP-2017-18-BPL-01")?["geoCodeType"] as? String == "UA")
        // Every code type used is in the codelist.
        let codelist = CSV.records(
            try String(contentsOfFile: Support.anchors + "/codelists/geoCodeType.csv", encoding: .utf8)
        ).dropFirst().compactMap(\.first)
        for grant in grants {
            for place in grant["beneficiaryLocation"] as? [[String: Any]] ?? [] {
                #expect(codelist.contains(try #require(place["geoCodeType"] as? String)))
            }
        }
        // The sum awarded matches the ledger: £88,250.00 CSP less the £5,000.00 withdrawn, and £9,925.00 CAF.
        let total = grants.compactMap { ($0["amountAwarded"] as? NSNumber)?.decimalValue }.reduce(0, +)
        #expect(total == 93_175)
    }

    @Test func theSameReturnGivesTheSameText() throws {
        let r = try Fixtures.samplesReturn()
        #expect(try json(r) == json(r))
        #expect(try csv(r) == csv(r))
    }

    @Test func duplicateGrantIDsAreRefused() throws {
        let r = try Fixtures.handMadeReturn([
            (id: "AWD-1", title: "Youth diversionary project", pence: 450_000),
            (id: "AWD-1", title: "Hate crime training", pence: 275_000),
        ])
        #expect(throws: ThreeSixtyGivingError.duplicateID("360G-LancashirePCC-AWD-1")) { try json(r) }
        #expect(throws: ThreeSixtyGivingError.duplicateID("360G-LancashirePCC-AWD-1")) { try csv(r) }
    }

    @Test func aZeroAmountIsRefused() throws {
        let r = try Fixtures.handMadeReturn([(id: "AWD-0", title: "Nothing", pence: 0)])
        #expect(throws: ThreeSixtyGivingError.zeroAmount(grantID: "360G-LancashirePCC-AWD-0")) { try json(r) }
        #expect(throws: ThreeSixtyGivingError.zeroAmount(grantID: "360G-LancashirePCC-AWD-0")) { try csv(r) }
        let error = ThreeSixtyGivingError.zeroAmount(grantID: "360G-LancashirePCC-AWD-0")
        #expect(error.description.contains("360G-LancashirePCC-AWD-0"))
    }

    @Test func impossibleAndBackwardsDatesAreRefused() throws {
        let start = try #require(Day(year: 2018, month: 3, day: 1))
        let end = try #require(Day(year: 2017, month: 9, day: 30))
        let backwards = try Fixtures.handMadeReturn([(id: "AWD-2", title: "Backwards", pence: 100)], start: start, end: end)
        #expect(throws: ThreeSixtyGivingError.plannedStartAfterEnd(
            grantID: "360G-LancashirePCC-AWD-2", start: start, end: end)) { try json(backwards) }
        let farFuture = try #require(Day(year: 2917, month: 7, day: 10))
        let typo = try Fixtures.handMadeReturn([(id: "AWD-3", title: "Typo", pence: 100)], end: farFuture)
        #expect(throws: ThreeSixtyGivingError.impossibleDate(
            grantID: "360G-LancashirePCC-AWD-3", field: "a planned end", day: farFuture)) { try csv(typo) }
        let fine = try Fixtures.handMadeReturn([(id: "AWD-4", title: "Fine", pence: 100)])
        for bad in ["2018-02-30T09:00:00Z", "2018-04-30", "2018-04-30 09:00:00Z", "2018-04-30T25:00:00Z", ""] {
            #expect(throws: ThreeSixtyGivingError.badLastModified(bad)) {
                try ThreeSixtyGiving.json(fine, prefix: "X", publisherName: "P", dataSource: nil, lastModified: bad)
            }
        }
        for good in ["2018-04-30T09:00:00Z", "2018-04-30T10:00:00.25+01:00"] {
            _ = try ThreeSixtyGiving.json(fine, prefix: "X", publisherName: "P", dataSource: nil, lastModified: good)
        }
    }

    @Test func badParametersAndEmptyReturnsAreRefused() throws {
        let fine = try Fixtures.handMadeReturn([(id: "AWD-4", title: "Fine", pence: 100)])
        #expect(throws: ThreeSixtyGivingError.badPrefix("Lancashire PCC")) {
            try ThreeSixtyGiving.csv(fine, prefix: "Lancashire PCC", dataSource: nil, lastModified: Support.lastModified)
        }
        #expect(throws: ThreeSixtyGivingError.badDataSource("ftp://example.org/x")) {
            try ThreeSixtyGiving.csv(fine, prefix: "X", dataSource: "ftp://example.org/x",
                                     lastModified: Support.lastModified)
        }
        // "360G-X" and "X" name the same prefix.
        #expect(try ThreeSixtyGiving.csv(fine, prefix: "360G-X", dataSource: nil, lastModified: Support.lastModified)
            == ThreeSixtyGiving.csv(fine, prefix: "X", dataSource: nil, lastModified: Support.lastModified))
        let empty = try Fixtures.handMadeReturn([])
        #expect(throws: ThreeSixtyGivingError.noGrants) { try json(empty) }
        #expect(try csv(empty) == ThreeSixtyGiving.csvColumns.joined(separator: ",") + "\r\n")
    }

    @Test func amountsAreWrittenFromPence() throws {
        #expect(ThreeSixtyGiving.number(Money(pence: 250_000)) == "2500")
        #expect(ThreeSixtyGiving.number(Money(pence: 250_050)) == "2500.5")
        #expect(ThreeSixtyGiving.number(Money(pence: 250_005)) == "2500.05")
        #expect(ThreeSixtyGiving.number(Money(pence: 1)) == "0.01")
        #expect(ThreeSixtyGiving.number(Money(pence: -50)) == "-0.5")
        #expect(ThreeSixtyGiving.number(Money(pence: Int64.min)) == "-92233720368547758.08")
        let r = try Fixtures.handMadeReturn([(id: "AWD-5", title: "Pence", pence: 250_050)])
        #expect(try json(r).contains("\"amountAwarded\": 2500.5,"))
    }

    @Test func theCSVUsesTheOfficialTitlesAndTheJSONFigures() throws {
        let official = try Support.templateTitles("csv-template-titles/grants.csv")
        let recipientLocation = try Support.templateTitles("csv-template-titles/Rec_Location.csv")
        let classification = try Support.templateTitles("csv-template-titles/Classifications.csv")
        // Every column is an official title: the summary sheet's in the template's order, and the recipient's
        // location from its own sheet.
        var position = official.startIndex
        for title in ThreeSixtyGiving.csvColumns {
            if title.hasPrefix("Recipient Org:Location:") {
                #expect(recipientLocation.contains(title), "'\(title)' is not an official recipient location title")
                continue
            }
            let found = official[position...].firstIndex(of: title)
            #expect(found != nil, "'\(title)' is not an official title after column \(position)")
            position = (found ?? position) + 1
        }
        // The numbered classification columns are the Classifications sheet's titles with the item's number.
        for title in ThreeSixtyGiving.csvClassificationColumns(2) {
            let parts = title.split(separator: ":")
            #expect(parts.count == 3 && classification.contains("Classifications:\(parts[2])"), "\(title)")
        }
        let r = try Fixtures.samplesReturn()
        let records = CSV.records(try csv(r))
        // The sample awards have at most two priorities each.
        let header = ThreeSixtyGiving.csvColumns + ThreeSixtyGiving.csvClassificationColumns(2)
        #expect(records.first == header)
        let rows = records.dropFirst()
        let grants = try grants(try json(r))
        #expect(rows.count == grants.count)
        let column = { (title: String) in ThreeSixtyGiving.csvColumns.firstIndex(of: title) ?? -1 }
        for (row, grant) in zip(rows, grants) {
            #expect(row.count == header.count)
            #expect(row[column("Identifier")] == grant["id"] as? String)
            for (title, key) in [("Amount Awarded", "amountAwarded"), ("Amount Disbursed", "amountDisbursed")] {
                let number = try #require(grant[key] as? NSNumber)
                #expect(Decimal(string: row[column(title)]) == number.decimalValue, "\(title) of \(row[0])")
            }
            #expect(row[column("Award Date")] == grant["awardDate"] as? String)
            #expect(row[column("Last Modified")] == Support.lastModified)
            #expect(row[column("Data Source")] == Support.dataSource)
        }
        let text = try csv(r)
        #expect(text.contains(",2500,"))  // the boxing club's award, as in the JSON
    }

    /// What the Data Quality Tool asks of a publisher, from what the ledger holds: the amount the bid asked for,
    /// whether the scheme is an open call, the plan priorities as classifications, where the recipient is (and, for
    /// a direct award, where the money goes), the register's org-id where the ledger knows the number, the common
    /// regrant type for money given to a partnership to grant on, and the package's licence and publisher.
    @Test func theSamplesCarryWhatThePublisherKnows() throws {
        let text = try ThreeSixtyGiving.json(
            try Fixtures.samplesReturn(), prefix: "LancashirePCC", publisherName: "OPCC", dataSource: Support.dataSource,
            lastModified: Support.lastModified,
            licence: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            publisherWebsite: "https://www.lancashire-pcc.gov.uk/")
        let package = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(package["license"] as? String
            == "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")
        let publisher = try #require(package["publisher"] as? [String: Any])
        #expect(publisher["website"] as? String == "https://www.lancashire-pcc.gov.uk/")
        #expect(publisher["identifier"] as? String == "360G-LancashirePCC-OPCC")
        let grants = try grants(text)
        func grant(_ id: String) throws -> [String: Any] {
            try #require(grants.first { $0["id"] as? String == "360G-LancashirePCC-\(id)" })
        }
        let boxing = try grant("AWD-CAF-2017-18-01")
        #expect(boxing["fromOpenCall"] as? String == "Yes")
        #expect((boxing["amountAppliedFor"] as? NSNumber)?.decimalValue == 2500)
        // A Community Action Fund grant is spent where the group is: its own area.
        let recipient = try #require((boxing["recipientOrganization"] as? [[String: Any]])?.first)
        let home = try #require((recipient["location"] as? [[String: Any]])?.first)
        #expect(home["geoCode"] as? String == "E07000126" && home["geoCodeType"] as? String == "NMD")
        let place = try #require((boxing["beneficiaryLocation"] as? [[String: Any]])?.first)
        #expect(place["geoCode"] as? String == "E07000126")
        #expect(place["name"] as? String == "South Ribble Borough Council")
        let classes = try #require(boxing["classifications"] as? [[String: Any]])
        #expect(classes.first?["vocabulary"] as? String == "police-and-crime-plan-priority")
        #expect(classes.map { $0["code"] as? String } == ["anti-social-behaviour", "early-action"])
        #expect(classes.first?["title"] as? String == "Anti-social behaviour")
        let csp = try grant("AWD-CSP-2017-18-SRI-01")
        #expect(csp["fromOpenCall"] as? String == "No")
        #expect(csp["regrantType"] == nil, "a council's project is not a regrant")
        // Every grant passes the official schema with these fields.
        let folder = try TemporaryFolder()
        let (status, output) = try Support.validate(try folder.write("grants.json", text))
        #expect(status == 0, "\(output)")
    }

    /// A quarter's package holds the grants made in that quarter, as they stood at its end: Q2's does not repeat
    /// Q1's grants, and Burnley's award (made in August, withdrawn in December) is published in Q2, not in Q3.
    @Test func aQuartersPackageHoldsTheGrantsMadeInThatQuarter() throws {
        let ledger = try Fixtures.sampleLedger()
        func ids(_ quarter: Quarter) throws -> [String] {
            let r = try ledger.spendReturn(period: .init(year: try FinancialYear(parsing: "2017/18"), quarter: quarter))
            return try grants(try json(r)).compactMap { $0["id"] as? String }
        }
        let q1 = try ids(.q1), q2 = try ids(.q2)
        #expect(q1.count == 3 && q2.count == 10)
        #expect(Set(q1).isDisjoint(with: q2))
        #expect(q2.contains("360G-LancashirePCC-AWD-CSP-2017-18-BUR-01"))
        // Q3 made no grants: a package must hold one, so it is refused rather than published empty.
        #expect(throws: ThreeSixtyGivingError.noGrants) { try ids(.q3) }
    }

    @Test func aRecipientsRegisterNumberGivesItsOrgIDAndAPartnershipGetsARegrantType() throws {
        #expect(GivingGrant.registerID("360G-X-ORG-1", charity: "1164883", company: nil) == "GB-CHC-1164883")
        #expect(GivingGrant.registerID("360G-X-ORG-1", charity: nil, company: "09506232") == "GB-COH-09506232")
        #expect(GivingGrant.registerID("GB-LAE-SRI", charity: "1164883", company: nil) == "GB-LAE-SRI")
        #expect(GivingGrant.registerID("360G-X-ORG-1", charity: "SC012345", company: nil) == "360G-X-ORG-1")
        let toPartnership = try Fixtures.handMadeReturn(
            [(id: "AWD-7", title: "Pot to grant on", pence: 100)], recipientKind: .communitySafetyPartnership)
        #expect(try grants(try json(toPartnership)).first?["regrantType"] as? String == "FRG010")
        let row = CSV.records(try csv(toPartnership))
        let column = try #require(row.first?.firstIndex(of: "For Regrant Type"))
        #expect(row[1][column] == "FRG010")
    }

    /// Open data carries the data as written: the 360Giving CSV and JSON hold the same title, and the formula guard
    /// stays with the files meant for people (the spend return CSV, where the title is made inert).
    @Test func formulaLikeTitlesArePublishedAsWrittenInBothFiles() throws {
        let title = #"=HYPERLINK("http://example.org","click")"#
        let r = try Fixtures.handMadeReturn([(id: "AWD-6", title: title, pence: 100)])
        let text = try csv(r)
        #expect(text.contains(#","=HYPERLINK(""http://example.org"",""click"")","#))
        #expect(CSV.records(text)[1][1] == title)
        #expect(try grants(try json(r)).first?["title"] as? String == title)
        let forPeople = try ReturnCSV.render(r, excel: false)
        #expect(forPeople.contains(#""'=HYPERLINK(""http://example.org"",""click"")""#))
    }
}
