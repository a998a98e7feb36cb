import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing

/// Entries must name what exists, of the right kind, in the right fund, at a sensible date.
@Suite struct ReferenceTests {
    static let unknownReferences: [RefusalCase] = [
        RefusalCase(
            name: "an allocation from an unknown fund",
            refused: [Entry.allocation(id: "ALLOC-2", amount: "10.00", fund: "CSP-NOPE")],
            code: .unknownReference, field: "fund", mentions: ["fund CSP-NOPE"]),
        RefusalCase(
            name: "an allocation to an unknown partnership",
            refused: [Entry.allocation(id: "ALLOC-2", amount: "10.00", csp: "360G-Test-CSP-NOPE")],
            code: .unknownReference, field: "csp", mentions: ["360G-Test-CSP-NOPE"]),
        RefusalCase(
            name: "an award from an unknown fund",
            refused: [Entry.award(id: "AW-1", amount: "10.00", fund: "CSP-NOPE")],
            code: .unknownReference, field: "fund", mentions: ["fund CSP-NOPE"]),
        RefusalCase(
            name: "an award drawing on an unknown allocation",
            refused: [Entry.award(id: "AW-1", amount: "10.00", allocation: "ALLOC-NOPE")],
            code: .unknownReference, field: "allocation", mentions: ["allocation ALLOC-NOPE"]),
        RefusalCase(
            name: "an award to an unknown organisation",
            refused: [Entry.award(id: "AW-1", amount: "10.00", recipient: "360G-Test-ORG-NOPE")],
            code: .unknownReference, field: "recipient", mentions: ["organisation 360G-Test-ORG-NOPE"]),
        RefusalCase(
            name: "an award for an unknown bid",
            refused: [Entry.award(id: "CAF-AW-1", amount: "10.00", fund: "CAF-2017-18", allocation: nil, bid: "BID-NOPE")],
            code: .unknownReference, field: "bid", mentions: ["bid BID-NOPE"]),
        RefusalCase(
            name: "a bid from an unknown applicant",
            refused: [Entry.bid(id: "BID-1", applicant: "360G-Test-ORG-NOPE")],
            code: .unknownReference, field: "applicant", mentions: ["360G-Test-ORG-NOPE"]),
        RefusalCase(
            name: "a bid to an unknown fund",
            refused: [Entry.bid(id: "BID-1", fund: "CAF-NOPE")],
            code: .unknownReference, field: "fund", mentions: ["CAF-NOPE"]),
        RefusalCase(
            name: "a payment on an unknown award",
            refused: [Entry.payment(id: "P-1", award: "AW-NOPE", amount: "10.00")],
            code: .unknownReference, field: "award", mentions: ["award AW-NOPE"]),
        RefusalCase(
            name: "an underspend return on an unknown award",
            refused: [Entry.underspend(id: "R-1", award: "AW-NOPE", amount: "10.00")],
            code: .unknownReference, field: "award", mentions: ["award AW-NOPE"]),
        RefusalCase(
            name: "a fund from an unknown funder",
            refused: [Entry.fund(id: "CAF-X", scheme: "community-action-fund", amount: "10.00", funder: "360G-Test-NOPE")],
            code: .unknownReference, field: "funder", mentions: ["360G-Test-NOPE"]),
        RefusalCase(
            name: "a partnership with an unknown member",
            refused: [
                Entry.organisation(
                    id: "360G-Test-CSP-X", name: "X CSP", kind: "csp", members: ["GB-LAE-SRI", "GB-LAE-NOPE"])
            ],
            code: .unknownReference, field: "members", mentions: ["GB-LAE-NOPE"]),
        RefusalCase(
            name: "a contribution from an unknown contributor",
            refused: [Entry.contribution(id: "C-1", years: [("2017/18", "10.00")], contributor: "GB-LAE-NOPE")],
            code: .unknownReference, field: "contributor", mentions: ["GB-LAE-NOPE"]),
        RefusalCase(
            name: "a contribution to an unknown recipient",
            refused: [Entry.contribution(id: "C-1", years: [("2017/18", "10.00")], recipient: "360G-Test-NOPE")],
            code: .unknownReference, field: "recipient", mentions: ["360G-Test-NOPE"]),
        RefusalCase(
            name: "a withdrawal of an unknown contribution",
            refused: [Entry.withdrawal(id: "W-1", contribution: "C-NOPE", effective: "2018-04-01")],
            code: .unknownReference, field: "contribution", mentions: ["contribution C-NOPE"]),
    ]

    @Test(arguments: unknownReferences)
    func unknownReferenceIsRefused(_ refusal: RefusalCase) throws {
        try refusal.check()
    }

    static let invalidEntries: [RefusalCase] = [
        RefusalCase(
            name: "an award on a CSP grant fund without an allocation",
            refused: [Entry.award(id: "AW-1", amount: "100.00", allocation: nil)],
            code: .invalidEntry, field: "allocation", mentions: ["CSP-2017-18", "allocation"]),
        RefusalCase(
            name: "an award drawing on an allocation from another fund",
            setup: [
                Entry.fund(id: "CSP-2018-19", scheme: "csp-grant", amount: "8000.00", year: "2018/19"),
                Entry.allocation(id: "ALLOC-SR-18", amount: "3000.00", fund: "CSP-2018-19"),
            ],
            refused: [Entry.award(id: "AW-1", amount: "100.00", allocation: "ALLOC-SR-18")],
            code: .invalidEntry, field: "allocation", mentions: ["ALLOC-SR-18", "CSP-2018-19", "CSP-2017-18"]),
        RefusalCase(
            name: "an allocation on a community action fund",
            refused: [Entry.allocation(id: "ALLOC-CAF", amount: "100.00", fund: "CAF-2017-18")],
            code: .invalidEntry, field: "fund", mentions: ["CAF-2017-18", "community-action-fund"]),
        RefusalCase(
            name: "a direct award naming an allocation",
            refused: [Entry.award(id: "CAF-AW-1", amount: "100.00", fund: "CAF-2017-18", allocation: "ALLOC-SR")],
            code: .invalidEntry, field: "allocation", mentions: ["CAF-2017-18"]),
        RefusalCase(
            name: "a partnership with a community group as a member",
            refused: [
                Entry.organisation(
                    id: "360G-Test-CSP-X", name: "X CSP", kind: "csp", members: ["GB-LAE-SRI", "360G-Test-ORG-0001"])
            ],
            code: .invalidEntry, field: "members", mentions: ["360G-Test-ORG-0001", "community group"]),
        RefusalCase(
            name: "members on an organisation that is not a partnership",
            refused: [
                Entry.organisation(id: "360G-Test-ORG-X", name: "X group", kind: "community-group", members: ["GB-LAE-SRI"])
            ],
            code: .invalidEntry, field: "members", mentions: ["360G-Test-ORG-X"]),
        RefusalCase(
            name: "an allocation to an organisation that is not a partnership",
            refused: [Entry.allocation(id: "ALLOC-2", amount: "100.00", csp: "360G-Test-ORG-0001")],
            code: .invalidEntry, field: "csp", mentions: ["360G-Test-ORG-0001", "not a community safety partnership"]),
        RefusalCase(
            name: "an award for a bid made to another fund",
            setup: [Entry.bid(id: "BID-1", fund: "CAF-2017-18")],
            refused: [Entry.award(id: "AW-1", amount: "100.00", bid: "BID-1")],
            code: .invalidEntry, field: "bid", mentions: ["BID-1", "CAF-2017-18", "CSP-2017-18"]),
        RefusalCase(
            name: "a payment dated before its award",
            setup: [Entry.award(id: "AW-1", amount: "3000.00")],
            refused: [Entry.payment(id: "P-1", award: "AW-1", amount: "100.00", date: "2017-07-02")],
            code: .invalidEntry, field: "date", mentions: ["2017-07-02", "AW-1", "2017-07-03"]),
        RefusalCase(
            name: "a payment dated before an award made in the same batch",
            refused: [
                Entry.award(id: "AW-1", amount: "3000.00"),
                Entry.payment(id: "P-1", award: "AW-1", amount: "100.00", date: "2017-01-01"),
            ],
            code: .invalidEntry, field: "date", mentions: ["2017-01-01", "2017-07-03"]),
        RefusalCase(
            name: "an underspend return dated before its award",
            setup: [Entry.award(id: "AW-1", amount: "3000.00"), Entry.payment(id: "P-1", award: "AW-1", amount: "100.00")],
            refused: [Entry.underspend(id: "R-1", award: "AW-1", amount: "50.00", date: "2017-06-30")],
            code: .invalidEntry, field: "date", mentions: ["2017-06-30", "2017-07-03"]),
        RefusalCase(
            name: "a second withdrawal of the same contribution",
            setup: [
                Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00")]),
                Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"),
            ],
            refused: [Entry.withdrawal(id: "W-2", contribution: "C-1", effective: "2019-04-01")],
            code: .invalidEntry, field: "contribution", mentions: ["C-1", "W-1", "2018-04-01"]),
        RefusalCase(
            name: "two withdrawals of the same contribution in one batch",
            setup: [Entry.contribution(id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00")])],
            refused: [
                Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"),
                Entry.withdrawal(id: "W-2", contribution: "C-1", effective: "2019-04-01"),
            ],
            code: .invalidEntry, field: "contribution", mentions: ["C-1", "W-1"]),
    ]

    @Test(arguments: invalidEntries)
    func invalidEntryIsRefused(_ refusal: RefusalCase) throws {
        try refusal.check()
    }

    /// The file format cannot say this, but a batch built in code can: the ledger checks it too.
    @Test func awardPlannedToEndBeforeItStartsIsRefused() throws {
        let ledger = try Fixtures.ledger()
        let award = Award(
            id: "AW-1", fund: "CSP-2017-18", allocation: "ALLOC-SR", recipient: try org("GB-LAE-SRI"),
            title: "Backwards", amount: try money("100.00"), decision: "2017/81", awardDate: try day("2017-07-03"),
            plannedStart: try day("2018-01-01"), plannedEnd: try day("2017-12-31"),
            priorities: [try Priority(parsing: "anti-social-behaviour")])
        var entries = LedgerBatch()
        entries.awards = [Sourced(award)]
        let error = try expectRefused(entries, by: ledger, code: .invalidEntry, mentioning: ["2018-01-01", "2017-12-31"])
        #expect(error.field == "planned_start")
        #expect(error.entryID == "AW-1")
        #expect(error.origin == nil)
    }

    /// A member named later in the same batch than the partnership is found: members go in once all organisations are.
    @Test func partnershipMayNameAMemberRecordedLaterInTheBatch() throws {
        let ledger = try Fixtures.ledger()
        try record(
            ledger,
            Entry.organisation(id: "360G-Test-CSP-PR", name: "Preston CSP", kind: "csp", members: ["GB-LAE-PRE"]),
            Entry.organisation(id: "GB-LAE-PRE", name: "Preston City Council", kind: "local-authority"))
        #expect(try ledger.counts()[.organisation] == 7)
    }
}
