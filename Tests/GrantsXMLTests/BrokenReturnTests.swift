import Foundation
import GrantsCore
import GrantsTestSupport
import GrantsXML
import Testing

/// The sample ledger's returns broken on purpose, one way each: every case is refused with exactly the issues it
/// lists, each on its line.
@Suite("Returns broken on purpose")
struct BrokenReturnTests {
    @Test("the sample returns for a year, a quarter, the year to a day and one CSP are valid")
    func samplesAreValid() throws {
        let folder = try TemporaryFolder()
        for base in BrokenReturn.Base.allCases {
            let path = try folder.write("\(base.rawValue).xml", try SampleDocuments.text(of: base))
            #expect(try ReturnValidator.validate(file: path) == .valid, "\(base)")
        }
    }

    @Test("refused by the schema", arguments: BrokenReturn.refusedBySchema)
    func refusedBySchema(_ broken: BrokenReturn) throws {
        try Self.expectRefused(broken)
    }

    /// xmllint, the reference for "the schema alone".
    static let xmllint = "/usr/bin/xmllint"

    @Test("xmllint refuses every case the schema refuses",
          .enabled(if: FileManager.default.isExecutableFile(atPath: xmllint)))
    func xmllintAgrees() throws {
        let schema = try #require(ReturnValidator.schemaURL).path
        let folder = try TemporaryFolder()
        for (cases, refused) in [(BrokenReturn.refusedBySchema, true)] {
            for broken in cases {
                let path = try folder.write("broken.xml", try broken.document())
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Self.xmllint)
                process.arguments = ["--noout", "--nonet", "--schema", schema, path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                #expect((process.terminationStatus != 0) == refused, "\(broken.name): xmllint exit \(process.terminationStatus)")
            }
        }
    }

    /// Validates the broken return and compares every issue with those the case lists.
    static func expectRefused(_ broken: BrokenReturn) throws {
        let folder = try TemporaryFolder()
        let document = try broken.document()
        let result = try ReturnValidator.validate(file: try folder.write("broken.xml", document))
        let expected = try broken.expected(in: document)
        #expect(result.issues == expected, "\n  found:    \(result.issues)\n  expected: \(expected)")
    }
}
