import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// Everything a reader of the ledger can see: what a refused batch must leave exactly as it was.
struct LedgerSnapshot: Equatable {
    let status: StatusReport
    let history: [HistoryEntry]
    let counts: [EntryKind: Int]

    init(_ ledger: Ledger) throws {
        status = try ledger.status()
        history = try ledger.history()
        counts = try ledger.counts()
    }
}

/// Ledger files for the tests, each a whole file (`format:` line and one section) holding one entry.
enum Entry {
    static func file(_ section: String, _ fields: [(String, String?)]) -> String {
        let lines = fields.compactMap { key, value in value.map { "\(key): \($0)" } }
        var text = "format: grants-ledger/1\n\(section):\n"
        for (index, line) in lines.enumerated() {
            text += (index == 0 ? "  - " : "    ") + line + "\n"
        }
        return text
    }

    static func organisation(id: String, name: String, kind: String, members: [String] = []) -> String {
        file("organisations", [
            ("id", id), ("name", name), ("kind", kind),
            ("members", members.isEmpty ? nil : "[" + members.joined(separator: ", ") + "]"),
        ])
    }

    static func fund(
        id: String, scheme: String, amount: String, year: String = "2017/18", funder: String = "360G-Test-OPCC"
    ) -> String {
        file("funds", [
            ("id", id), ("name", "Fund \(id)"), ("scheme", scheme), ("financial_year", "\"\(year)\""),
            ("amount", "\"\(amount)\""), ("funder", funder),
        ])
    }

    static func allocation(
        id: String, amount: String, fund: String = "CSP-2017-18", csp: String = "360G-Test-CSP-SR"
    ) -> String {
        file("allocations", [
            ("id", id), ("fund", fund), ("csp", csp), ("amount", "\"\(amount)\""), ("decision", "\"2017/12\""),
            ("date", "2017-04-20"),
        ])
    }

    static func bid(
        id: String, fund: String = "CAF-2017-18", applicant: String = "360G-Test-ORG-0001", requested: String = "400.00"
    ) -> String {
        file("bids", [
            ("id", id), ("fund", fund), ("applicant", applicant), ("title", "Boxing sessions"),
            ("requested", "\"\(requested)\""), ("submitted", "2017-05-01"),
        ])
    }

    /// An award; `allocation: nil` makes a direct award (as on a Community Action Fund).
    static func award(
        id: String, amount: String, fund: String = "CSP-2017-18", allocation: String? = "ALLOC-SR",
        recipient: String = "GB-LAE-SRI", bid: String? = nil, awardDate: String = "2017-07-03"
    ) -> String {
        file("awards", [
            ("id", id), ("bid", bid), ("fund", fund), ("allocation", allocation), ("recipient", recipient),
            ("title", "Youth diversionary project"), ("amount", "\"\(amount)\""), ("decision", "\"2017/81\""),
            ("award_date", awardDate), ("planned_start", "2017-07-10"), ("planned_end", "2018-03-31"),
            ("priorities", "[anti-social-behaviour]"),
        ])
    }

    /// A direct award on the Community Action Fund.
    static func cafAward(id: String, amount: String, recipient: String = "360G-Test-ORG-0001") -> String {
        award(id: id, amount: amount, fund: "CAF-2017-18", allocation: nil, recipient: recipient)
    }

    static func payment(id: String, award: String, amount: String, date: String = "2017-10-16") -> String {
        file("payments", [("id", id), ("award", award), ("amount", "\"\(amount)\""), ("date", date)])
    }

    static func underspend(id: String, award: String, amount: String, date: String = "2018-04-20") -> String {
        file("underspend_returns", [
            ("id", id), ("award", award), ("amount", "\"\(amount)\""), ("date", date), ("reason", "project ended early"),
        ])
    }

    static func contribution(
        id: String, years: [(String, String)], contributor: String = "GB-LAE-SRI", recipient: String = "360G-Test-OPCC"
    ) -> String {
        var text = file("contributions", [
            ("id", id), ("contributor", contributor), ("recipient", recipient), ("service", "IDVA"),
            ("committed", "2017-03-01"), ("reason", "partnership agreement"),
        ])
        text += "    years:\n"
        for (year, amount) in years {
            text += "      \"\(year)\": \"\(amount)\"\n"
        }
        return text
    }

    static func withdrawal(id: String, contribution: String, effective: String) -> String {
        file("contribution_withdrawals", [
            ("id", id), ("contribution", contribution), ("effective", effective), ("reason", "council budget cut"),
        ])
    }
}

/// Parses each text as its own file (`entry-1.yaml`, …) and joins them, in order, into one batch.
func batch(_ texts: [String], prefix: String = "entry") throws -> LedgerBatch {
    var result = LedgerBatch()
    for (index, text) in texts.enumerated() {
        result.append(contentsOf: try LedgerFile.parse(text, file: "\(prefix)-\(index + 1).yaml"))
    }
    return result
}

func batch(_ texts: String...) throws -> LedgerBatch { try batch(texts) }

/// Records the texts as one batch; they must be accepted.
@discardableResult
func record(_ ledger: Ledger, _ texts: String..., change: Change = Fixtures.change()) throws -> RecordOutcome {
    try ledger.record(try batch(texts), as: change)
}

/// Valid new entries (an organisation and a fund) put in front of a batch that should be refused, so the test
/// also shows that entries earlier in a refused batch are not written either.
func validLead() throws -> LedgerBatch {
    try batch(
        [
            Entry.organisation(id: "360G-Test-ORG-LEAD", name: "Lead entry group", kind: "community-group"),
            Entry.fund(id: "CAF-LEAD", scheme: "community-action-fund", amount: "500.00"),
        ], prefix: "lead")
}

/// Records `batch`, which must be refused with `code` and a message naming each fragment, and checks that status,
/// history and counts are exactly as before.
@discardableResult
func expectRefused(
    _ batch: LedgerBatch, by ledger: Ledger, code: LedgerError.Code, mentioning fragments: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> LedgerError {
    let before = try LedgerSnapshot(ledger)
    let error = try #require(throws: LedgerError.self, sourceLocation: sourceLocation) {
        try ledger.record(batch, as: Fixtures.change("should be refused"))
    }
    #expect(error.code == code, "refused with \(error.code), not \(code): \(error)", sourceLocation: sourceLocation)
    #expect(error.isDataError == (code != .database), sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(
            error.message.contains(fragment), "the message \"\(error.message)\" should name \(fragment)",
            sourceLocation: sourceLocation)
    }
    let after = try LedgerSnapshot(ledger)
    #expect(after.counts == before.counts, "a refused batch must add nothing", sourceLocation: sourceLocation)
    #expect(after.history == before.history, "a refused batch must add no history", sourceLocation: sourceLocation)
    #expect(after.status == before.status, "a refused batch must not move any figure", sourceLocation: sourceLocation)
    return error
}

/// The 1-based line of the `occurrence`-th line of `text` containing `needle`.
func line(of needle: String, occurrence: Int = 1, in text: String) -> Int? {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.contains(needle) {
        seen += 1
        if seen == occurrence { return index + 1 }
    }
    return nil
}

func money(_ text: String) throws -> Money { try Money(parsing: text) }
func year(_ label: String) throws -> FinancialYear { try FinancialYear(parsing: label) }
func day(_ text: String) throws -> Day { try Day(parsing: text) }
func org(_ text: String) throws -> OrganisationID { try OrganisationID(parsing: text) }

/// A batch the ledger must refuse: what is recorded first, what is then refused, and how.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files recorded (and accepted) on top of `Fixtures.base` first.
    var setup: [String] = []
    /// Files making up the refused batch.
    let refused: [String]
    let code: LedgerError.Code
    /// The field the error must name.
    var field: String? = nil
    /// Text the message must contain: the figures and ids at fault.
    var mentions: [String] = []

    var testDescription: String { name }

    /// Runs the case on a fresh ledger holding `Fixtures.base`, with valid new entries ahead of the refused ones.
    @discardableResult
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws -> LedgerError {
        let ledger = try Fixtures.ledger()
        if !setup.isEmpty {
            try ledger.record(try batch(setup, prefix: "setup"), as: Fixtures.change("setup"))
        }
        var refusedBatch = try validLead()
        refusedBatch.append(contentsOf: try batch(refused, prefix: "refused"))
        let error = try expectRefused(
            refusedBatch, by: ledger, code: code, mentioning: mentions, sourceLocation: sourceLocation)
        if let field {
            #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
        }
        #expect(error.origin?.file.hasPrefix("refused-") == true, "\(error)", sourceLocation: sourceLocation)
        return error
    }
}
