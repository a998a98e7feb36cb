import Foundation
import GrantsCore
import GrantsTestSupport
import GrantsXML
import Testing

/// The ledger refuses the charity numbers, company numbers and area codes the return's schema refuses
/// (`RegisterCode`), and accepts those it accepts: no organisation the ledger holds can stop a return.
@Suite("Register numbers and area codes: the ledger and the schema agree")
struct RegisterCodeTests {
    static let values: [(RegisterCode, [String])] = [
        (.charityNumber, [
            "1164883", "220949", "1164883-1", "1164883-12", "1164883-123", "SC012345", "NIC100002", "abc", "12345",
            "12345678", "1164883-", "1164883-1234", "-1", "SC12345", "NIC1000021", "sc012345", " 1164883",
        ]),
        (.companyNumber, [
            "09506232", "SC123456", "NI123456", "OC301234", "R0000123", "0950623", "095062321", "sc123456", "ABC12345",
            "09 506232",
        ]),
        (.locationCode, [
            "E07000126", "W06000015", "S12000033", "N09000003", "K04000001", "X07000126", "E0700012", "e07000126",
            "somewhere", "E070001260",
        ]),
    ]

    @Test("each value is valid in a return exactly when RegisterCode accepts it")
    func agree() throws {
        let folder = try TemporaryFolder()
        let sample = try SampleDocuments.text(of: .year)
        let charity = "<charityNumber>9990003</charityNumber>"
        let location = "<locationCode>E07000117</locationCode>"
        #expect(sample.contains(charity) && sample.contains(location))
        for (kind, values) in Self.values {
            for value in values {
                let document = switch kind {
                case .charityNumber: sample.replacingOccurrences(of: charity, with: "<charityNumber>\(value)</charityNumber>")
                case .companyNumber: sample.replacingOccurrences(of: charity, with: "\(charity)<companyNumber>\(value)</companyNumber>")
                case .locationCode: sample.replacingOccurrences(of: location, with: "<locationCode>\(value)</locationCode>")
                }
                let valid = try ReturnValidator.validate(file: try folder.write("code.xml", document)).isValid
                #expect(valid == kind.isValid(value), "\(kind) '\(value)': the schema says \(valid)")
                #expect((kind.problem(value) == nil) == kind.isValid(value))
            }
        }
    }
}
