import GrantsCore

/// The register of crime and disorder reduction grants a police and crime commissioner must publish each month
/// (Elected Local Policing Bodies (Specified Information) Order 2011, paragraph 3(f)): for every grant, the
/// recipient, the purpose, the conditions attached, and the reasons the commissioner considered it would secure
/// or contribute to crime and disorder reduction.
///
/// A register covers a month, or every month of a year; it lists the grants made in each month as the ledger stood
/// on the register's last day, so the July register reads the same whenever it is made. A grant withdrawn by then
/// stays listed (the decision was made and published) and says so. A sensitive recipient is named by the name the
/// office gives it. Text the ledger does not hold reads "Not recorded", so a gap shows rather than hides.
public struct GrantRegister: Hashable, Sendable {
    /// One grant in the register.
    public struct Entry: Hashable, Sendable {
        public let month: CalendarMonth
        public let awardID: String
        public let decision: String
        public let awardDate: Day
        public let fundName: String
        /// The recipient as the public may read it: its name, or the published name of a sensitive recipient.
        public let recipient: String
        public let title: String
        public let amount: Money
        public let purpose: String?
        public let conditions: String?
        public let reasons: String?
        /// Whether the grant had been withdrawn by the register's last day.
        public let withdrawn: Bool
    }

    /// The funder publishing the register.
    public let publisher: String
    /// The months the register covers, in order.
    public let months: [CalendarMonth]
    /// The grants, by month, award date and id.
    public let entries: [Entry]
    /// The day the register is as of: the last day of its last month.
    public let asOf: Day
    /// The ledger the register was made from.
    public let fingerprint: String

    /// What stands in for text the ledger does not hold.
    public static let notRecorded = "Not recorded"

    /// The register for `months`, from a return whose figures are as of the last day of the last month.
    public init(_ r: SpendReturn, months: [CalendarMonth]) {
        publisher = r.header.funderName
        self.months = months
        asOf = r.header.asOf
        fingerprint = r.header.fingerprint
        let covered = Set(months)
        entries = r.lines
            .filter { covered.contains(CalendarMonth(containing: $0.awardDate)) }
            .map { line in
                Entry(
                    month: CalendarMonth(containing: line.awardDate), awardID: line.awardID, decision: line.decision,
                    awardDate: line.awardDate, fundName: line.fundName,
                    recipient: line.publicRecipientName,
                    title: line.title, amount: line.awarded, purpose: line.purpose, conditions: line.conditions,
                    reasons: line.reasons, withdrawn: line.state == .withdrawn)
            }
            .sorted { ($0.awardDate, $0.awardID) < ($1.awardDate, $1.awardID) }
    }

    /// The CSV columns, in order.
    public static let csvColumns = [
        "Month", "Award", "Decision", "Date awarded", "Recipient", "Project", "Amount", "Purpose", "Conditions",
        "Reasons", "Fund", "Status",
    ]

    /// The register as CSV (RFC 4180, UTF-8, CRLF), for a spreadsheet: text that would run as a formula is made
    /// inert, and `excel` starts it with a byte-order mark.
    public func csv(excel: Bool = false) -> String {
        var writer = CSVWriter()
        writer.row(values: Self.csvColumns)
        for entry in entries {
            writer.row([
                .value(entry.month.description), .text(entry.awardID), .text(entry.decision),
                .value(entry.awardDate.description), .text(entry.recipient), .text(entry.title),
                .value(entry.amount.plain), .text(entry.purpose ?? Self.notRecorded),
                .text(entry.conditions ?? Self.notRecorded), .text(entry.reasons ?? Self.notRecorded),
                .text(entry.fundName), .value(entry.withdrawn ? "Withdrawn" : ""),
            ])
        }
        return (excel ? ReturnCSV.byteOrderMark : "") + writer.output
    }

    /// The register as a web page for the commissioner's website: one table per month, each with a caption and
    /// column headers, and a sentence for a month with no grants.
    public func html() -> String {
        let e = HTMLText.escape
        let span = months.count == 1 ? months[0].label
            : "\(months.first?.label ?? "") to \(months.last?.label ?? "")"
        var page = PublicationPage.start(title: "Crime and disorder reduction grants, \(span)")
        page += """
            <h1>Crime and disorder reduction grants</h1>
            <p class="lead">\(e(span)): every crime and disorder reduction grant made by \(e(publisher)), with its \
            recipient, purpose, conditions and the reasons for it, as the Elected Local Policing Bodies (Specified \
            Information) Order 2011 requires.</p>
            <p class="meta">As of \(asOf). From the grants ledger \(e(fingerprint)).</p>

            """
        for month in months {
            let rows = entries.filter { $0.month == month }
            page += "<h2>\(e(month.label))</h2>\n"
            guard !rows.isEmpty else {
                page += "<p>No grants were made in \(e(month.label)).</p>\n"
                continue
            }
            page += """
                <table>
                <caption>Grants made in \(e(month.label))</caption>
                <thead><tr><th scope="col">Recipient and project</th><th scope="col" class="number">Amount</th>\
                <th scope="col">Purpose</th><th scope="col">Conditions</th><th scope="col">Reasons</th></tr></thead>
                <tbody>

                """
            for entry in rows {
                let status = entry.withdrawn ? " <strong class=\"tag\">Withdrawn</strong>" : ""
                page += """
                    <tr><th scope="row">\(e(entry.recipient))<br><span class="detail">\(e(entry.title)) \
                    (\(e(entry.awardID)), decision \(e(entry.decision)), \(entry.awardDate))</span>\(status)</th>\
                    <td class="number">\(e(entry.amount.formatted))</td>\
                    <td>\(e(entry.purpose ?? Self.notRecorded))</td>\
                    <td>\(e(entry.conditions ?? Self.notRecorded))</td>\
                    <td>\(e(entry.reasons ?? Self.notRecorded))</td></tr>

                    """
            }
            page += "</tbody>\n</table>\n"
        }
        return page + PublicationPage.end
    }
}
