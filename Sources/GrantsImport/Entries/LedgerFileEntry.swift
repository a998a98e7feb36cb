import GrantsCore

/// A kind of entry a ledger file holds: the section that lists it, and how one record of it is read.
///
/// Each kind conforms in its own file here (`Award+Parsing.swift`); `LedgerFile` reads the sections in the order of
/// `EntryKind.allCases`.
protocol LedgerFileEntry: LedgerEntry {
    /// The section of a ledger file that lists entries of this kind, such as `awards`.
    static var section: String { get }
    /// Reads one record from its fields, refusing it with the file, line and field of what is wrong.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Self
}

extension EntryKind {
    /// How a ledger file holds entries of this kind, or `nil` if this version cannot read them.
    var fileEntry: (any LedgerFileEntry.Type)? { entryType as? any LedgerFileEntry.Type }
}
