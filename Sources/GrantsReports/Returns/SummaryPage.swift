import GrantsCore

/// A summary page for people: a Markdown page with the return's headline figures and an SVG bar chart of
/// allocated, committed and paid by CSP.
public enum SummaryPage {
    /// The chart as SVG: one row per CSP line of the status, showing what share of its own allocation is committed
    /// and what share is paid. Each partnership is drawn against its own allocation, so a £10,000 partnership's use
    /// reads as plainly as a £100,000 one's; the figures themselves are in the page's table and each bar's tooltip.
    /// Committed (blue) and paid (orange) differ in colour and in place, a zero still draws a mark, and the scale is
    /// whole quarters.
    public static func chart(_ status: StatusReport) -> String {
        let lines = status.csps
        let funds = Set(lines.map(\.fundID))
        let left = 300, plotWidth = 480, right = 230, top = 70, rowHeight = 34, barHeight = 11
        let width = left + plotWidth + right
        let height = top + max(1, lines.count) * rowHeight + 40
        let e = HTMLText.escape
        let scope = StatusRenderer.describe(status.scope)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="sans-serif" font-size="12" role="img" aria-labelledby="chart-title chart-desc">
            <title id="chart-title">Share of each community safety partnership's allocation committed and paid</title>
            <desc id="chart-desc">One row per partnership (\(e(scope))): the blue bar is the share of its allocation \
            committed to awards, the orange bar the share paid.</desc>
            <rect width="100%" height="100%" fill="white"/>
            <text x="16" y="22" font-size="14" font-weight="bold">Share of each CSP's allocation committed and paid \
            (\(e(scope)))</text>
            <rect x="16" y="34" width="12" height="12" fill="#1d70b8"/><text x="34" y="44">Committed</text>
            <rect x="120" y="34" width="12" height="12" fill="#f47738"/><text x="138" y="44">Paid</text>

            """
        for quarter in 0...4 {
            let x = left + plotWidth * quarter / 4
            svg += "<line x1=\"\(x)\" y1=\"\(top - 8)\" x2=\"\(x)\" y2=\"\(height - 36)\" stroke=\"#ddd\"/>"
                + "<text x=\"\(x)\" y=\"\(height - 20)\" text-anchor=\"middle\">\(quarter * 25)%</text>\n"
        }
        for (index, line) in lines.enumerated() {
            let y = top + index * rowHeight
            var name = (line.cspName ?? "").replacingSuffix(" Community Safety Partnership")
            if funds.count > 1 { name += " (\(line.fundID))" }
            svg += "<text x=\"\(left - 10)\" y=\"\(y + barHeight + 4)\" text-anchor=\"end\">\(e(name))</text>\n"
            // The whole allocation, as a pale track behind the bars.
            svg += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(plotWidth)\" height=\"\(2 * barHeight + 2)\" fill=\"#f3f2f1\"/>\n"
            for (offset, value, colour, what) in [
                (0, line.committed, "#1d70b8", "committed"), (barHeight + 2, line.paid, "#f47738", "paid"),
            ] {
                let share = Self.share(value, of: line.budget)
                // At least 2 px, so that nothing committed or paid still shows as a mark at zero.
                let length = max(2, Int(Int128(plotWidth) * Int128(min(share, 10_000)) / 10_000))
                svg += "<rect x=\"\(left)\" y=\"\(y + offset)\" width=\"\(length)\" height=\"\(barHeight)\" "
                    + "fill=\"\(colour)\"><title>\(e(name)): \(e(value.formatted)) \(what), "
                    + "\(Self.percent(share)) of its \(e(line.budget.formatted)) allocation</title></rect>\n"
            }
            svg += "<text x=\"\(left + plotWidth + 10)\" y=\"\(y + barHeight + 4)\">"
                + "\(Self.percent(Self.share(line.committed, of: line.budget))) committed, "
                + "\(Self.percent(Self.share(line.paid, of: line.budget))) paid</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// `value` as hundredths of a per cent of `whole` (0 when the whole is nothing), rounded half up.
    static func share(_ value: Money, of whole: Money) -> Int64 {
        guard whole.pence > 0, value.pence > 0 else { return 0 }
        return Int64((Int128(value.pence) * 20_000 + Int128(whole.pence)) / (Int128(whole.pence) * 2))
    }

    /// Hundredths of a per cent as a whole per cent: `8750` → `88%`.
    static func percent(_ hundredths: Int64) -> String { "\((hundredths + 50) / 100)%" }

    /// The Markdown page: what the return covers, the headline figures per fund, and the chart.
    public static func markdown(_ r: SpendReturn, status: StatusReport, chartFile: String, files: [String])
        throws(MoneyError) -> String
    {
        // A table cell holds no line break or bar: names come from the ledger.
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var out = "# Spend return \(r.header.period.label)\n\n"
        out += "Funder: \(r.header.funderName) (\(r.header.funderID)). Figures as of \(r.header.asOf). "
        out += "Ledger fingerprint `\(r.header.fingerprint)`.\n\n"
        out += "| Fund | Awards | Awarded | Released | Committed | Paid to date | Outstanding | Returned |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for total in try r.totals() where total.level == .fund {
            out += "| \(cell(total.name)) (\(cell(total.key))) | \(total.awards) | \(total.awarded.formatted) | "
                + "\(total.released.formatted) | \(total.committed.formatted) | \(total.paidToDate.formatted) | "
                + "\(total.outstanding.formatted) | \(total.returned.formatted) |\n"
        }
        out += "\n## Community safety partnerships\n\n"
        out += "| Partnership | Allocation | Committed | Paid | Remaining | Committed of allocation | Paid of allocation |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|\n"
        for line in status.csps {
            out += "| \(cell(line.cspName ?? line.csp?.rawValue ?? "")) | \(line.budget.formatted) | \(line.committed.formatted) | "
                + "\(line.paid.formatted) | \(try line.remaining().formatted) | "
                + "\(percent(share(line.committed, of: line.budget))) | \(percent(share(line.paid, of: line.budget))) |\n"
        }
        out += "\n![Share of each CSP's allocation committed and paid](\(chartFile))\n\n"
        if !r.contributions.isEmpty {
            out += "| Contributor | Service | Year | Expected | Received | Outstanding |\n|---|---|---|---:|---:|---:|\n"
            for line in r.contributions {
                out += "| \(cell(line.contributorName)) | \(cell(line.service)) | \(line.year.label) | \(line.expected.formatted) | "
                    + "\(line.received.formatted) | \(line.outstanding.formatted) |\n"
            }
            out += "\n"
        }
        out += "The same return, for programs and spreadsheets: " + files.map { "[\($0)](\($0))" }.joined(separator: ", ")
            + ".\n"
        return out
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
