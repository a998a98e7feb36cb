import ArgumentParser
import Foundation
import GrantsCore
import GrantsXML
import GrantsWorkflows

/// `grants return`: a spend return for commissioners, written whole or not at all.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Write a spend return (CSV, XML, XLSX, 360Giving JSON or CSV) for a year, quarter or year to date.",
        discussion: """
            One line per award (awarded, released, committed, paid in the period, paid to date, outstanding,
            returned), totals per CSP and per fund that equal `grants status` for the same scope, and contributions.
            Files are written to a temporary file and renamed, so a return is whole or absent; XML is validated
            against the shipped XSD, and checked as validate-return checks it, before the command reports success.
            The same ledger and arguments give the same bytes.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The financial year, such as 2017/18.") var year: String
    @Option(help: "A quarter of the year (Q1 to Q4).") var quarter: String?
    @Option(help: "Year to date: the last day counted.") var asOf: String?
    @Option(help: "Only this fund.") var fund: String?
    @Option(help: "Only this CSP (organisation id).") var csp: String?
    @Option(help: "csv, xml, xlsx, 360giving-json or 360giving-csv.") var format: ReturnFormat
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: standard output; xlsx needs a file).")
    var output: String?
    @Flag(help: "CSV for Excel: starts with a byte-order mark so £ and accents show.") var excel = false
    @Option(help: "The 360Giving identifier prefix (360G-<prefix>-<award id>).") var prefix = "LancashirePCC"
    @Option(help: "For 360Giving: where the data is published (an http or https address).") var dataSource: String?
    @Option(help: ArgumentHelp(
        "For 360Giving: the web address of the licence the data is published under.",
        discussion: "Such as https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/ for the Open Government Licence."))
    var licence: String?
    @Option(help: "For 360Giving: the publisher's website (an http or https address).") var publisherWebsite: String?

    func validate() throws {
        if quarter != nil && asOf != nil { throw ValidationError("give --quarter or --as-of, not both") }
        if format == .xlsx && output == nil { throw ValidationError("an xlsx return needs -o FILE") }
        if format == .xml && output == nil {
            throw ValidationError("an XML return needs -o FILE (it is validated before it is kept)")
        }
    }

    func run() throws {
        let period = try attempt { () throws(WorkflowError) in
            let financialYear = try Input.year(year, field: "--year")
            let quarterValue = try quarter.map { text throws(WorkflowError) in try Input.quarter(text, field: "--quarter") }
            let day = try asOf.map { text throws(WorkflowError) in try Input.day(text, field: "--as-of") }
            return try SpendReturns.period(year: financialYear, quarter: quarterValue, asOf: day)
        }
        let cspID = try csp.map { text throws(ExitCode) in
            try typed(text, "--csp", Input.organisation)
        }
        let store = try ledger.openForReading()
        try attempt { () throws(WorkflowError) in
            let options = ReturnOptions(
                excel: excel, prefix: prefix, dataSource: dataSource,
                lastModified: try SpendReturns.lastModified(in: store), licence: licence,
                publisherWebsite: publisherWebsite)
            if let output {
                try SpendReturns.write(period, fund: fund, csp: cspID, in: store, format: format, to: output, options: options)
                return
            }
            // Standard output gets the return only once it is whole: it is streamed into a temporary file first, then
            // copied out, so a return refused part way prints nothing.
            let temporary = (NSTemporaryDirectory() as NSString).appendingPathComponent(
                "grants-return-\(UUID().uuidString).\(format.rawValue)")
            defer { unlink(temporary) }
            try SpendReturns.write(period, fund: fund, csp: cspID, in: store, format: format, to: temporary, options: options)
            try StandardOutput().copy(file: temporary)
        }
    }
}

extension ReturnFormat: ExpressibleByArgument {}

/// `grants validate-return FILE.xml`: checks an XML return received from elsewhere against the XSD, safely, then
/// checks what the XSD cannot say.
struct ValidateReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-return",
        abstract: "Check an XML spend return against the shipped XSD (no DTD, no entities, no network), then that "
            + "its figures and days agree.",
        discussion: """
            A return valid against the XSD is then checked for what XSD 1.0 cannot say: each total is the sum of its \
            award lines, committed is awarded less released and outstanding is committed less paid to date, planned \
            start is not after planned end, award dates and the period's days fit the financial year and the period, \
            and the year's two years follow one another. Each problem is printed as FILE:LINE: message. Exit 0 when \
            valid, 1 when not, 74 when the file cannot be read.
            """)

    @Argument(help: "The XML return.") var file: String

    func run() throws {
        let result: ValidationResult
        do {
            result = try ReturnValidator.validate(file: file)
        } catch {
            throw failure(WorkflowError(.io, "\(file): \(error)"))
        }
        if result.isValid {
            print("\(file): valid against \(ReturnValidator.schemaFileName)")
            return
        }
        for issue in result.issues { print("\(file):\(issue.line): \(issue.message)") }
        print("\(file): \(result.issues.count) problem(s)")
        throw ExitStatus.checkFailed
    }
}
