import GrantsCore

/// What an entry carries that can be checked on its own, before anything is looked up: its id and decision
/// references (`Identifier`), its free text (`FreeText`, one line each), its register numbers and area codes
/// (`RegisterCode`) and its amounts (`Money.ledgerCeiling`).
///
/// `BatchWriter` checks the shape of every entry of a batch before it records any of them, whichever front end
/// built the batch (the importer, the command line, the web app): the ledger itself refuses a malformed entry.
struct EntryShape {
    /// One value of an entry and the rule it must meet.
    enum Value {
        /// An id or a decision reference: `Identifier`.
        case identifier(String)
        /// Free text a person wrote, on one line (absent is fine): `FreeText`.
        case text(String?)
        /// An amount of money, at most `Money.ledgerCeiling` either way.
        case amount(Money)
        /// A charity or company number or an area code (absent is fine): free text on one line, of the shape a
        /// return's schema requires (`RegisterCode`).
        case code(String?, RegisterCode)
    }

    /// The values, by the field name the ledger file and the history give them.
    let values: [(field: String, value: Value)]

    init(_ values: [(String, Value)]) {
        self.values = values.map { (field: $0.0, value: $0.1) }
    }

    /// The first value that breaks its rule: its field and why.
    var problem: (field: String, message: String)? {
        for (field, value) in values {
            if let message = Self.problem(value) { return (field, message) }
        }
        return nil
    }

    // Every text field is one line: the history keeps an entry as one line of `name=value` pairs, and the status,
    // the history and the returns print each field in one line or cell. A reason that needs paragraphs belongs in
    // the decision it refers to.
    private static func problem(_ value: Value) -> String? {
        switch value {
        case .identifier(let text): Identifier.problem(text)
        case .text(let text): text.flatMap { FreeText.problem($0, multiline: false) }
        case .code(let text, let kind): text.flatMap { FreeText.problem($0, multiline: false) ?? kind.problem($0) }
        case .amount(let amount):
            amount.isWithinLedgerCeiling
                ? nil
                : "\(amount.formatted) is more than the \(Money.ledgerCeiling.formatted) the ledger accepts as one "
                    + "amount; check the figure"
        }
    }
}

extension BatchWriter {
    /// Refuses the first entry of the batch whose shape is wrong, before any entry is recorded. An entry stored
    /// exactly as given is left alone even so: it was accepted under the rules of its day, and recording it again
    /// adds nothing.
    func requireShapes(_ batch: LedgerBatch) throws {
        // Who and why are kept in the history beside every entry: free text on one line too.
        for (field, text) in [("actor", change.actor), ("reason", change.reason)] {
            if let problem = FreeText.problem(text, multiline: false) {
                throw LedgerError(.invalidEntry, "the \(field) of the change, kept in the history, \(problem)", field: field)
            }
        }
        for kind in EntryKind.allCases {
            try kind.requireStored().requireShapes(batch, by: self)
        }
    }

    func requireShape<E: StoredEntry>(_ entry: Sourced<E>) throws {
        guard let problem = entry.value.shape.problem else { return }
        let id = entry.value.entryID
        if try isStoredAsGiven(entry) { return }
        throw LedgerError(.invalidEntry, problem.message, origin: entry.origin, field: problem.field, entryID: id)
    }
}

extension StoredEntry {
    /// Each entry of this kind in the batch, in order.
    static func requireShapes(_ batch: LedgerBatch, by writer: BatchWriter) throws {
        for entry in batch[keyPath: batchEntries] {
            try writer.requireShape(entry)
        }
    }
}
