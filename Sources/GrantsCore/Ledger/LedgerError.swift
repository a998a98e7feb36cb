/// Why the ledger refused a change or could not be read. Nothing is written when it is thrown.
public struct LedgerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, to match on.
    public enum Code: String, Sendable {
        /// An entry names an id that is neither stored nor in the same batch.
        case unknownReference
        /// The same id is given twice in one batch with different contents.
        case duplicateID
        /// An entry with this id is stored already with different contents.
        case conflict
        /// Allocations and direct awards would exceed the fund.
        case exceedsFund
        /// Awards would exceed the allocation they draw on.
        case exceedsAllocation
        /// Payments would exceed the award.
        case exceedsAward
        /// Underspend returned would exceed what was paid.
        case exceedsPaid
        /// The entry contradicts itself or its references (wrong kind of organisation, wrong fund, bad dates).
        case invalidEntry
        /// A sum would not fit in 64-bit pence.
        case overflow
        /// The database could not be opened, read or written.
        case database
        /// The database server could not be reached, or the connection to it was lost part way: nothing of the
        /// change in hand was kept unless its commit was answered, and the same request may work once it is back.
        case unavailable
    }

    /// What went wrong.
    public let code: Code
    /// What went wrong, in words, with what to do.
    public let message: String
    /// Where the offending entry came from, when it was read from a file.
    public let origin: Origin?
    /// The field at fault, when one is.
    public let field: String?
    /// The id of the offending entry, when there is one.
    public let entryID: String?

    /// A refusal with its code, message and, when known, where it came from, the field and the entry.
    package init(_ code: Code, _ message: String, origin: Origin? = nil, field: String? = nil, entryID: String? = nil) {
        self.code = code
        self.message = message
        self.origin = origin
        self.field = field
        self.entryID = entryID
    }

    /// Whether the fault is in the data (exit 65) rather than the database itself (exit 74).
    public var isDataError: Bool { code != .database && code != .unavailable }

    /// The message, after where it happened and the field at fault.
    public var description: String {
        var prefix = ""
        if let origin { prefix += origin.location(of: field) + ": " }
        if let field { prefix += field + ": " }
        return prefix + message
    }
}
