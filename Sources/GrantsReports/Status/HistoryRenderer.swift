import GrantsCore

/// Writes the ledger's history for people (text) or programs (JSON).
public enum HistoryRenderer {
    public static func text(_ lines: [HistoryEntry]) -> String {
        if lines.isEmpty { return "The history is empty.\n" }
        var out = ""
        for line in lines {
            let source = line.source.map { " from \($0)" } ?? ""
            out += "#\(line.sequence) \(line.at) \(line.actor): \(line.action) \(line.kind) \(line.entryID)\(source)\n"
            out += "    why: \(line.reason)\n"
            out += "    \(line.detail)\n"
        }
        return out
    }

    public static func json(_ lines: [HistoryEntry]) -> JSONValue {
        .object([
            ("format", .string("grants-history/1")),
            ("history", .array(lines.map { line in
                .object([
                    ("seq", .int(line.sequence)), ("at", .string(line.at)), ("actor", .string(line.actor)),
                    ("action", .string(line.action)), ("kind", .string(line.kind)), ("id", .string(line.entryID)),
                    ("reason", .string(line.reason)), ("source", line.source.map { .string($0) } ?? .null),
                    ("detail", .string(line.detail)),
                ])
            })),
        ])
    }
}
