import GrantsCore
import GrantsImport
import GrantsStore

extension Fixtures {
    /// A fresh in-memory ledger holding every sample file, recorded as one change for `reason`.
    public static func sampleLedger(reason: String = "test") throws -> Ledger {
        let ledger = try TestStore.emptyLedger()
        try ledger.record(try LedgerFile.read(paths: [PackageFiles.samples]), as: change(reason))
        return ledger
    }

    /// The whole-year 2017/18 return for every fund and CSP of the sample ledger.
    public static func samplesReturn(reason: String = "test") throws -> SpendReturn {
        try sampleLedger(reason: reason).spendReturn(period: .init(year: try FinancialYear(parsing: "2017/18")))
    }

    /// A return built by hand, for what a ledger would refuse to hold (two lines of one award, a zero award, a
    /// title that looks like a formula, an amount too large for a cell): one South Ribble CSP award line per (id,
    /// title, pence), planned from `start` (2017-07-10) to `end` (2018-03-31).
    public static func handMadeReturn(
        _ awards: [(id: String, title: String, pence: Int64)], start: Day? = nil, end: Day? = nil,
        recipientKind: OrganisationKind? = nil
    ) throws -> SpendReturn {
        guard let year = FinancialYear(startYear: 2017), let awardDate = Day(year: 2017, month: 7, day: 3),
              let plannedStart = start ?? Day(year: 2017, month: 7, day: 10),
              let plannedEnd = end ?? Day(year: 2018, month: 3, day: 31)
        else { throw FixtureError("bad fixture days") }
        let header = SpendReturn.Header(
            funderID: "360G-Test-OPCC", funderName: "Office of the Police and Crime Commissioner (test)",
            period: .init(year: year), fund: nil, csp: nil, asOf: year.lastDay, fingerprint: "fnv1a64:0/0")
        let lines = awards.map { award in
            SpendReturn.AwardLine(
                awardID: award.id, decision: "2017/81", title: award.title, recipientID: "GB-LAE-SRI",
                recipientName: "South Ribble Borough Council", charityNumber: nil, companyNumber: nil,
                cspID: "360G-Test-CSP-SR", cspName: "South Ribble Community Safety Partnership",
                cspLocationCode: "E07000126", fundID: "CSP-2017-18", fundName: "CSP grant 2017/18", scheme: .cspGrant,
                priorities: ["anti-social-behaviour"], awardDate: awardDate, plannedStart: plannedStart,
                plannedEnd: plannedEnd, state: .awarded, awarded: Money(pence: award.pence), released: .zero,
                paidInPeriod: .zero, paidToDate: .zero, outstanding: Money(pence: award.pence), returned: .zero,
                recipientKind: recipientKind)
        }
        return SpendReturn(header: header, lines: lines, contributions: [])
    }
}

/// A fixture that could not be made: a broken test, not a finding.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
