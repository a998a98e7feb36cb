import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// What publishing needs beyond the money (migration v3-publication): a sensitive organisation and the name the
/// public files give it; an award's purpose, reasons and conditions for the grant register. Each is kept as given,
/// read back whole, recorded once, and refused when it cannot be published.
@Suite struct PublicationTests {
    static let refuge = Entry.file("organisations", [
        ("id", "360G-Test-REFUGE"), ("name", "Riverside Women's Refuge"), ("kind", "registered-charity"),
        ("charity_number", "\"1234567\""), ("location_code", "E07000126"), ("sensitive", "true"),
        ("published_as", "A domestic abuse service in Lancashire"),
    ])

    static func award(purpose: String = "\"Refuge places for women and children\"") -> String {
        Entry.award(id: "AW-1", amount: "1000.00").replacingOccurrences(
            of: "    priorities: [anti-social-behaviour]\n",
            with: "    priorities: [anti-social-behaviour]\n    purpose: \(purpose)\n"
                + "    reasons: \"Keeps victims of domestic abuse safe from repeat offences\"\n"
                + "    conditions: \"Claims quarterly in arrears\"\n")
    }

    @Test func aSensitiveOrganisationAndAnAwardsRegisterTextAreKeptAndReadBack() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Self.refuge, Self.award())
        let refuge = try #require(try ledger.organisation(try OrganisationID(parsing: "360G-Test-REFUGE")))
        #expect(refuge.isSensitive && refuge.publishedAs == "A domestic abuse service in Lancashire")
        let award = try #require(try ledger.award("AW-1"))
        #expect(award.purpose == "Refuge places for women and children")
        #expect(award.reasons == "Keeps victims of domestic abuse safe from repeat offences")
        #expect(award.conditions == "Claims quarterly in arrears")
        // Recorded again as given: nothing added.
        let again = try record(ledger, Self.refuge, Self.award())
        #expect(again.addedCount == 0 && again.unchanged == 2)
        // The return for the commissioners keeps the real name; the register's texts ride along.
        let line = try #require(try ledger.spendReturn(period: .init(year: try year("2017/18"))).lines.first)
        #expect(line.purpose == "Refuge places for women and children" && line.conditions == "Claims quarterly in arrears")
        #expect(!line.recipientSensitive)
    }

    @Test func aSensitiveOrganisationNeedsItsPublishedNameAndOnlyItHasOne() throws {
        let ledger = try Fixtures.ledger()
        let unnamed = Self.refuge.replacingOccurrences(of: "    published_as: A domestic abuse service in Lancashire\n", with: "")
        let error = try expectRefused(try batch(unnamed), by: ledger, code: .invalidEntry, mentioning: ["sensitive"])
        #expect(error.field == "published_as")
        let named = Self.refuge.replacingOccurrences(of: "    sensitive: true\n", with: "")
        #expect(try expectRefused(try batch(named), by: ledger, code: .invalidEntry).field == "published_as")
    }

    @Test func registerTextOnTwoLinesIsRefused() throws {
        let ledger = try Fixtures.ledger()
        let error = try expectRefused(
            try batch(Self.award(purpose: "\"Refuge places\\nfor women\"")), by: ledger, code: .invalidEntry,
            mentioning: ["line break"])
        #expect(error.field == "purpose")
    }
}
