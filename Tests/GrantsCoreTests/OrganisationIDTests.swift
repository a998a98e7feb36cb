import Testing
@testable import GrantsCore

@Suite struct OrganisationIDTests {
    @Test(arguments: [
        ("GB-CHC-1164883", "GB-CHC"),
        ("GB-COH-09506232", "GB-COH"),
        ("GB-LAE-PRE", "GB-LAE"),
        ("GB-SC-SC012345", "GB-SC"),
        ("360G-LancashirePCC-ORG-0042", "360G-LancashirePCC"),
        ("360G-x-a.b_c", "360G-x"),
    ])
    func accepts(text: String, register: String) throws {
        let id = try OrganisationID(parsing: text)
        #expect(id.rawValue == text)
        #expect(id.description == text)
        #expect(id.register == register)
    }

    @Test(arguments: [
        "",
        "GB-CHC",
        "gb-chc-1",
        "GB-chc-1",
        "GB-CHC-",
        "GB-CHC-12 34",
        "360G--x",
        "360G-x-",
        "360G-Lancs PCC-1",
        "GBR-CHC-1",
        "G-CHC-1",
        "GB-C-1",
        "GB-ABCDEFGHI-1",
        "GB-CHC-1/2",
        "GB-CHC-é",
        "-CHC-1",
    ])
    func refuses(text: String) {
        #expect(throws: OrganisationIDError.malformed(text)) { try OrganisationID(parsing: text) }
    }

    @Test func referenceLengthLimit() throws {
        let longest = "GB-CHC-" + String(repeating: "1", count: 100)
        #expect(try OrganisationID(parsing: longest).rawValue == longest)
        let tooLong = "GB-CHC-" + String(repeating: "1", count: 101)
        #expect(throws: OrganisationIDError.malformed(tooLong)) { try OrganisationID(parsing: tooLong) }
    }

    @Test func ordersByText() throws {
        #expect(try OrganisationID(parsing: "GB-CHC-1164883") < OrganisationID(parsing: "GB-COH-09506232"))
        #expect(try OrganisationID(parsing: "GB-CHC-1") == OrganisationID(parsing: "GB-CHC-1"))
    }

    @Test func errorDescription() {
        #expect(
            OrganisationIDError.malformed("x").description
                == "'x' is not an organisation id; expected an org-id such as GB-CHC-1164883, GB-COH-09506232, "
                + "GB-LAE-SRI, or 360G-<prefix>-<ref> for a group on no register"
        )
    }
}
