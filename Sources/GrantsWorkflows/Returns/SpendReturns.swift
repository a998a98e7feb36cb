import GrantsCore
import GrantsFiles
import GrantsReports
import GrantsSpreadsheet
import GrantsXML

/// Spend returns for commissioners: the figures for a period as of its day, written in any format, whole or not
/// at all.
public enum SpendReturns {
    /// The period of a year: all of it, a quarter, or the year to a day.
    public static func period(year: FinancialYear, quarter: Quarter?, asOf: Day?) throws(WorkflowError)
        -> SpendReturn.Period
    {
        // A return's schema has room for a quarter or a year-to-date day, not both.
        if quarter != nil && asOf != nil { throw .usage("give a quarter or an as-of day, not both") }
        if let asOf, !year.contains(asOf) { throw .usage("--as-of: \(asOf) is not in \(year)") }
        return SpendReturn.Period(year: year, quarter: quarter, asOf: asOf)
    }

    /// The return for a period (optionally one fund or one CSP), every line in memory, with the ledger's last
    /// change to stamp it with.
    public static func build(
        _ period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil, in store: any LedgerStore
    ) throws(WorkflowError) -> (spendReturn: SpendReturn, lastModified: String) {
        let spendReturn = try reading { () throws(LedgerError) in
            try store.spendReturn(period: period, fund: fund, csp: csp)
        }
        return (spendReturn, try lastModified(in: store))
    }

    /// The ledger's last change, for 360Giving's dates modified.
    public static func lastModified(in store: any LedgerStore) throws(WorkflowError) -> String {
        let lastModified = try reading { () throws(LedgerError) in try store.lastModified() }
        return lastModified ?? "1970-01-01T00:00:00Z"
    }

    /// Writes the return for a period and scope to `path`, whole or not at all, its lines streamed from the ledger
    /// a row at a time: memory stays flat however large the ledger. XML is validated before it is put in place.
    public static func write(
        _ period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil, in store: any LedgerStore,
        format: ReturnFormat, to path: String, options: ReturnOptions
    ) throws(WorkflowError) {
        try writing(to: path) { output in
            try store.withSpendReturn(period: period, fund: fund, csp: csp) { r in
                try write(r, format: format, into: output, options: options)
            }
        }
    }

    /// A text return (CSV or a 360Giving file) for a period and scope as bytes, its lines streamed from the ledger:
    /// for a caller that sends them on whole, such as the web application.
    public static func bytes(
        _ period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil, in store: any LedgerStore,
        format: ReturnFormat, options: ReturnOptions
    ) throws(WorkflowError) -> [UInt8] {
        var bytes: [UInt8] = []
        try streaming { () throws in
            try store.withSpendReturn(period: period, fund: fund, csp: csp) { r in
                try streamText(r, format: format, options: options) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// Runs `body` on a new file for `path`, and puts it in place only when `body` and the ledger's read both end
    /// well: a return is whole or absent.
    private static func writing(to path: String, _ body: (OutputFile) throws -> Void) throws(WorkflowError) {
        let output: OutputFile
        do {
            output = try OutputFile(path: path)
        } catch {
            throw WorkflowError(error)
        }
        do {
            try streaming { () throws in try body(output) }
        } catch {
            output.abandon()
            throw error
        }
        do {
            try output.commit()
        } catch {
            throw WorkflowError(error)
        }
    }

    /// Runs `body`, turning what a streamed return throws into a `WorkflowError`.
    private static func streaming(_ body: () throws -> Void) throws(WorkflowError) {
        do {
            try body()
        } catch let error as WorkflowError {
            throw error
        } catch let error as LedgerError {
            throw WorkflowError(error)
        } catch let error as MoneyError {
            throw .cannotTotal(error)
        } catch let error as XMLReturnError {
            throw WorkflowError(error)
        } catch let error as SpreadsheetError {
            if case .cannotSave = error { throw WorkflowError(.io, error.description) }
            throw WorkflowError(.io, "cannot write the return: \(error)")
        } catch let error as OutputFileError {
            throw WorkflowError(error)
        } catch {
            throw .badData("cannot write the return: \(error)")
        }
    }

    /// Writes `r` into `output`'s new file, not yet in place.
    private static func write(
        _ r: some SpendReturnContent, format: ReturnFormat, into output: OutputFile, options: ReturnOptions
    ) throws {
        switch format {
        case .xlsx:
            try ReturnWorkbook.write(r, into: output)
        case .xml:
            try writeValidatedXML(r, into: output)
        case .csv, .threeSixtyGivingJSON, .threeSixtyGivingCSV:
            let appender = try output.appender()
            try streamText(r, format: format, options: options) { appender.write($0) }
            try appender.finish()
        }
    }

    /// Writes a text format to `emit`, a run of bytes at a time.
    private static func streamText(
        _ r: some SpendReturnContent, format: ReturnFormat, options: ReturnOptions, emit: ([UInt8]) -> Void
    ) throws {
        switch format {
        case .csv:
            if options.excel { emit(Array(ReturnCSV.byteOrderMark.utf8)) }
            var buffer: [UInt8] = []
            try ReturnCSV.write(r) { row in
                buffer.append(contentsOf: row.utf8)
                buffer.handOver(to: emit)
            }
            emit(buffer)
        case .threeSixtyGivingJSON:
            try ThreeSixtyGiving.writeJSON(
                r, prefix: options.prefix, publisherName: r.header.funderName, dataSource: options.dataSource,
                lastModified: options.lastModified, licence: options.licence, publisherWebsite: options.publisherWebsite,
                emit: emit)
        case .threeSixtyGivingCSV:
            // The byte-order mark only once the grants are known to be publishable.
            var first = options.excel
            try ThreeSixtyGiving.writeCSV(
                r, prefix: options.prefix, dataSource: options.dataSource, lastModified: options.lastModified
            ) { bytes in
                if first {
                    emit(Array(ReturnCSV.byteOrderMark.utf8))
                    first = false
                }
                emit(bytes)
            }
        case .xml:
            throw WorkflowError.usage("an XML return needs -o FILE (it is validated before it is kept)")
        case .xlsx:
            throw WorkflowError.usage("an xlsx return needs -o FILE")
        }
    }

    /// The return as text, for the formats that are text (CSV and the 360Giving files).
    public static func text(_ r: SpendReturn, format: ReturnFormat, options: ReturnOptions)
        throws(WorkflowError) -> String
    {
        var bytes: [UInt8] = []
        try streaming { () throws in try streamText(r, format: format, options: options) { bytes.append(contentsOf: $0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the return to `path`, whole or not at all: a text format into a temporary file renamed over it; XML
    /// validated against the shipped XSD before it is put in place; XLSX through the workbook writer.
    public static func write(_ r: SpendReturn, format: ReturnFormat, to path: String, options: ReturnOptions)
        throws(WorkflowError)
    {
        try writing(to: path) { output in try write(r, format: format, into: output, options: options) }
    }

    /// Writes an XML return into `output`'s new file and validates it against the shipped XSD and checks its
    /// consistency; the caller puts it in place.
    static func writeValidatedXML(_ r: some SpendReturnContent, into output: OutputFile) throws(WorkflowError) {
        let result: ValidationResult
        do {
            try ReturnXMLWriter.write(r, into: output)
            result = try ReturnValidator.validate(file: output.writingPath)
        } catch {
            throw WorkflowError(error)
        }
        guard result.isValid else {
            let first = result.issues.first.map(\.description) ?? "unknown"
            throw .badData(
                "the XML return failed its own validation (\(result.issues.count) issue(s), first \(first)); nothing was "
                    + "written")
        }
    }
}
