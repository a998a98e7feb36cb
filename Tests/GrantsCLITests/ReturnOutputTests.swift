import Foundation
import GrantsTestSupport
import Testing

/// `grants return` without `-o` prints the return only once it is whole.
@Suite struct ReturnOutputTests {
    /// A ledger whose row cannot be read part way through the return prints nothing on standard output, in every
    /// text format, and says why on standard error.
    @Test func aReturnRefusedPartWayPrintsNothing() async throws {
        let folder = try SampleLedger.copy()
        try DamagedLedger.giveUnknownKind(inLedgerAt: folder.file("grants.sqlite"))
        for format in ["csv", "360giving-json", "360giving-csv"] {
            let result = try await GrantsBinary.run(["return", "--year", "2017/18", "--format", format], in: folder.path)
            #expect(result.status != 0, "\(format)")
            #expect(result.stdout.isEmpty, "\(format): \(result.stdout.prefix(200))")
            #expect(result.stderr.contains("holds 'martian'"), "\(format): \(result.stderr)")
        }
        // The same ledger's return of a year without the damaged row still prints.
        let fine = try await GrantsBinary.run(["return", "--year", "2018/19", "--format", "csv"], in: folder.path)
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stdout.hasPrefix("record,period,"))
    }
}
