import ArgumentParser
import GrantsImport
import GrantsReports
import GrantsRulebooks
import GrantsRules
import GrantsWorkflows

/// `grants rulebook lint|test|list`: keeping the rules as data honest.
struct RulebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rulebook", abstract: "Lint rulebooks, run their test cases, or list the shipped ones.",
        subcommands: [Lint.self, Test.self, List.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report unknown check kinds or parameters, dated values outside the year or out of order, duplicate ids.")

        @Argument(help: "Rulebook files (default: every shipped rulebook).")
        var paths: [String] = []

        func run() throws {
            var errors = 0
            for path in paths.isEmpty ? ShippedRulebooks.all() : paths {
                let book: Rulebook
                let name = ShippedRulebooks.displayName(of: path) ?? path
                do {
                    book = try RulebookFile.read(file: path, source: name)
                } catch {
                    print("\(name): \(error.kind == .io ? "cannot read" : "error"): \(error.description)")
                    errors += 1
                    continue
                }
                let findings = RulebookLinter.lint(book)
                errors += findings.filter { $0.level == .error }.count
                if findings.isEmpty {
                    print("\(name): \(book.title): \(book.rules.count) rules, \(book.parameters.count) parameters, no problems")
                }
                for finding in findings {
                    print("\(name):\(finding.line): \(finding.level.rawValue): \(finding.path): \(finding.message)")
                }
            }
            if errors > 0 { throw ExitStatus.checkFailed }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the test cases kept beside each rulebook (<year>.tests.yaml) and show which fail.")

        @Argument(help: "Rulebook files (default: every shipped rulebook).")
        var paths: [String] = []

        func run() throws {
            var failed = 0
            var passed = 0
            for path in paths.isEmpty ? ShippedRulebooks.all() : paths {
                let book = try attempt { () throws(WorkflowError) in try RulebookLibrary.load(path) }
                let testsPath = ShippedRulebooks.testsPath(for: path)
                let suite: RulebookTestSuite
                do {
                    suite = try RulebookTestsFile.read(file: testsPath)
                } catch {
                    throw failure(error)
                }
                for result in suite.run(against: book) {
                    if result.passed {
                        passed += 1
                        print("✓ \(result.testCase.name)")
                    } else {
                        failed += 1
                        print("✗ \(result.testCase.name) (\(result.testCase.location))")
                        for mismatch in result.mismatches { print("    \(mismatch)") }
                    }
                }
            }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitStatus.checkFailed }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the shipped rulebooks.")

        func run() throws {
            guard ShippedRulebooks.folder != nil else {
                throw failure(WorkflowError(.io, "the shipped rulebooks are not beside the grants binary"))
            }
            for path in ShippedRulebooks.all() {
                let book = try attempt { () throws(WorkflowError) in try RulebookLibrary.load(path) }
                print("\(book.scheme.rawValue) \(book.year.label): \(book.title) (\(book.source))")
            }
        }
    }
}
