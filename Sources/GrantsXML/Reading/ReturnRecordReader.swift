/// Turns the elements of a return, as a streaming reader meets them, into `ReturnRecord`s: one for the header, each
/// award line, each total and each contribution line, handed over as each one ends. Only the part being read is
/// held, and of it only the values its readers use (`ReturnField`), so memory stays flat however many lines there are
/// and a title or a name is never copied.
///
/// It trusts nothing about the document's shape: elements it does not expect are skipped, and whatever it makes of
/// a document that is not valid against the schema is never reported.
struct ReturnRecordReader {
    /// An element open now: which, the line it starts on, and its field when it is in the part being read and a
    /// check reads it.
    private typealias Open = (element: ReturnElement, line: Int, field: ReturnField?)

    /// The elements open now, the root first.
    private var open: [Open] = []
    /// The part being read, and how many elements were open when it started (its own included).
    private var record: ReturnRecord?
    private var recordDepth = 0
    /// The text of the innermost open element, when it is one to keep.
    private var text = ""

    /// Whether the text of the innermost open element is kept: only then need it be read.
    var wantsText: Bool { open.last?.field != nil }

    /// An element starts on `line`.
    mutating func start(_ element: ReturnElement, line: Int) {
        text = ""
        guard let record else {
            open.append((element, line, nil))
            if let kind = Self.kind(of: open) {
                self.record = ReturnRecord(kind: kind, line: line)
                recordDepth = open.count
            }
            return
        }
        let depth = open.count + 1 - recordDepth
        let parent = open.last?.element ?? .other
        open.append((element, line, ReturnField.of(element, in: parent, depth: depth, below: record.kind)))
    }

    /// Text inside the innermost open element.
    mutating func characters(_ characters: String) {
        text += characters
    }

    /// The innermost open element ends; returns the part it completes, if any.
    mutating func end() -> ReturnRecord? {
        defer {
            _ = open.popLast()
            text = ""
        }
        guard record != nil, let element = open.last, open.count >= recordDepth else { return nil }
        if open.count == recordDepth {
            defer { record = nil }
            return record
        }
        // Set in place: a copy of the record would copy its values for every element.
        if let field = element.field { record?.set(field, ReturnRecord.Value(text: text, line: element.line)) }
        return nil
    }

    /// The parts the checks read, by where they stand under the root.
    private static func kind(of path: [Open]) -> ReturnRecord.Kind? {
        guard path.first?.element == .return else { return nil }
        switch path.count {
        case 2: return path[1].element == .header ? .header : nil
        case 3:
            switch (path[1].element, path[2].element) {
            case (.awards, .award): return .award
            case (.totals, .cspTotal): return .cspTotal
            case (.totals, .fundTotal): return .fundTotal
            case (.contributions, .contribution): return .contribution
            case (.payments, .payment): return .payment
            case (.claims, .claim): return .claim
            default: return nil
            }
        default: return nil
        }
    }
}
