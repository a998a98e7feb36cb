import GrantsCore

extension ReturnConsistency {
    /// One year of a partner's contribution.
    ///
    /// Flags: a financial year whose second year does not follow the first; and an `outstanding` that is not
    /// expected less received, never below zero.
    mutating func checkContribution(_ contribution: ReturnRecord) {
        _ = financialYear(contribution, .financialYear)
        guard let expected = money(contribution, .expected), let received = money(contribution, .received),
              let written = money(contribution, .outstanding),
              let difference = try? expected.amount.subtracting(received.amount)
        else { return }
        let outstanding = Money(pence: max(0, difference.pence))
        guard written.amount != outstanding else { return }
        report(.outstanding, at: written.value, "\(written.amount.plain) is not expected less received, never below "
            + "zero (\(expected.amount.plain) - \(received.amount.plain)); expected \(outstanding.plain)")
    }
}
