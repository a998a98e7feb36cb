import CXlsxWriter
import GrantsCore
import GrantsFiles

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One libxlsxwriter workbook being written: every pointer the library hands back is checked, every status it
/// returns is turned into a `SpreadsheetError`, and the file appears at its path only once it is complete.
///
/// libxlsxwriter writes the file when the workbook is closed, into an `OutputFile`'s new file, which is then put in
/// place whole (or written into a device), so a failure never leaves half a workbook where a finished one is expected.
final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private let output: OutputFile
    /// Strings handed to the document properties, freed once the workbook is closed or abandoned.
    private var ownedStrings: [UnsafeMutablePointer<CChar>] = []

    /// A workbook to be written into `output`'s new file; `save()` checks it, and the caller commits `output`.
    ///
    /// Sheets are written in constant memory: libxlsxwriter writes each row to the sheet's temporary file once the
    /// next begins, so each sheet's rows must be written in order, top to bottom, and text goes in the cells
    /// themselves rather than a shared table that would hold every string of the workbook.
    init(output: OutputFile) throws(SpreadsheetError) {
        self.output = output
        // libxlsxwriter's own temporary files go in the folder of the file being written, not in a folder named by
        // the environment (TMP, TEMP), so the whole workbook is made on one disk.
        var options = lxw_workbook_options()
        options.constant_memory = 1
        options.tmpdir = strdup(Self.folder(of: output.writingPath))
        if let folder = options.tmpdir { ownedStrings.append(folder) }
        guard let handle = workbook_new_opt(output.writingPath, &options) else {
            output.abandon()
            throw .cannotCreate(what: "workbook")
        }
        self.handle = handle
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    deinit {
        // Not closed: an error part way. Free the workbook without writing it, and drop the temporary file.
        if let handle {
            lxw_workbook_free(handle)
            output.abandon()
        }
        for string in ownedStrings { free(string) }
    }

    private func workbook() throws(SpreadsheetError) -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw .cannotWrite(what: "to a closed workbook", reason: "already closed") }
        return handle
    }

    /// Sets the document properties. `createdSeconds` (since 1970, UTC) fixes the creation time that libxlsxwriter would otherwise take
    /// from the clock, so the same return gives the same bytes.
    func setProperties(title: String, subject: String, company: String, comments: String, createdSeconds: Int)
        throws(SpreadsheetError)
    {
        var properties = lxw_doc_properties()
        properties.title = own(title)
        properties.subject = own(subject)
        properties.author = own(company)
        properties.company = own(company)
        properties.comments = own(comments)
        properties.created = time_t(createdSeconds)
        try check(workbook_set_properties(try workbook(), &properties), "the document properties")
    }

    private func own(_ text: String) -> UnsafeMutablePointer<CChar>? {
        guard let copy = strdup(text) else { return nil }
        ownedStrings.append(copy)
        return copy
    }

    /// Adds a sheet. Names are fixed by the writer, but libxlsxwriter's own check runs first all the same.
    func addSheet(_ name: String) throws(SpreadsheetError) -> Sheet {
        let workbook = try workbook()
        try check(workbook_validate_sheet_name(workbook, name), "the sheet name '\(name)'")
        guard let sheet = workbook_add_worksheet(workbook, name) else { throw .cannotCreate(what: "sheet '\(name)'") }
        return Sheet(pointer: sheet, name: name)
    }

    /// Adds a cell format: bold, and/or a number format such as `£#,##0.00`.
    func addFormat(bold: Bool = false, numberFormat: String? = nil) throws(SpreadsheetError)
        -> UnsafeMutablePointer<lxw_format>
    {
        guard let format = workbook_add_format(try workbook()) else { throw .cannotCreate(what: "cell format") }
        if bold { format_set_bold(format) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        return format
    }

    /// Writes the file (libxlsxwriter frees the workbook whatever happens) and checks it; the caller puts it in place.
    func save() throws(SpreadsheetError) {
        let workbook = try workbook()
        handle = nil
        let (status, printed) = LibraryMessages.capture { workbook_close(workbook) }
        guard status == LXW_NO_ERROR else {
            output.abandon()
            throw .cannotSave(path: output.path, reason: printed.systemError ?? Self.message(status))
        }
        // libxlsxwriter does not check its writes to its temporary files: read the workbook back before it is put in place.
        if let problem = WorkbookCheck.problem(inFile: output.writingPath) {
            output.abandon()
            throw .cannotSave(path: output.path, reason: "the workbook came out incomplete (\(problem)); is the disk full?")
        }
    }

    /// Throws unless libxlsxwriter reported success.
    func check(_ status: lxw_error, _ what: @autoclosure () -> String) throws(SpreadsheetError) {
        guard status == LXW_NO_ERROR else { throw .cannotWrite(what: what(), reason: Self.message(status)) }
    }

    static func message(_ status: lxw_error) -> String {
        guard let text = lxw_strerror(status) else { return "libxlsxwriter error \(status.rawValue)" }
        return String(cString: text)
    }
}
