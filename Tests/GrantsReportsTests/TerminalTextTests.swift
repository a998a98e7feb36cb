import GrantsCore
import GrantsReports
import Testing

/// Text from the ledger cannot forge terminal output.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("plain £ text é", "plain £ text é"),
        ("reason\n#99 2026-01-01T00:00:00Z admin: record award FAKE", "reason\\n#99 2026-01-01T00:00:00Z admin: record award FAKE"),
        ("clear\u{1B}[2J", "clear\\u{1B}[2J"),
        ("tab\tcr\r", "tab\\tcr\\r"),
        ("nul\u{0}del\u{7F}c1\u{9B}", "nul\\u{0}del\\u{7F}c1\\u{9B}"),
        ("bidi\u{202E}txet", "bidi\\u{202E}txet"),
    ])
    func controlCharactersAreShownAsEscapes(text: String, shown: String) {
        #expect(TerminalText.inert(text) == shown)
    }

    @Test func aForgedHistoryLineStaysOnItsOwnLine() throws {
        let entry = HistoryEntry(
            sequence: 1, at: "2018-04-30T09:00:00Z", actor: "officer\u{1B}[31m", action: "record", kind: "award",
            entryID: "AWD-1", reason: "ok\n#2 2018-04-30T09:00:00Z admin: record award AWD-2", source: nil,
            detail: "amount=1.00")
        let text = HistoryRenderer.text([entry])
        #expect(text.split(separator: "\n").count == 3)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func tableCellsAreInert() {
        var table = TextTable([("Name", .left)])
        table.add(["a\nb"])
        #expect(table.rendered() == "Name\n----\na\\nb\n")
    }
}
