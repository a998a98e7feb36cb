import ArgumentParser
import Foundation
import GrantsCore
import GrantsReports
import GrantsSpreadsheet
import GrantsXML
import GrantsStore

/// `grants return`: a spend return for commissioners, written whole or not at all.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Write a spend return (CSV, XML, XLSX, 360Giving JSON or CSV) for a year, quarter or year to date.",
        discussion: """
            One line per award (awarded, released, committed, paid in the period, paid to date, outstanding,
            returned), totals per CSP and per fund that equal `grants status` for the same scope, and contributions.
            Files are written to a temporary file and renamed, so a return is whole or absent; XML is validated
            against the shipped XSD before the command reports success. The same ledger and arguments give the
            same bytes.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, xml, xlsx
        case threeSixtyGivingJSON = "360giving-json"
        case threeSixtyGivingCSV = "360giving-csv"
    }

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The financial year, such as 2017/18.") var year: String
    @Option(help: "A quarter of the year (Q1 to Q4).") var quarter: String?
    @Option(help: "Year to date: the last day counted.") var asOf: String?
    @Option(help: "Only this fund.") var fund: String?
    @Option(help: "Only this CSP (organisation id).") var csp: String?
    @Option(help: "csv, xml, xlsx, 360giving-json or 360giving-csv.") var format: Format
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: standard output; xlsx needs a file).")
    var output: String?
    @Flag(help: "CSV for Excel: starts with a byte-order mark so £ and accents show.") var excel = false
    @Option(help: "The 360Giving identifier prefix (360G-<prefix>-<award id>).") var prefix = "LancashirePCC"
    @Option(help: "For 360Giving: where the data is published (an http or https address).") var dataSource: String?

    func validate() throws {
        if quarter != nil && asOf != nil { throw ValidationError("give --quarter or --as-of, not both") }
        if format == .xlsx && output == nil { throw ValidationError("an xlsx return needs -o FILE") }
    }

    func run() throws {
        let financialYear = try Recording.year(year, option: "--year")
        var quarterValue: Quarter?
        if let quarter {
            do {
                quarterValue = try Quarter(parsing: quarter)
            } catch {
                throw failure("--quarter: \(error)", ExitStatus.usage)
            }
        }
        let asOfDay = try asOf.map { text throws(ExitCode) in try Recording.day(text, option: "--as-of") }
        if let asOfDay, !financialYear.contains(asOfDay) {
            throw failure("--as-of: \(asOfDay) is not in \(financialYear)", ExitStatus.usage)
        }
        var cspID: OrganisationID?
        if let csp {
            do {
                cspID = try OrganisationID(parsing: csp)
            } catch {
                throw failure("--csp: \(error)", ExitStatus.usage)
            }
        }
        let store = try ledger.open()
        let period = SpendReturn.Period(year: financialYear, quarter: quarterValue, asOf: asOfDay)
        let spendReturn = try Recording.reading { () throws(LedgerError) in
            try store.spendReturn(period: period, fund: fund, csp: cspID)
        }
        let lastModified = try Recording.reading { () throws(LedgerError) in try store.lastModified() }
        try ReturnFiles.write(
            spendReturn, format: format, to: output,
            options: .init(excel: excel, prefix: prefix, dataSource: dataSource, lastModified: lastModified ?? "1970-01-01T00:00:00Z"))
    }
}

/// Writes returns whole or not at all.
enum ReturnFiles {
    struct Options {
        var excel = false
        var prefix = "LancashirePCC"
        var dataSource: String?
        /// The ledger's last change, for 360Giving's dateModified.
        var lastModified: String
    }

    static func write(_ r: SpendReturn, format: ReturnCommand.Format, to output: String?, options: Options)
        throws(ExitCode)
    {
        let text: String
        do {
            switch format {
            case .csv:
                text = try ReturnCSV.render(r, excel: options.excel)
            case .threeSixtyGivingJSON:
                text = try ThreeSixtyGiving.json(
                    r, prefix: options.prefix, publisherName: r.header.funderName, dataSource: options.dataSource,
                    lastModified: options.lastModified)
            case .threeSixtyGivingCSV:
                text = (options.excel ? ReturnCSV.byteOrderMark : "") + (try ThreeSixtyGiving.csv(
                    r, prefix: options.prefix, dataSource: options.dataSource, lastModified: options.lastModified))
            case .xlsx:
                guard let output else { throw failure("an xlsx return needs -o FILE", ExitStatus.usage) }
                try ReturnWorkbook.write(r, to: output)
                return
            case .xml:
                guard let output else {
                    throw failure("an XML return needs -o FILE (it is validated before it is kept)", ExitStatus.usage)
                }
                try ReturnXMLFiles.write(r, to: output)
                return
            }
        } catch let error as ExitCode {
            throw error
        } catch let error as MoneyError {
            throw failure(error)
        } catch let error as SpreadsheetError {
            throw failure("cannot write \(output ?? "the workbook"): \(error)", ExitStatus.ioError)
        } catch {
            throw failure("cannot write the return: \(error)", ExitStatus.dataError)
        }
        if let output {
            try writeAtomically(text, to: output)
        } else {
            print(text, terminator: "")
        }
    }
}

/// Writes an XML return, validates it against the shipped XSD, and only then puts it in place.
enum ReturnXMLFiles {
    static func write(_ r: SpendReturn, to path: String) throws(ExitCode) {
        let temporary = path + ".validating-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result: ValidationResult
        do {
            try ReturnXMLWriter.write(r, to: temporary)
            result = try ReturnValidator.validate(file: temporary)
        } catch {
            throw failure("\(error)", error.isDataError ? ExitStatus.dataError : ExitStatus.ioError)
        }
        guard result.isValid else {
            let first = result.issues.first.map(\.description) ?? "unknown"
            throw failure(
                "the XML return failed its own schema (\(result.issues.count) issue(s), first \(first)); nothing was written",
                ExitStatus.dataError)
        }
        if rename(temporary, path) != 0 {
            throw failure("cannot write \(path): \(String(cString: strerror(errno)))", ExitStatus.ioError)
        }
    }
}

/// `grants validate-return FILE.xml`: checks an XML return received from elsewhere against the XSD, safely.
struct ValidateReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate-return",
        abstract: "Check an XML spend return against the shipped XSD (no DTD, no entities, no network).",
        discussion: "Exit 0 when valid, 1 when not (each problem with its line), 74 when the file cannot be read.")

    @Argument(help: "The XML return.") var file: String

    func run() throws {
        let result: ValidationResult
        do {
            result = try ReturnValidator.validate(file: file)
        } catch {
            throw failure("\(file): \(error)", ExitStatus.ioError)
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
