/// Turns the elements of a return, as a streaming reader meets them, into `ReturnRecord`s: one for the header, each
/// award line, each total and each contribution line, handed over as each one ends. Only the part being read is
/// held, so memory stays flat however many lines there are.
///
/// It trusts nothing about the document's shape: elements it does not expect are skipped, and whatever it makes of
/// a document that is not valid against the schema is never reported.
struct ReturnRecordReader {
    /// The elements open now, the root first: each one's name and the line it starts on.
    private var open: [(name: String, line: Int)] = []
    /// The part being read, and how many elements were open when it started (its own included).
    private var record: ReturnRecord?
    private var recordDepth = 0
    /// The text of the innermost open element.
    private var text = ""

    /// An element starts on `line`.
    mutating func start(_ name: String, line: Int) {
        open.append((name, line))
        text = ""
        guard record == nil, let kind = Self.kind(of: open) else { return }
        record = ReturnRecord(kind: kind, line: line)
        recordDepth = open.count
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
        let path = open[recordDepth...].lazy.map(\.name).joined(separator: "/")
        // Set in place: a copy of the record would copy its values for every element.
        record?.set(path, ReturnRecord.Value(text: text, line: element.line))
        return nil
    }

    /// The parts the checks read, by where they stand under the root.
    private static func kind(of path: [(name: String, line: Int)]) -> ReturnRecord.Kind? {
        guard path.first?.name == "return" else { return nil }
        switch path.count {
        case 2: return path[1].name == "header" ? .header : nil
        case 3:
            switch (path[1].name, path[2].name) {
            case ("awards", "award"): return .award
            case ("totals", "cspTotal"): return .cspTotal
            case ("totals", "fundTotal"): return .fundTotal
            case ("contributions", "contribution"): return .contribution
            default: return nil
            }
        default: return nil
        }
    }
}
