import GrantsCore

extension ReturnConsistency {
    /// One award line: its scope, its days, and its figures, which it then adds to its fund's and CSP's sums.
    ///
    /// Flags: a fund or CSP outside the return's scope; an `awardDate` before the financial year or after the
    /// period's last day; a `plannedEnd` before the `plannedStart`; `released` more than `awarded`; `committed` that
    /// is not awarded less released; `paidToDate` more than is committed; `outstanding` that is not committed less
    /// paid to date; and `paidInPeriod` more than `paidToDate`.
    mutating func checkAward(_ award: ReturnRecord) {
        checkScope(award)
        checkDays(award)
        checkFigures(award)
        let amounts = ReturnField.amounts.map { money(award, $0)?.amount }
        guard let fund = award[.fundID]?.text else { return }
        fundSums[fund, default: LineSums()].add(amounts)
        if let csp = award[.cspID]?.text {
            cspSums[CSPInFund(csp: csp, fund: fund), default: LineSums()].add(amounts)
        }
    }

    private mutating func checkScope(_ award: ReturnRecord) {
        if let scopeFund, let fund = award[.fundID], fund.text != scopeFund {
            report(.fundID, at: fund, "the award's fund \(fund.text) is outside the return's scope; expected "
                + scopeFund)
        }
        guard let scopeCSP else { return }
        if let csp = award[.cspID] {
            if csp.text != scopeCSP {
                report(.cspID, at: csp, "the award's CSP \(csp.text) is outside the return's scope; expected "
                    + scopeCSP)
            }
        } else {
            report("award", line: award.line, "draws on no CSP's allocation, so is outside the return's scope; "
                + "expected an award of \(scopeCSP)")
        }
    }

    private mutating func checkDays(_ award: ReturnRecord) {
        if let year, let awarded = day(award, .awardDate) {
            let last = period?.days.upperBound ?? year.lastDay
            let expected = "expected a day from \(year.firstDay) to \(last)"
            if awarded.day < year.firstDay {
                let before = "before the financial year \(year)"
                report(.awardDate, at: awarded.value, "\(awarded.day) is \(before); \(expected)")
            } else if awarded.day > last {
                let after = period == nil ? "after the financial year \(year)" : "after the period's last day, \(last)"
                report(.awardDate, at: awarded.value, "\(awarded.day) is \(after); \(expected)")
            }
        }
        if let start = day(award, .plannedStart), let end = day(award, .plannedEnd), end.day < start.day {
            report(.plannedEnd, at: end.value, "\(end.day) is before the plannedStart, \(start.day); expected a day "
                + "on or after it")
        }
    }

    private mutating func checkFigures(_ award: ReturnRecord) {
        guard let awarded = money(award, .awarded), let released = money(award, .released),
              let committed = try? awarded.amount.subtracting(released.amount)
        else { return }
        if committed.isNegative {
            report(.released, at: released.value, "\(released.amount.plain) is more than the \(awarded.amount.plain) "
                + "awarded; expected at most \(awarded.amount.plain)")
            return
        }
        if let written = money(award, .committed), written.amount != committed {
            report(.committed, at: written.value, "\(written.amount.plain) is not awarded less released "
                + "(\(awarded.amount.plain) - \(released.amount.plain)); expected \(committed.plain)")
        }
        guard let paidToDate = money(award, .paidToDate) else { return }
        if let paidInPeriod = money(award, .paidInPeriod), paidInPeriod.amount > paidToDate.amount {
            report(.paidInPeriod, at: paidInPeriod.value, "\(paidInPeriod.amount.plain) is more than the "
                + "\(paidToDate.amount.plain) paid to date; expected at most \(paidToDate.amount.plain)")
        }
        guard let outstanding = try? committed.subtracting(paidToDate.amount) else { return }
        if outstanding.isNegative {
            report(.paidToDate, at: paidToDate.value, "\(paidToDate.amount.plain) is more than the "
                + "\(committed.plain) committed (awarded less released); expected at most \(committed.plain)")
        } else if let written = money(award, .outstanding), written.amount != outstanding {
            report(.outstanding, at: written.value, "\(written.amount.plain) is not committed less paid to date "
                + "(\(committed.plain) - \(paidToDate.amount.plain)); expected \(outstanding.plain)")
        }
    }
}
