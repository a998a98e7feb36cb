import Foundation
import GrantsCore
import GrantsTestSupport
import GrantsXML
import Testing

@Suite("Validating a return against the shipped schema")
struct ValidatorTests {
    /// The golden sample return, as text, to break by hand.
    static func sample() throws -> String {
        text(try ReturnXMLWriter.data(try sampleReturn()))
    }

    static func validate(_ document: String, in folder: TemporaryFolder, name: String = "return.xml") throws
        -> ValidationResult
    {
        try ReturnValidator.validate(file: try folder.write(name, document))
    }

    @Test("the schema is found and is itself sound")
    func schemaFound() throws {
        let url = try #require(ReturnValidator.schemaURL)
        #expect(url.lastPathComponent == "grants-return-1.xsd")
        let schema = try String(contentsOf: url, encoding: .utf8)
        #expect(schema.contains("targetNamespace=\"urn:lancashire-opcc:grants:return:1\""))
        #expect(schema.contains("<xs:key name=\"awardID\">"))
    }

    @Test("an amount with one decimal is refused on its own line")
    func amountWithOneDecimal() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let target = "<awarded>1850.00</awarded>"
        let line = try #require(lineNumber(of: target, in: good))
        let broken = good.replacingOccurrences(of: target, with: "<awarded>12.5</awarded>")
        let result = try Self.validate(broken, in: folder)
        #expect(!result.isValid)
        #expect(!result.issues.isEmpty)
        #expect(result.issues.allSatisfy { $0.line == line }, "\(result.issues)")
        #expect(result.issues.contains { $0.message.contains("'12.5'") && $0.message.contains("awarded") })
        // Element names are shown without the namespace.
        #expect(!result.issues.contains { $0.message.contains("{urn:") })
        #expect(result.issues.first?.description.hasPrefix("line \(line): ") == true)
    }

    @Test("other malformed values are refused: a currency sign, three decimals, a bad day, an unknown state")
    func badValues() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let cases = [
            ("<awarded>1850.00</awarded>", "<awarded>£1850.00</awarded>"),
            ("<awarded>1850.00</awarded>", "<awarded>1850.001</awarded>"),
            ("<awarded>1850.00</awarded>", "<awarded>1,850.00</awarded>"),
            ("<awardDate>2017-07-24</awardDate>", "<awardDate>2017-02-30</awardDate>"),
            ("<awardDate>2017-07-24</awardDate>", "<awardDate>2017-07-24Z</awardDate>"),
            ("<state>awarded</state>", "<state>paid</state>"),
            ("<scheme>csp-grant</scheme>", "<scheme>lottery</scheme>"),
            ("<financialYear>2017/18</financialYear>", "<financialYear>2017-18</financialYear>"),
        ]
        for (target, replacement) in cases {
            let line = try #require(lineNumber(of: target, in: good))
            let broken = good.replacingOccurrences(of: target, with: replacement)
            let result = try Self.validate(broken, in: folder)
            #expect(result.issues.first?.line == line, "\(replacement): \(result.issues)")
        }
    }

    @Test("a missing element is refused at the element that came instead")
    func missingElement() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let decisionLine = try #require(lineNumber(of: "<decision>2017/91</decision>", in: good))
        var lines = good.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: decisionLine - 1)
        let result = try Self.validate(lines.joined(separator: "\n"), in: folder)
        // The title now stands where the decision should: its line is the decision's old line.
        #expect(result.issues.map(\.line) == [decisionLine], "\(result.issues)")
        #expect(result.issues.first?.message.contains("title") == true)
        #expect(result.issues.first?.message.contains("decision") == true)
    }

    @Test("the same award id twice breaks the key, reported where the second award starts")
    func duplicateAwardID() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let second = "<id>AWD-CAF-2017-18-02</id>"
        let line = try #require(lineNumber(of: second, in: good))
        let broken = good.replacingOccurrences(of: second, with: "<id>AWD-CAF-2017-18-01</id>")
        let result = try Self.validate(broken, in: folder)
        // libxml2 judges a key when the element ends; the validator points at where the repeating award starts,
        // the line before its id. The payment on the award whose id went is then on no award in the return: a
        // second fault, found by the payments' keyref.
        #expect(result.issues.count == 2, "\(result.issues)")
        #expect(result.issues.last?.message.contains("keyref 'paymentAward'") == true, "\(result.issues)")
        #expect(result.issues.first?.line == line - 1, "\(result.issues)")
        #expect(result.issues.first?.message.contains("AWD-CAF-2017-18-01") == true, "\(result.issues)")
    }

    @Test("a document in another namespace, or none, is refused")
    func wrongNamespace() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        for namespace in ["urn:lancashire-opcc:grants:return:2", ""] {
            let broken = good.replacingOccurrences(
                of: "xmlns=\"urn:lancashire-opcc:grants:return:1\"", with: "xmlns=\"\(namespace)\"")
            #expect(try Self.validate(broken, in: folder).issues.first?.line == 2)
        }
    }

    @Test("a malformed document is reported with its line")
    func malformed() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let target = "<title>Riverside clean-up and crime prevention days</title>"
        let line = try #require(lineNumber(of: target, in: good))
        let broken = good.replacingOccurrences(of: target, with: "<title>Riverside & clean-up</title>")
        let result = try Self.validate(broken, in: folder)
        #expect(result.issues.first?.line == line, "\(result.issues)")
        #expect(try Self.validate("", in: folder, name: "empty.xml").isValid == false)
        // A cut-short document and crossed tags say what is wrong, as a streaming xmllint does.
        let cut = String(good.prefix(2_000))
        let cutIssues = try Self.validate(cut, in: folder, name: "cut.xml").issues
        #expect(!cutIssues.isEmpty && cutIssues.allSatisfy { $0.message != "the document is not well-formed" }, "\(cutIssues)")
        let crossed = try Self.validate(
            "<?xml version=\"1.0\"?>\n<return xmlns=\"urn:lancashire-opcc:grants:return:1\">\n<a></b>\n</return>\n", in: folder)
        #expect(crossed.issues.contains { $0.line == 3 && $0.message.contains("Opening and ending tag mismatch") }, "\(crossed.issues)")
        #expect(try Self.validate("<return xmlns=\"urn:lancashire-opcc:grants:return:1\">", in: folder).isValid == false)
    }

    @Test("a DOCTYPE is refused before anything else, on its line")
    func doctypeRefused() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let withDoctype = good.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<!DOCTYPE return>\n")
        let result = try Self.validate(withDoctype, in: folder)
        #expect(result == .invalid([ValidationIssue(line: 3, message: "a DOCTYPE is not accepted")]))
        #expect(result.issues.first?.message == ReturnValidator.doctypeRefused)
    }

    @Test("an external entity is refused without reading the file it names")
    func externalEntity() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("secret.txt", "TOP-SECRET-MARKER-4711")
        let documents = [
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <return xmlns="urn:lancashire-opcc:grants:return:1">&x;</return>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY x SYSTEM "file://\(secret)">]>
            <return xmlns="urn:lancashire-opcc:grants:return:1"><title>&x;</title></return>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE return SYSTEM "\(secret)">
            <return xmlns="urn:lancashire-opcc:grants:return:1"/>
            """,
            """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>
            <return xmlns="urn:lancashire-opcc:grants:return:1"/>
            """,
        ]
        for document in documents {
            let result = try Self.validate(document, in: folder)
            #expect(result == .invalid([ValidationIssue(line: 2, message: "a DOCTYPE is not accepted")]))
            #expect(!result.issues.contains { $0.message.contains("TOP-SECRET") || $0.message.contains("root:") })
        }
    }

    @Test("a billion laughs is refused at once, with no entity expanded")
    func billionLaughs() throws {
        let folder = try TemporaryFolder()
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">\n"
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE return [
            \(declarations)]>
            <return xmlns="urn:lancashire-opcc:grants:return:1"><header>&lol9;</header></return>
            """
        let clock = ContinuousClock()
        var result: ValidationResult?
        let elapsed = try clock.measure { result = try Self.validate(document, in: folder) }
        #expect(result == .invalid([ValidationIssue(line: 2, message: "a DOCTYPE is not accepted")]))
        #expect(elapsed < .seconds(2))
    }

    @Test("an XInclude and a schemaLocation hint are not followed: they are merely invalid")
    func noInclusionNoHints() throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let include = good.replacingOccurrences(
            of: "<awards>",
            with: "<awards><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" parse=\"text\"/>")
        let included = try Self.validate(include, in: folder)
        #expect(!included.isValid)
        #expect(!included.issues.contains { $0.message.contains("root:") })
        // A hint to another schema is ignored: the shipped schema is the one used, so the document stays valid.
        let hinted = good.replacingOccurrences(
            of: "<return xmlns=\"urn:lancashire-opcc:grants:return:1\">",
            with: "<return xmlns=\"urn:lancashire-opcc:grants:return:1\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xsi:schemaLocation=\"urn:lancashire-opcc:grants:return:1 http://127.0.0.1:9/other.xsd\">")
        #expect(try Self.validate(hinted, in: folder) == .valid)
    }

    @Test("line numbers past 65,535 are right")
    func bigLines() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("big.xml")
        let lines = (0..<2_500).map { Made.line(String(format: "AWD-%05d", $0)) }
        try ReturnXMLWriter.write(
            header: Made.header(), lines: lines, totals: try Made.spendReturn(lines).totals(), contributions: [], to: path)
        let good = try String(contentsOfFile: path, encoding: .utf8)
        let target = "<id>AWD-02400</id>"
        let idLine = try #require(lineNumber(of: target, in: good))
        let awardedLine = try #require(lineNumber(of: "<awarded>2500.00</awarded>", in: good, after: idLine))
        #expect(awardedLine > 65_535)
        var broken = good.split(separator: "\n", omittingEmptySubsequences: false)
        broken[awardedLine - 1] = "      <awarded>2500</awarded>"
        let result = try Self.validate(broken.joined(separator: "\n"), in: folder)
        #expect(result.issues.first?.line == awardedLine, "\(result.issues.prefix(2))")
    }

    @Test("a file that cannot be read is an error, not a result")
    func unreadable() throws {
        let folder = try TemporaryFolder()
        let missing = try #require(throws: XMLReturnError.self) {
            try ReturnValidator.validate(file: folder.file("no-such-return.xml"))
        }
        #expect(missing.code == .unreadable)
        #expect(!missing.isDataError)
        let directory = try #require(throws: XMLReturnError.self) { try ReturnValidator.validate(file: folder.path) }
        #expect(directory.code == .unreadable)
    }

    @Test("many validations at once share the compiled schema and keep their issues apart")
    func concurrent() async throws {
        let folder = try TemporaryFolder()
        let good = try Self.sample()
        let goodPath = try folder.write("good.xml", good)
        let badPath = try folder.write("bad.xml", good.replacingOccurrences(of: "<awarded>1850.00</awarded>", with: "<awarded>1</awarded>"))
        let badLine = try #require(lineNumber(of: "<awarded>1850.00</awarded>", in: good))
        let results = try await withThrowingTaskGroup(of: (Bool, ValidationResult).self) { group in
            for index in 0..<32 {
                let isGood = index % 2 == 0
                group.addTask { (isGood, try ReturnValidator.validate(file: isGood ? goodPath : badPath)) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 32)
        for (isGood, result) in results {
            if isGood {
                #expect(result == .valid)
            } else {
                #expect(!result.issues.isEmpty && result.issues.allSatisfy { $0.line == badLine }, "\(result.issues)")
            }
        }
    }
}
