import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// A case the reader accepts but the ledger refuses: the `LedgerError` still names the file, the line of the
/// field at fault and the field, and nothing is written.
struct StoreRefusalCase: Sendable, CustomTestStringConvertible {
    let label: String
    let files: [CaseFile]
    let code: LedgerError.Code
    /// The file the error must name (one of `files`).
    let file: String
    let line: Int
    let field: String
    let entryID: String
    /// Must appear in the message; `{dir}` stands for the temporary folder.
    let fragment: String

    var testDescription: String { label }
}

@Suite("Records the ledger refuses, naming file, line and field")
struct StoreRefusalTests {
    /// A second award record (lines 14 to 24 when appended to `Files.award`).
    static func secondAward(id: String, amount: String) -> String {
        Fixtures.award(id: id, amount: amount).split(separator: "\n").dropFirst(2).joined(separator: "\n") + "\n"
    }

    static let cases: [StoreRefusalCase] = [
        .init(
            label: "negative amount", files: [CaseFile("a.yaml", Fixtures.award(id: "AWD-T-1", amount: "-100.00"))],
            code: .invalidEntry, file: "a.yaml", line: 8, field: "amount", entryID: "AWD-T-1",
            fragment: "the amount is -100.00; expected more than 0.00"),
        .init(
            label: "zero amount", files: [CaseFile("a.yaml", Fixtures.award(id: "AWD-T-1", amount: "0.00"))],
            code: .invalidEntry, file: "a.yaml", line: 8, field: "amount", entryID: "AWD-T-1",
            fragment: "expected more than 0.00"),
        .init(
            label: "award naming a fund that does not exist",
            files: [CaseFile("a.yaml", Files.award("fund", "CSP-2099-00"))],
            code: .unknownReference, file: "a.yaml", line: 4, field: "fund", entryID: "AWD-T-1",
            fragment: "no fund CSP-2099-00 is in the ledger or in this import; record the fund first"),
        .init(
            label: "award naming an allocation that does not exist",
            files: [CaseFile("a.yaml", Fixtures.award(id: "AWD-T-1", amount: "100.00", allocation: "ALLOC-NONE"))],
            code: .unknownReference, file: "a.yaml", line: 5, field: "allocation", entryID: "AWD-T-1",
            fragment: "no allocation ALLOC-NONE is in the ledger or in this import"),
        .init(
            label: "award naming a recipient that does not exist",
            files: [CaseFile("a.yaml", Files.award("recipient", "GB-LAE-XYZ"))],
            code: .unknownReference, file: "a.yaml", line: 6, field: "recipient", entryID: "AWD-T-1",
            fragment: "no organisation GB-LAE-XYZ is in the ledger or in this import"),
        .init(
            label: "payment on an award that does not exist",
            files: [CaseFile("a.yaml", Fixtures.payment(id: "PAY-T-1", award: "AWD-NONE", amount: "10.00"))],
            code: .unknownReference, file: "a.yaml", line: 4, field: "award", entryID: "PAY-T-1",
            fragment: "no award AWD-NONE is in the ledger or in this import"),
        .init(
            label: "same id twice in one file with different contents",
            files: [CaseFile("a.yaml", Files.award + secondAward(id: "AWD-T-1", amount: "2600.00"))],
            code: .duplicateID, file: "a.yaml", line: 14, field: "id", entryID: "AWD-T-1",
            fragment: "award AWD-T-1 is given twice with different contents (first at {dir}/a.yaml:3)"),
        .init(
            label: "same id in two files of one import with different contents",
            files: [
                CaseFile("a.yaml", Files.award),
                CaseFile("b.yaml", Fixtures.award(id: "AWD-T-1", amount: "2600.00")),
            ],
            code: .duplicateID, file: "b.yaml", line: 3, field: "id", entryID: "AWD-T-1",
            fragment: "award AWD-T-1 is given twice with different contents (first at {dir}/a.yaml:3)"),
        .init(
            label: "award over what is left of its allocation",
            files: [CaseFile("a.yaml", Fixtures.award(id: "AWD-T-1", amount: "5000.01"))],
            code: .exceedsAllocation, file: "a.yaml", line: 8, field: "amount", entryID: "AWD-T-1",
            fragment: "over its £5,000.00"),
    ]

    @Test("the ledger refuses the import and nothing is written", arguments: cases)
    func refused(_ bad: StoreRefusalCase) throws {
        let folder = try TemporaryFolder()
        let paths = try folder.write(bad.files)
        let ledger = try Fixtures.ledger()
        let error = try refusal(LedgerError.self, importing: paths, into: ledger)
        let file = folder.file(bad.file)
        #expect(error.code == bad.code)
        #expect(error.isDataError)
        #expect(error.origin?.file == file)
        #expect(error.field == bad.field)
        #expect(error.entryID == bad.entryID)
        #expect(error.origin?.location(of: error.field) == "\(file):\(bad.line)")
        #expect(error.description.hasPrefix("\(file):\(bad.line): \(bad.field): "), "\(error.description)")
        let fragment = bad.fragment.replacingOccurrences(of: "{dir}", with: folder.path)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test("the same record twice with the same contents is recorded once")
    func identicalRepeat() throws {
        let folder = try TemporaryFolder()
        let paths = try folder.write([
            CaseFile("a.yaml", Files.award + Self.secondAward(id: "AWD-T-1", amount: "2500.00")),
            CaseFile("b.yaml", Files.award),
        ])
        let ledger = try Fixtures.ledger()
        let outcome = try importFiles(paths, into: ledger)
        #expect(outcome.added == [EntryKind.award: 1])
        #expect(outcome.unchanged == 2)
        #expect(try ledger.history(entryID: "AWD-T-1").count == 1)
    }
}
