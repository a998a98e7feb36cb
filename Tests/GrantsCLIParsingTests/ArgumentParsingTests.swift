import ArgumentParser
@testable import GrantsCLI
import GrantsWorkflows
import Testing

/// The command line's parsing, in process: which command each line picks, what it reads, and which lines are
/// refused before anything runs (exit 64). What each command then does is tested through its workflow.
@Suite struct ArgumentParsingTests {
    static func parse(_ line: [String]) throws -> any ParsableCommand {
        try GrantsCommand.parseAsRoot(line)
    }

    @Test func awardReadsEveryOption() throws {
        let command = try #require(try Self.parse([
            "award", "CSP-2017-SRI-04", "--bid-file", "bid.yaml", "--amount", "1000.00", "--decision", "2017/140",
            "--date", "2017-11-20", "--override", "panel", "--fund", "CSP-2017-18", "--allocation", "A", "--id", "X",
            "--db", "l.sqlite", "--actor", "officer",
        ]) as? AwardCommand)
        #expect(command.bid == "CSP-2017-SRI-04")
        #expect(command.bidFile == "bid.yaml")
        #expect(command.amount == "1000.00")
        #expect(command.override == "panel")
        #expect(command.id == "X")
        #expect(command.ledger.path == "l.sqlite")
        #expect(command.ledger.actorName == "officer")
    }

    @Test(arguments: [
        (["status", "--year", "2017/18", "--format", "csv"], "status"),
        (["check", "a.yaml", "--set", "max_request=3000.00"], "check"),
        (["claim", "AWD-1", "--period", "Q2", "--amount", "1.00", "--date", "2017-10-01"], "claim"),
        (["pay", "AWD-1-C01", "--date", "2017-10-01"], "pay"),
        (["close", "AWD-1", "--spent", "1.00", "--date", "2018-04-01"], "close"),
        (["withdraw", "AWD-1", "--date", "2017-10-01", "--reason", "r"], "withdraw"),
        (["reallocate", "--from", "A", "--amount", "1.00", "--to-csp", "X", "--decision", "d", "--date", "2017-10-01",
          "--reason", "r"], "reallocate"),
        (["year-end", "2017/18", "--close", "--date", "2018-05-31"], "year-end"),
        (["return", "--year", "2017/18", "--quarter", "Q2", "--format", "360giving-json"], "return"),
        (["contribution", "receive", "S", "--year", "2017/18", "--amount", "1.00", "--date", "2017-06-30"], "receive"),
        (["rulebook", "lint"], "lint"),
        (["demo", "--reports", "r"], "demo"),
    ])
    func eachLinePicksItsCommand(line: [String], name: String) throws {
        let command = try Self.parse(line)
        let type = type(of: command)
        #expect(type.configuration.commandName ?? String(describing: type).lowercased() == name)
    }

    @Test func returnFormatsAreTheWorkflowsFormats() throws {
        for format in ReturnFormat.allCases {
            let line = ["return", "--year", "2017/18", "--format", format.rawValue] + (format.needsFile ? ["-o", "f"] : [])
            let command = try #require(try Self.parse(line) as? ReturnCommand)
            #expect(command.format == format)
        }
    }

    @Test(arguments: [
        ["return", "--year", "2017/18", "--quarter", "Q1", "--as-of", "2017-06-30", "--format", "csv"],
        ["return", "--year", "2017/18", "--format", "xlsx"],
        ["return", "--year", "2017/18", "--format", "pdf"],
        ["reallocate", "--from", "A", "--amount", "1.00", "--to", "B", "--to-csp", "C", "--decision", "d", "--date",
         "2017-10-01", "--reason", "r"],
        ["history", "--limit", "0"],
        ["award", "B", "--amount", "1.00", "--date", "2017-10-01"],
        ["no-such-command"],
    ])
    func badLinesAreRefusedBeforeAnythingRuns(line: [String]) {
        #expect(throws: (any Error).self) { try Self.parse(line) }
        do {
            _ = try Self.parse(line)
        } catch {
            #expect(GrantsCommand.exitCode(for: error) == ExitStatus.usage)
        }
    }

    @Test func failuresMapToSysexitsInOnePlace() {
        #expect(ExitStatus.code(for: .checkFailed) == ExitCode(1))
        #expect(ExitStatus.code(for: .usage) == ExitCode(64))
        #expect(ExitStatus.code(for: .badData) == ExitCode(65))
        #expect(ExitStatus.code(for: .io) == ExitCode(74))
    }
}
