import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport

/// Fixtures and readers for the 360Giving tests.
enum ThreeSixtyGivingSupport {
    /// The package root, found from this file: Tests/GrantsReportsTests/ThreeSixtyGivingSupport.swift.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The 360Giving schemas, codelists, templates and validate.py, beside the package: `<root>/../shared`.
    static let anchors = packageRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/anchors/360giving").path

    static let lastModified = "2018-04-30T09:00:00Z"
    static let dataSource = "https://www.lancashire-pcc.gov.uk/grants/2017-18.json"

    /// The 2017/18 return for every fund and CSP of the package's sample ledger.
    static func samplesReturn() throws -> SpendReturn {
        let ledger = try Ledger()
        let batch = try LedgerFile.read(paths: [packageRoot.appendingPathComponent("Samples/lancashire-2017-18").path])
        try ledger.record(batch, as: Fixtures.change())
        guard let year = FinancialYear(startYear: 2017) else { throw Failure("no 2017/18") }
        return try ledger.spendReturn(period: .init(year: year))
    }

    /// A return built by hand, for what a ledger would refuse to hold (two lines of one award, a zero award).
    static func handMadeReturn(
        _ awards: [(id: String, title: String, pence: Int64)], start: Day? = nil, end: Day? = nil
    ) throws -> SpendReturn {
        guard let year = FinancialYear(startYear: 2017), let awardDate = Day(year: 2017, month: 7, day: 3),
              let plannedStart = start ?? Day(year: 2017, month: 7, day: 10),
              let plannedEnd = end ?? Day(year: 2018, month: 3, day: 31)
        else { throw Failure("bad fixture days") }
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
                paidInPeriod: .zero, paidToDate: .zero, outstanding: Money(pence: award.pence), returned: .zero)
        }
        return SpendReturn(header: header, lines: lines, contributions: [])
    }

    /// Runs the standard's offline validator on a JSON file: its exit status and what it printed.
    static func validate(_ file: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", anchors + "/validate.py", anchors, file]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// RFC 4180 records: quoted fields, doubled quotes, CRLF or LF line ends.
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r\n", "\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
            default: field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    /// The first line of a CSV file in the anchors, split on commas (the template's titles hold none).
    static func templateTitles(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: anchors + "/" + name, encoding: .utf8)
        return records(text).first ?? []
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
