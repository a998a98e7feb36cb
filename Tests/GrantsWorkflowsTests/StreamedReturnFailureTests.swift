import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// A return streams its lines from the ledger as it writes them: a row that cannot be read part way through is an
/// error, and nothing is left where the return was to go, whatever the format had written by then.
@Suite struct StreamedReturnFailureTests {
    /// The Samples ledger in a file, one of its 2017/18 award's recipients then given a kind no version of grants
    /// knows (as a damaged or tampered file could hold), with the ledger's own guards set aside to do it.
    private func damagedLedger(_ folder: TemporaryFolder) throws -> String {
        let path = folder.file("grants.sqlite")
        let ledger = try Ledger(path: path, mode: .create)
        try ledger.record(try LedgerFile.read(paths: [PackageFiles.samples]), as: Fixtures.change("samples"))
        try DamagedLedger.giveUnknownKind(inLedgerAt: path)
        return path
    }

    @Test(arguments: ReturnFormat.allCases)
    func aRowThatCannotBeReadPartWayLeavesNoFile(format: ReturnFormat) throws {
        let folder = try TemporaryFolder()
        let ledger = try Ledger(path: try damagedLedger(folder), mode: .readOnly)
        let period = SpendReturn.Period(year: try FinancialYear(parsing: "2017/18"))
        let output = folder.file("return.\(format.rawValue)")
        try Data("the return before".utf8).write(to: URL(fileURLWithPath: output))
        let error = #expect(throws: WorkflowError.self) {
            try SpendReturns.write(
                period, in: ledger, format: format, to: output, options: ReturnOptions(lastModified: "2018-04-30T09:00:00Z"))
        }
        #expect(error?.message.contains("organisations.recipient_kind holds 'martian'") == true, "\(String(describing: error))")
        #expect(FileManager.default.contents(atPath: output) == Data("the return before".utf8))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.allSatisfy { !$0.hasPrefix(".") }, "no temporary file is left: \(names)")
    }
}
