import GrantsCore
import GrantsImport
import Testing

/// Text a return cannot carry is refused where it is read, naming the file, line and field.
@Suite struct ControlCharacterTests {
    static func fund(name: String) -> String {
        """
        {"format": "grants-ledger/1",
         "funds": [{"id": "F-1", "name": "\(name)", "scheme": "csp-grant", "financial_year": "2017/18",
                    "amount": "10.00", "funder": "360G-Test-OPCC"}]}
        """
    }

    @Test(arguments: [("Test \\u0000 fund", "NUL"), ("Test \\u001b[2J fund", "U+001B"), ("Test \\u0085 fund", "U+0085")])
    func aControlCharacterInAJSONStringIsRefusedAtItsField(escaped: String, named: String) throws {
        let error = #expect(throws: ImportError.self) { try LedgerFile.parse(Self.fund(name: escaped), file: "f.json") }
        #expect(error?.file == "f.json")
        #expect(error?.line == 2)
        #expect(error?.field == "funds[0].name")
        #expect(error?.message.contains(named) == true, "\(error?.message ?? "")")
    }

    /// A name of nothing but white space is empty, whatever space it is: a leading no-break or ideographic space must
    /// not pass as a first character that is not white space.
    @Test(arguments: ["\\u00a0", "\\u3000", "\\u00a0 \\u2003", " \\u00a0"])
    func aNameOfOnlyWhiteSpaceIsEmpty(escaped: String) throws {
        let error = #expect(throws: ImportError.self) { try LedgerFile.parse(Self.fund(name: escaped), file: "f.json") }
        #expect(error?.field == "funds[0].name")
        #expect(error?.message.contains("is empty") == true, "\(error?.message ?? "")")
    }

    @Test func aControlCharacterInYAMLIsRefused() throws {
        let yaml = """
            format: grants-ledger/1
            funds:
              - id: F-1
                name: "Test \\e fund"
                scheme: csp-grant
                financial_year: 2017/18
                amount: "10.00"
                funder: 360G-Test-OPCC

            """
        let error = #expect(throws: ImportError.self) { try LedgerFile.parse(yaml, file: "f.yaml") }
        #expect(error?.field == "funds[0].name")
        #expect(error?.line == 4)
    }

    @Test func tabsAndLineBreaksInTextAreKept() {
        #expect(FreeText.problem("a\tb\nc", multiline: true) == nil)
        #expect(FreeText.problem("a\nb") != nil)
        #expect(FreeText.problem("plain £ é") == nil)
    }
}
