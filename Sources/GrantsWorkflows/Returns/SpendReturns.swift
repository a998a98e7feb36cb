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

    /// The return for a period (optionally one fund or one CSP), with the options that stamp it with the ledger's
    /// last change.
    public static func build(
        _ period: SpendReturn.Period, fund: String? = nil, csp: OrganisationID? = nil, in store: any LedgerStore
    ) throws(WorkflowError) -> (spendReturn: SpendReturn, lastModified: String) {
        let spendReturn = try reading { () throws(LedgerError) in
            try store.spendReturn(period: period, fund: fund, csp: csp)
        }
        let lastModified = try reading { () throws(LedgerError) in try store.lastModified() }
        return (spendReturn, lastModified ?? "1970-01-01T00:00:00Z")
    }

    /// The return as text, for the formats that are text (CSV and the 360Giving files).
    public static func text(_ r: SpendReturn, format: ReturnFormat, options: ReturnOptions) throws(WorkflowError)
        -> String
    {
        do {
            switch format {
            case .csv:
                return try ReturnCSV.render(r, excel: options.excel)
            case .threeSixtyGivingJSON:
                return try ThreeSixtyGiving.json(
                    r, prefix: options.prefix, publisherName: r.header.funderName, dataSource: options.dataSource,
                    lastModified: options.lastModified, licence: options.licence,
                    publisherWebsite: options.publisherWebsite)
            case .threeSixtyGivingCSV:
                return (options.excel ? ReturnCSV.byteOrderMark : "") + (try ThreeSixtyGiving.csv(
                    r, prefix: options.prefix, dataSource: options.dataSource, lastModified: options.lastModified))
            case .xml:
                throw WorkflowError.usage("an XML return needs -o FILE (it is validated before it is kept)")
            case .xlsx:
                throw WorkflowError.usage("an xlsx return needs -o FILE")
            }
        } catch let error as WorkflowError {
            throw error
        } catch let error as MoneyError {
            throw .cannotTotal(error)
        } catch {
            throw .badData("cannot write the return: \(error)")
        }
    }

    /// Writes the return to `path`, whole or not at all: a text format into a temporary file renamed over it; XML
    /// validated against the shipped XSD before it is put in place; XLSX through the workbook writer.
    public static func write(_ r: SpendReturn, format: ReturnFormat, to path: String, options: ReturnOptions)
        throws(WorkflowError)
    {
        switch format {
        case .xlsx:
            do {
                try ReturnWorkbook.write(r, to: path)
            } catch {
                if case .cannotSave = error { throw WorkflowError(.io, error.description) }
                throw WorkflowError(.io, "cannot write \(path): \(error)")
            }
        case .xml:
            try writeValidatedXML(r, to: path)
        case .csv, .threeSixtyGivingJSON, .threeSixtyGivingCSV:
            try OutputFiles.write(try text(r, format: format, options: options), to: path)
        }
    }

    /// Writes an XML return into a new file, validates it against the shipped XSD and checks its consistency, and
    /// only then puts it at `path`.
    static func writeValidatedXML(_ r: SpendReturn, to path: String) throws(WorkflowError) {
        let output: OutputFile
        let result: ValidationResult
        do {
            output = try OutputFile(path: path)
        } catch {
            throw WorkflowError(error)
        }
        do {
            try ReturnXMLWriter.write(r, into: output)
            result = try ReturnValidator.validate(file: output.writingPath)
        } catch {
            output.abandon()
            throw WorkflowError(error)
        }
        guard result.isValid else {
            output.abandon()
            let first = result.issues.first.map(\.description) ?? "unknown"
            throw .badData(
                "the XML return failed its own validation (\(result.issues.count) issue(s), first \(first)); nothing was "
                    + "written")
        }
        do {
            try output.commit()
        } catch {
            throw WorkflowError(error)
        }
    }
}
