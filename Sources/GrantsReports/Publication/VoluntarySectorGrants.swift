import GrantsCore

/// The Local Government Transparency Code 2015's annual list of grants to voluntary, community and social
/// enterprise organisations: for each, the date awarded, the time period, the beneficiary, its registration number,
/// a summary of its purpose and the amount.
///
/// Voluntary, community and social enterprise recipients are registered charities, community interest companies and
/// community groups. The list is as of the year's last day; a grant withdrawn by then gave nothing and is left out.
/// A sensitive recipient is named by the name the office gives it, and its registration number is withheld.
public struct VoluntarySectorGrants: Hashable, Sendable {
    /// One grant in the list.
    public struct Entry: Hashable, Sendable {
        public let awardID: String
        public let awardDate: Day
        public let plannedStart: Day
        public let plannedEnd: Day
        public let beneficiary: String
        /// The charity or company number; "Withheld" for a sensitive recipient; empty when it has none.
        public let registrationNumber: String
        public let purpose: String
        public let amount: Money
    }

    /// The kinds of organisation the code counts as voluntary, community and social enterprise.
    public static let kinds: Set<OrganisationKind> = [.registeredCharity, .cic, .communityGroup]

    /// The funder publishing the list.
    public let publisher: String
    /// The year the list covers.
    public let year: FinancialYear
    /// The grants, by award date and id.
    public let entries: [Entry]

    /// The list for the return's year, from a return as of the year's last day.
    public init(_ r: SpendReturn) {
        publisher = r.header.funderName
        year = r.header.period.year
        entries = r.lines
            .filter { line in line.recipientKind.map(Self.kinds.contains) == true && line.state != .withdrawn }
            .map { line in
                let number = line.charityNumber.flatMap { $0.isEmpty ? nil : $0 }
                    ?? line.companyNumber.flatMap { $0.isEmpty ? nil : $0 } ?? ""
                return Entry(
                    awardID: line.awardID, awardDate: line.awardDate, plannedStart: line.plannedStart,
                    plannedEnd: line.plannedEnd,
                    beneficiary: line.publicRecipientName,
                    registrationNumber: line.recipientSensitive ? "Withheld" : number,
                    purpose: line.purpose ?? line.title, amount: line.awarded)
            }
            .sorted { ($0.awardDate, $0.awardID) < ($1.awardDate, $1.awardID) }
    }

    /// The CSV columns, in order: the code's fields, the time period as its first and last day.
    public static let csvColumns = [
        "Date awarded", "Period start", "Period end", "Beneficiary", "Registration number", "Summary of purpose",
        "Amount", "Award",
    ]

    /// The list as CSV (RFC 4180, UTF-8, CRLF), for a spreadsheet: text that would run as a formula is made inert,
    /// and `excel` starts it with a byte-order mark.
    public func csv(excel: Bool = false) -> String {
        var writer = CSVWriter()
        writer.row(values: Self.csvColumns)
        for entry in entries {
            writer.row([
                .value(entry.awardDate.description), .value(entry.plannedStart.description),
                .value(entry.plannedEnd.description), .text(entry.beneficiary), .text(entry.registrationNumber),
                .text(entry.purpose), .value(entry.amount.plain), .text(entry.awardID),
            ])
        }
        return (excel ? ReturnCSV.byteOrderMark : "") + writer.output
    }
}
