import GrantsCore

/// A summary page for people: a Markdown page with the return's headline figures and an SVG bar chart of
/// allocated, committed and paid by CSP.
public enum SummaryPage {
    /// The chart as SVG: one group of three bars per CSP line of the status, scaled to the largest allocation.
    public static func chart(_ status: StatusReport) -> String {
        let lines = status.csps
        let funds = Set(lines.map(\.fundID))
        let barWidth = 10, gap = 4, groupGap = 18, plotHeight = 220, left = 96, top = 50, bottom = 150
        let groupWidth = 3 * barWidth + 2 * gap + groupGap
        let width = left + max(1, lines.count) * groupWidth + 120
        let height = top + plotHeight + bottom
        let largest = max(1, lines.map(\.budget.pence).max() ?? 1)
        func y(_ money: Money) -> Int { top + plotHeight - Int(Int128(money.pence) * Int128(plotHeight) / Int128(largest)) }
        func escape(_ text: String) -> String {
            var out = ""
            for character in text {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                default: out.append(character)
                }
            }
            return out
        }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
            font-family="sans-serif" font-size="11">
            <title>Allocated, committed and paid by community safety partnership</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="18" font-size="13" font-weight="bold">Allocated, committed and paid by CSP \
            (\(escape(StatusRenderer.describe(status.scope))))</text>

            """
        let colours = [("Allocated", "#9ecae1"), ("Committed", "#3182bd"), ("Paid", "#08519c")]
        for step in 0...4 {
            let value = Money(pence: largest * Int64(step) / 4)
            let lineY = y(value)
            svg += "<line x1=\"\(left)\" y1=\"\(lineY)\" x2=\"\(width - 120)\" y2=\"\(lineY)\" stroke=\"#ddd\"/>\n"
            svg += "<text x=\"\(left - 6)\" y=\"\(lineY + 4)\" text-anchor=\"end\">\(escape(value.formatted))</text>\n"
        }
        for (index, line) in lines.enumerated() {
            let x0 = left + index * groupWidth + groupGap / 2
            for (bar, value) in [line.budget, line.committed, line.paid].enumerated() {
                let x = x0 + bar * (barWidth + gap)
                let barTop = y(value)
                svg += "<rect x=\"\(x)\" y=\"\(barTop)\" width=\"\(barWidth)\" height=\"\(top + plotHeight - barTop)\" "
                    + "fill=\"\(colours[bar].1)\"><title>\(escape(line.cspName ?? "")): \(colours[bar].0) "
                    + "\(escape(value.formatted))</title></rect>\n"
            }
            var name = (line.cspName ?? "").replacingSuffix(" Community Safety Partnership")
            if funds.count > 1 { name += " (\(line.fundID))" }
            let labelX = x0 + barWidth + gap
            svg += "<text x=\"\(labelX)\" y=\"\(top + plotHeight + 12)\" transform=\"rotate(40 \(labelX) \(top + plotHeight + 12))\">"
                + "\(escape(name))</text>\n"
        }
        for (index, colour) in colours.enumerated() {
            let x = left + index * 110
            svg += "<rect x=\"\(x)\" y=\"30\" width=\"10\" height=\"10\" fill=\"\(colour.1)\"/>"
                + "<text x=\"\(x + 14)\" y=\"39\">\(colour.0)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// The Markdown page: what the return covers, the headline figures per fund, and the chart.
    public static func markdown(_ r: SpendReturn, status: StatusReport, chartFile: String, files: [String])
        throws(MoneyError) -> String
    {
        var out = "# Spend return \(r.header.period.label)\n\n"
        out += "Funder: \(r.header.funderName) (\(r.header.funderID)). Figures as of \(r.header.asOf). "
        out += "Ledger fingerprint `\(r.header.fingerprint)`.\n\n"
        out += "| Fund | Awards | Awarded | Released | Committed | Paid to date | Outstanding | Returned |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|\n"
        for total in try r.totals() where total.level == .fund {
            out += "| \(total.name) (\(total.key)) | \(total.awards) | \(total.awarded.formatted) | "
                + "\(total.released.formatted) | \(total.committed.formatted) | \(total.paidToDate.formatted) | "
                + "\(total.outstanding.formatted) | \(total.returned.formatted) |\n"
        }
        out += "\n![Allocated, committed and paid by CSP](\(chartFile))\n\n"
        if !r.contributions.isEmpty {
            out += "| Contributor | Service | Year | Expected | Received | Outstanding |\n|---|---|---|---:|---:|---:|\n"
            for line in r.contributions {
                out += "| \(line.contributorName) | \(line.service) | \(line.year.label) | \(line.expected.formatted) | "
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
