import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport
import Testing

/// The history: one line per entry added, saying who, when, why and from where, oldest first.
@Suite struct HistoryTests {
    @Test func oneLinePerEntryOfTheBase() throws {
        let history = try Fixtures.ledger().history()
        #expect(history.count == 8)
        #expect(history.map(\.kind) == Array(repeating: "organisation", count: 5) + ["fund", "fund", "allocation"])
        #expect(history.map(\.entryID) == [
            "360G-Test-OPCC", "GB-LAE-SRI", "360G-Test-POLICE", "360G-Test-CSP-SR", "360G-Test-ORG-0001",
            "CSP-2017-18", "CAF-2017-18", "ALLOC-SR",
        ])
        #expect(history.allSatisfy {
            $0.actor == "tester" && $0.at == "2018-04-30T09:00:00Z" && $0.reason == "test" && $0.action == "record"
        })
        #expect(history.map(\.sequence) == history.map(\.sequence).sorted())
        #expect(Set(history.map(\.sequence)).count == 8)
    }

    @Test func sourceAndDetailOfAnEntryReadFromAFile() throws {
        let history = try Fixtures.ledger().history()
        let allocation = try #require(history.last)
        let allocationLine = try #require(line(of: "id: ALLOC-SR", in: Fixtures.base))
        #expect(allocation.source == "base.yaml:\(allocationLine)")
        #expect(allocation.detail
            == "id=ALLOC-SR; fund=CSP-2017-18; csp=360G-Test-CSP-SR; amount=5000.00; decision=2017/12; date=2017-04-20")
        let first = try #require(history.first)
        #expect(first.source == "base.yaml:3")
        let csp = history[3]
        #expect(csp.detail.contains("members=GB-LAE-SRI,360G-Test-POLICE"))
    }

    @Test func actorTimeAndReasonComeFromTheChange() throws {
        let ledger = try Fixtures.ledger()
        let change = Change(
            actor: "alice@opcc", at: try Timestamp(parsing: "2018-05-02T14:30:00Z"), reason: "decision 2017/81")
        var entries = LedgerBatch()
        entries.awards = [
            Sourced(Award(
                id: "AW-1", fund: "CSP-2017-18", allocation: "ALLOC-SR", recipient: try org("GB-LAE-SRI"),
                title: "Youth project", amount: try money("1000.00"), decision: "2017/81",
                awardDate: try day("2017-07-03"), plannedStart: try day("2017-07-10"), plannedEnd: try day("2018-03-31"),
                priorities: [try Priority(parsing: "anti-social-behaviour")]))
        ]
        try ledger.record(entries, as: change)
        let history = try ledger.history()
        #expect(history.count == 9)
        let line = try #require(history.last)
        #expect(line.actor == "alice@opcc")
        #expect(line.at == "2018-05-02T14:30:00Z")
        #expect(line.reason == "decision 2017/81")
        #expect(line.kind == "award")
        #expect(line.entryID == "AW-1")
        #expect(line.action == "record")
        #expect(line.source == nil, "an entry built in code has no file")
        #expect(line.detail == entries.awards[0].value.fields.summary)
        #expect(line.sequence > history[7].sequence)
    }

    @Test func oneLinePerEntryAddedAndNoneForUnchanged() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-1", amount: "1000.00"), change: Fixtures.change("first"))
        try record(
            ledger, Fixtures.award(id: "AW-1", amount: "1000.00"), Fixtures.payment(id: "P-1", award: "AW-1", amount: "10.00"),
            Fixtures.payment(id: "P-2", award: "AW-1", amount: "20.00"), change: Fixtures.change("second"))
        let history = try ledger.history()
        #expect(history.count == 11)
        #expect(history.suffix(3).map(\.entryID) == ["AW-1", "P-1", "P-2"])
        #expect(history.suffix(3).map(\.reason) == ["first", "second", "second"])
        #expect(history.suffix(2).map(\.kind) == ["payment", "payment"])
    }

    @Test func entryIDFilterKeepsOnlyThatEntry() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Fixtures.award(id: "AW-1", amount: "1000.00"))
        let lines = try ledger.history(entryID: "ALLOC-SR")
        #expect(lines.map(\.entryID) == ["ALLOC-SR"])
        #expect(lines.map(\.kind) == ["allocation"])
        #expect(try ledger.history(entryID: "AW-1").map(\.kind) == ["award"])
        #expect(try ledger.history(entryID: "NOPE").isEmpty)
    }

    @Test(arguments: [0, 1, 3, 8, 50])
    func limitKeepsTheNewestOldestFirst(limit: Int) throws {
        let ledger = try Fixtures.ledger()
        let all = try ledger.history()
        let limited = try ledger.history(limit: limit)
        #expect(limited == Array(all.suffix(limit)))
        #expect(limited.map(\.sequence) == limited.map(\.sequence).sorted())
    }

    @Test func entryIDAndLimitTogether() throws {
        let ledger = try Fixtures.ledger()
        try record(
            ledger, Fixtures.award(id: "X-1", amount: "100.00"), Fixtures.payment(id: "X-1", award: "X-1", amount: "50.00"),
            Entry.underspend(id: "X-1", award: "X-1", amount: "10.00"))
        #expect(try ledger.history(entryID: "X-1").map(\.kind) == ["award", "payment", "underspend-return"])
        #expect(try ledger.history(entryID: "X-1", limit: 2).map(\.kind) == ["payment", "underspend-return"])
    }

    @Test func aRefusedBatchWritesNoHistory() throws {
        let ledger = try Fixtures.ledger()
        var entries = try validLead()
        entries.append(contentsOf: try batch(Fixtures.award(id: "AW-1", amount: "9999.00")))
        try expectRefused(entries, by: ledger, code: .exceedsAllocation)
        #expect(try ledger.history().count == 8)
        #expect(try ledger.history(entryID: "360G-Test-ORG-LEAD").isEmpty)
    }
}
