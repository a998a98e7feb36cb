import GrantsCore
import GrantsImport
import Testing

/// Every kind of entry has a section in ledger files, in the order entries are recorded.
@Suite struct SectionTests {
    @Test func everyKindHasItsSectionInRecordingOrder() {
        #expect(LedgerFile.sections == [
            "organisations", "funds", "allocations", "allocation_changes", "bids", "awards", "claims", "payments",
            "award_closures", "award_withdrawals", "underspend_returns", "contributions", "contribution_withdrawals",
            "contribution_receipts", "year_closures",
        ])
        #expect(LedgerFile.sections.count == EntryKind.allCases.count)
    }
}
