import Foundation
import Testing
import GrantsTestSupport

/// init, import, status and history run as the built binary, their output and exit codes checked.
@Suite struct LedgerCommandTests {
    /// `grants init` (which says it created the ledger) and `grants import base.yaml` of the base fixtures (which
    /// says what it recorded), run once per test process.
    private static let base = TemplateFolder("the base fixtures' ledger") { folder in
        try GrantsBinary.make(["init"], in: folder, stdout: "Created an empty ledger at grants.sqlite.\n")
        try Data(Fixtures.base.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("base.yaml"))
        try GrantsBinary.make(["import", "base.yaml"], in: folder,
                              stdout: "Recorded 8 entries: 5 organisations, 2 funds, 1 allocation.\n")
    }

    /// A folder with an initialised ledger at grants.sqlite holding the base fixtures, and base.yaml.
    private func prepared() throws -> TemporaryFolder { try Self.base.copy() }

    @Test func importTwiceChangesNothing() async throws {
        let folder = try prepared()
        let again = try await GrantsBinary.run(["import", "base.yaml"], in: folder.path)
        #expect(again.status == 0)
        #expect(again.stdout == "Nothing new: all 8 entries are already in the ledger.\n")
    }

    @Test func statusFormats() async throws {
        let folder = try prepared()
        try folder.write("award.yaml", Fixtures.award(id: "AWD-1", amount: "1200.50"))
        #expect(try await GrantsBinary.run(["import", "award.yaml"], in: folder.path).status == 0)
        let csv = try await GrantsBinary.run(["status", "--format", "csv", "--year", "2017-18"], in: folder.path)
        #expect(csv.status == 0)
        #expect(csv.stdout == """
            level,fund,fund_name,scheme,financial_year,csp,csp_name,budget,allocated,committed,paid,returned,remaining,forecast,variance,variance_percent\r
            fund,CAF-2017-18,Community Action Fund 2017/18,community-action-fund,2017/18,,,1000.00,0.00,0.00,0.00,0.00,1000.00,0.00,1000.00,100.00\r
            fund,CSP-2017-18,CSP grant 2017/18,csp-grant,2017/18,,,10000.00,5000.00,1200.50,0.00,0.00,8799.50,1200.50,8799.50,88.00\r
            csp,CSP-2017-18,CSP grant 2017/18,csp-grant,2017/18,360G-Test-CSP-SR,South Ribble Community Safety Partnership,5000.00,5000.00,1200.50,0.00,0.00,3799.50,1200.50,3799.50,75.99\r

            """)
        let text = try await GrantsBinary.run(["status", "--csp", "360G-Test-CSP-SR"], in: folder.path)
        #expect(text.status == 0)
        #expect(text.stdout.contains("South Ribble Community Safety Partnership  CSP-2017-18  £5,000.00  £1,200.50  £0.00     £0.00  £3,799.50  £1,200.50  £3,799.50  75.99%"))
        #expect(!text.stdout.contains("Funds"))
        let json = try await GrantsBinary.run(["status", "--fund", "CAF-2017-18", "--format", "json"], in: folder.path)
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"remaining\": \"1000.00\""))
        #expect(!json.stdout.contains("CSP-2017-18"))
    }

    @Test func historyShowsWhoWhenAndWhy() async throws {
        let folder = try prepared()
        let history = try await GrantsBinary.run(["history", "--entry", "ALLOC-SR"], in: folder.path)
        #expect(history.status == 0)
        #expect(history.stdout.contains("tester: record allocation ALLOC-SR from base.yaml:34"))
        #expect(history.stdout.contains("why: import of base.yaml"))
        #expect(history.stdout.contains("amount=5000.00"))
        let json = try await GrantsBinary.run(["history", "--limit", "1", "--format", "json"], in: folder.path)
        #expect(json.stdout.contains("\"id\": \"ALLOC-SR\""))
        #expect(!json.stdout.contains("\"id\": \"CSP-2017-18\""))
    }

    @Test func theDatabaseComesFromTheEnvironmentOrTheOption() async throws {
        let folder = try TemporaryFolder()
        #expect(try await GrantsBinary.run(["init"], in: folder.path, environment: ["GRANTS_DB": "env.sqlite"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("env.sqlite")))
        #expect(try await GrantsBinary.run(["init", "--db", "opt.sqlite"], in: folder.path).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.file("opt.sqlite")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("grants.sqlite")))
    }

    // MARK: - Exit codes

    @Test func badDataExits65AndNamesFileLineAndField() async throws {
        let folder = try prepared()
        try folder.write("bad.yaml", Fixtures.award(id: "AWD-1", amount: "1,200.00"))
        let result = try await GrantsBinary.run(["import", "bad.yaml"], in: folder.path)
        #expect(result.status == 65)
        #expect(result.stderr == """
            error: bad.yaml:8: awards[0].amount: '1,200.00' has a thousands separator; write the amount without it, \
            such as 10000.00

            """)
        #expect(result.stdout.isEmpty)
    }

    @Test func overCommittingExits65WithTheFigures() async throws {
        let folder = try prepared()
        try folder.write("big.yaml", Fixtures.award(id: "AWD-1", amount: "5000.01"))
        let result = try await GrantsBinary.run(["import", "big.yaml"], in: folder.path)
        #expect(result.status == 65)
        #expect(result.stderr.contains("big.yaml:8: amount: awarding £5,000.01 would commit £5,000.01 of allocation ALLOC-SR"))
        let status = try await GrantsBinary.run(["status", "--format", "csv"], in: folder.path)
        #expect(status.stdout.contains(",5000.00,5000.00,0.00,0.00,0.00,5000.00,0.00,5000.00,100.00\r\n"))
    }

    @Test func usageErrorsExit64() async throws {
        let folder = try prepared()
        #expect(try await GrantsBinary.run(["status", "--year", "2017/19"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["status", "--format", "pdf"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["frobnicate"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["history", "--limit", "0"], in: folder.path).status == 64)
        #expect(try await GrantsBinary.run(["import"], in: folder.path).status == 64)
    }

    @Test func missingFilesExit74() async throws {
        let folder = try TemporaryFolder()
        let noLedger = try await GrantsBinary.run(["status"], in: folder.path)
        #expect(noLedger.status == 74)
        #expect(noLedger.stderr.contains("no ledger at grants.sqlite; run `grants init` first"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("grants.sqlite")))
        #expect(try await GrantsBinary.run(["init"], in: folder.path).status == 0)
        let noFile = try await GrantsBinary.run(["import", "missing.yaml"], in: folder.path)
        #expect(noFile.status == 74)
        #expect(noFile.stderr == "error: missing.yaml: no such file or folder\n")
    }
}
