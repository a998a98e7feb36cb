import GrantsCore

/// Writes a year-end report for the finance officer.
public enum YearEndRenderer {
    /// The report as tables, one per kind of thing that keeps the year open, and a closing line.
    public static func text(_ report: YearEndReport) -> String {
        var out = "Year end \(report.year)"
        out += report.closedOn.map { ": closed on \($0)\n" } ?? "\n"
        if !report.openAwards.isEmpty {
            var table = TextTable([("Award still open", .left), ("Fund", .left), ("Recipient", .left), ("State", .left),
                                   ("Awarded", .right), ("Paid", .right)])
            for award in report.openAwards {
                table.add([award.award, award.fund, award.recipient, award.state.rawValue, award.amount.formatted,
                           award.paid.formatted])
            }
            out += "\n" + table.rendered()
        }
        if !report.unpaidClaims.isEmpty {
            var table = TextTable([("Claim unpaid", .left), ("Award", .left), ("Made", .left), ("Amount", .right)])
            for claim in report.unpaidClaims {
                table.add([claim.claim, claim.award, claim.date.description, claim.amount.formatted])
            }
            out += "\n" + table.rendered()
        }
        if !report.underspendOwed.isEmpty {
            var table = TextTable([("Underspend owed", .left), ("Recipient", .left), ("Owed", .right), ("Returned", .right)])
            for owed in report.underspendOwed {
                table.add([owed.award, owed.recipient, owed.owed.formatted, owed.returned.formatted])
            }
            out += "\n" + table.rendered()
        }
        if !report.uncommitted.isEmpty {
            var table = TextTable([("Allocation not committed", .left), ("Fund", .left), ("Allocated", .right),
                                   ("Committed", .right), ("Uncommitted", .right)])
            for line in report.uncommitted {
                table.add([line.csp, line.fund, line.allocated.formatted, line.committed.formatted,
                           line.uncommitted.formatted])
            }
            out += "\n" + table.rendered()
        }
        let open = report.openCount
        if let closed = report.closedOn {
            out += "\n\(report.year) was closed on \(closed).\n"
        } else {
            out += "\n" + (report.canClose
                ? "Nothing is open: \(report.year) can be closed.\n"
                : "\(open) thing(s) keep \(report.year) open.\n")
        }
        return out
    }
}
