import GrantsCore

extension ReturnConsistency {
    /// A CSP total or a fund total, against the award lines read before it.
    ///
    /// Flags: a total for a fund or CSP outside the return's scope; and each of `awards`, `awarded`, `released`,
    /// `committed`, `paidInPeriod`, `paidToDate`, `outstanding` and `returned` that is not the count or the sum of the
    /// award lines of its fund (or of its CSP within its fund). A total with no lines must be all zeros.
    mutating func checkTotal(_ total: ReturnRecord) {
        guard let fund = total[.fund] else { return }
        if let scopeFund, fund.text != scopeFund {
            report(.fund, at: fund, "the total's fund \(fund.text) is outside the return's scope; expected "
                + scopeFund)
        }
        let sums: LineSums
        let whose: String
        if total.kind == .cspTotal {
            guard let csp = total[.csp] else { return }
            if let scopeCSP, csp.text != scopeCSP {
                report(.csp, at: csp, "the total's CSP \(csp.text) is outside the return's scope; expected "
                    + scopeCSP)
            }
            sums = cspSums[CSPInFund(csp: csp.text, fund: fund.text)] ?? LineSums()
            whose = "the total of CSP \(csp.text) in fund \(fund.text)"
        } else {
            sums = fundSums[fund.text] ?? LineSums()
            whose = "the total of fund \(fund.text)"
        }
        if let awards = total[.awards], Int(awards.text) != sums.count {
            report(.awards, at: awards, "\(whose) counts \(awards.text) award lines, but the return has "
                + "\(sums.count); expected \(sums.count)")
        }
        for (field, sum) in zip(ReturnField.amounts, sums.sums) {
            guard let written = money(total, field), written.amount != sum else { continue }
            guard let sum else {
                report(field, at: written.value, "\(whose) is \(written.amount.plain), but its award lines add up to "
                    + "more than a 64-bit count of pence holds; expected award lines whose sum fits")
                continue
            }
            report(field, at: written.value, "\(whose) is \(written.amount.plain), but its award lines add up to "
                + "\(sum.plain); expected \(sum.plain)")
        }
    }
}
