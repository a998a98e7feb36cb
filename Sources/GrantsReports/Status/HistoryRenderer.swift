import GrantsCore

/// Writes the ledger's history for people (text) or programs (JSON).
public enum HistoryRenderer {
    public static func text(_ lines: [HistoryEntry]) -> String {
        if lines.isEmpty { return "The history is empty.\n" }
        var out = ""
        // Every text a person typed is shown inert: a reason cannot print a line that looks like another entry.
        let safe = TerminalText.inert
        for line in lines {
            let source = line.source.map { " from \(safe($0))" } ?? ""
            out += "#\(line.sequence) \(safe(line.at)) \(safe(line.actor)): \(line.action) \(line.kind) "
                + "\(safe(line.entryID))\(source)\n"
            out += "    why: \(safe(line.reason))\n"
            out += "    \(safe(line.detail))\n"
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
