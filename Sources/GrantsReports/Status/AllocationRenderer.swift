import GrantsCore

/// Writes an allocation plan as the table a finance officer checks before the decision is recorded.
public enum AllocationRenderer {
    public static func text(_ plan: AllocationPlan, names: [OrganisationID: String]) -> String {
        var columns: [(String, TextTable.Alignment)] = [("Community safety partnership", .left)]
        columns += plan.indicatorNames.map { ($0, .right) }
        columns += [("Floor", .right), ("Total", .right), ("% of pot", .right)]
        var table = TextTable(columns)
        func percent(_ amount: Money) -> String {
            let points = plan.basisPoints(of: amount)
            return "\(points / 100).\(points % 100 < 10 ? "0" : "")\(points % 100)%"
        }
        let blanks = Array(repeating: "", count: plan.indicatorNames.count)
        for share in plan.shares {
            table.add(
                [names[share.csp] ?? share.csp.rawValue] + share.byIndicator.map(\.formatted)
                    + [share.floor.formatted, share.total.formatted, percent(share.total)])
        }
        if plan.retained > .zero {
            table.add(["Retained centrally by the OPCC"] + blanks + ["", plan.retained.formatted, percent(plan.retained)])
        }
        if plan.unshared > .zero {
            table.add(["Not allocated (kept by the OPCC)"] + blanks + ["", plan.unshared.formatted, percent(plan.unshared)])
        }
        table.addFooter(["Pot"] + blanks + ["", plan.pot.formatted, "100.00%"])
        return table.rendered()
    }
}

extension AllocationRenderer {
    /// The heading and table of an allocation decision: `Allocation of FUND by FORMULA, decision D on DAY`.
    public static func decision(
        fund: String, formula: String, decision: String, date: Day, plan: AllocationPlan, names: [OrganisationID: String]
    ) -> String {
        "Allocation of \(fund) by \(formula), decision \(decision) on \(date)\n\n" + text(plan, names: names)
    }
}
