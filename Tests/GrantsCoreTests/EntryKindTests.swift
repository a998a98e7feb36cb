import Testing

@testable import GrantsCore

/// `EntryKind` is the one list of kinds: each names its type, and each type its own place in a batch.
@Suite struct EntryKindTests {
    @Test(arguments: EntryKind.allCases)
    func eachKindsTypeNamesItBack(_ kind: EntryKind) {
        #expect(kind.entryType.kind == kind)
    }

    @Test func eachKindHasAPlaceOfItsOwnInABatch() {
        let places = Set(EntryKind.allCases.map { kind -> AnyKeyPath in place(of: kind.entryType) })
        #expect(places.count == EntryKind.allCases.count)
    }

    @Test func countAndAppendCoverEveryKind() throws {
        var batch = LedgerBatch()
        let day = try Day(parsing: "2018-05-31")
        batch.yearClosures = [Sourced(YearClosure(year: try FinancialYear(parsing: "2017/18"), date: day))]
        batch.withdrawals = [Sourced(ContributionWithdrawal(id: "W-1", schedule: "C-1", effective: day, reason: "cut"))]
        var joined = LedgerBatch()
        joined.append(contentsOf: batch)
        joined.append(contentsOf: batch)
        #expect(batch.count == 2)
        #expect(joined.count == 4)
        #expect(joined.entries(of: YearClosure.self).count == 2)
        #expect(joined.withdrawals == batch.withdrawals + batch.withdrawals)
    }

    private func place<Entry: LedgerEntry>(of type: Entry.Type) -> AnyKeyPath { Entry.batchEntries }
}
