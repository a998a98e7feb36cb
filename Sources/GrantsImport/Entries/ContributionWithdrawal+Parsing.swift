import GrantsCore

extension ContributionWithdrawal: LedgerFileEntry {
    /// `contribution_withdrawals:` lists decisions to stop a contribution from a day on.
    static var section: String { "contribution_withdrawals" }

    /// Reads one: id, contribution, effective day and reason.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> ContributionWithdrawal {
        ContributionWithdrawal(
            id: try r.identifier("id"), schedule: try r.identifier("contribution"), effective: try r.day("effective"),
            reason: try r.text("reason"))
    }
}
