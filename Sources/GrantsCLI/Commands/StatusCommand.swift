import ArgumentParser
import GrantsCore
import GrantsReports
import GrantsStore

extension StatusRenderer.Format: ExpressibleByArgument {}

/// `grants status`: budget, allocated, committed, paid and remaining per fund and per CSP.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show budget, allocated, committed, paid and remaining per fund and per CSP.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "Only this financial year, such as 2017/18.")
    var year: String?

    @Option(help: "Only this fund.")
    var fund: String?

    @Option(help: "Only this community safety partnership (its organisation id).")
    var csp: String?

    @Option(help: "With --year, a quarter (Q1 to Q4) whose payments are shown as paid in the period.")
    var quarter: String?

    @Option(help: "text, json or csv.")
    var format: StatusRenderer.Format = .text

    func run() throws {
        let scope = try StatusScope.parse(year: year, fund: fund, csp: csp, quarter: quarter)
        let report: StatusReport
        do {
            report = try ledger.open().status(scope)
        } catch let error as LedgerError {
            throw failure(error)
        }
        do {
            print(try StatusRenderer.render(report, as: format), terminator: "")
        } catch {
            throw failure(error)
        }
    }
}

/// Reads the scope options of `grants status`.
enum StatusScope {
    static func parse(year: String?, fund: String?, csp: String?, quarter: String? = nil) throws(ExitCode)
        -> StatusReport.Scope
    {
        var financialYear: FinancialYear?
        if let year {
            do {
                financialYear = try FinancialYear(parsing: year)
            } catch {
                throw failure("--year: \(error)", ExitStatus.usage)
            }
        }
        var cspID: OrganisationID?
        if let csp {
            do {
                cspID = try OrganisationID(parsing: csp)
            } catch {
                throw failure("--csp: \(error)", ExitStatus.usage)
            }
        }
        var quarterValue: Quarter?
        if let quarter {
            guard financialYear != nil else { throw failure("--quarter needs --year", ExitStatus.usage) }
            do {
                quarterValue = try Quarter(parsing: quarter)
            } catch {
                throw failure("--quarter: \(error)", ExitStatus.usage)
            }
        }
        return StatusReport.Scope(year: financialYear, fund: fund, csp: cspID, quarter: quarterValue)
    }
}
