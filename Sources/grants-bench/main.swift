// grants-bench: benchmarks that print figures (never timed tests).
//
//   swift run -c release grants-bench check-bids [COUNT]
//   swift run -c release grants-bench write-returns [COUNT]
//
// Writes COUNT generated bids (default 100,000) as JSON Lines to a temporary file, then reads, parses and checks
// them all against the shipped Community Action Fund 2017/18 rulebook on one core, and prints bids per second
// for the whole and for each phase, and the process's peak memory.
import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRulebooks
import GrantsRules
import GrantsXML

/// The process's peak resident memory in MiB, from /proc (Linux).
func peakMemoryMiB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Int($0) }.first ?? 0
        return Double(kilobytes) / 1024
    }
    return nil
}

/// A fixed-seed generator, so every run checks the same bids.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func generateBids(count: Int) -> [UInt8] {
    var rng = SplitMix64(state: 2017)
    let types = ["community-group", "registered-charity", "cic", "company", "individual"]
    let places = ["South Ribble", "Preston", "Chorley", "Blackpool", "Wyre", "Manchester"]
    let priorities = ["anti-social-behaviour", "reoffending", "hate-crime", "road-safety", "gardening"]
    var out = ""
    out.reserveCapacity(count * 700)
    for index in 0..<count {
        let requested = 50_000 + Int(rng.next() % 260_000)  // £500.00 to £3,099.99
        let firstLine = requested / 2
        let type = types[Int(rng.next() % UInt64(types.count))]
        let place = places[Int(rng.next() % UInt64(places.count))]
        let priority = priorities[Int(rng.next() % UInt64(priorities.count))]
        let organisation = Int(rng.next() % UInt64(max(1, count / 2)))
        func pounds(_ pence: Int) -> String { "\(pence / 100).\(pence % 100 < 10 ? "0" : "")\(pence % 100)" }
        out += """
            {"id":"CAF-B-\(index)","scheme":"community-action-fund","financial_year":"2017/18","submitted":"2017-06-01",\
            "applicant":{"id":"360G-LancashirePCC-ORG-\(organisation)","name":"Bench group \(organisation) (example)",\
            "type":"\(type)","constituted":true,"unrestricted_reserves":"4200.00",\
            "documents":["constitution","latest-accounts","safeguarding-policy"]},\
            "title":"Project \(index)","description":"Generated for the benchmark","requested":"\(pounds(requested))",\
            "total_project_cost":"\(pounds(requested + 60_000))","planned_start":"2017-07-01","planned_end":"2018-03-31",\
            "priorities":["\(priority)"],"works_with":["children"],"locations":["\(place)"],\
            "budget":[{"category":"venue-hire","description":"Hall hire","amount":"\(pounds(firstLine))","vat_reclaimable":false},\
            {"category":"equipment","description":"Kit","amount":"\(pounds(requested - firstLine))","vat_reclaimable":false}]}

            """
    }
    return Array(out.utf8)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func checkBids(count: Int) throws {
    guard let path = ShippedRulebooks.path(scheme: "community-action-fund", year: "2017/18") else {
        print("error: the shipped rulebooks are not beside this binary")
        exit(74)
    }
    let rulebook = try RulebookFile.read(file: path)
    let bytes = generateBids(count: count)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("grants-bench-\(getpid()).jsonl")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    print("check-bids: \(count) bids, \(bytes.count / 1_048_576) MiB of JSON Lines, rulebook \(rulebook.title) (\(rulebook.rules.count) rules)")

    let clock = ContinuousClock()
    let start = clock.now
    let bids = try BidFile.read(file: file.path).map(\.value)
    let parsed = clock.now
    let verdicts = RuleEngine(rulebook: rulebook).check(bids)
    let checked = clock.now

    let parseSeconds = seconds(parsed - start)
    let checkSeconds = seconds(checked - parsed)
    let total = parseSeconds + checkSeconds
    let outcomes = Eligibility.Outcome.allCases.map { outcome in
        "\(verdicts.filter { $0.outcome == outcome }.count) \(outcome.rawValue)"
    }
    print("  outcomes:        \(outcomes.joined(separator: ", "))")
    print(String(format: "  read and parse:  %.3f s  (%.0f bids/s)", parseSeconds, Double(count) / parseSeconds))
    print(String(format: "  check:           %.3f s  (%.0f bids/s)", checkSeconds, Double(count) / checkSeconds))
    print(String(format: "  total:           %.3f s  (%.0f bids/s, one core)", total, Double(count) / total))
    if let peak = peakMemoryMiB() { print(String(format: "  peak memory:     %.1f MiB", peak)) }
}

/// A synthetic award line, made on demand so that no more than one is held at a time.
func syntheticLine(_ index: Int, year: FinancialYear) -> SpendReturn.AwardLine {
    let day = year.days(of: .q2).lowerBound
    let amount = Money(pence: 50_000 + Int64(index % 250_000))
    let paid = Money(pence: amount.pence / 2)
    return SpendReturn.AwardLine(
        awardID: "AWD-B-\(index)", decision: "2017/\(index % 900)", title: "Project \(index) & friends <example>",
        recipientID: "360G-LancashirePCC-ORG-\(index % 5000)", recipientName: "Bench group \(index % 5000) (example)",
        charityNumber: nil, companyNumber: nil, cspID: "360G-LancashirePCC-CSP-\(index % 14)", cspName: "CSP \(index % 14)",
        cspLocationCode: "E07000126", fundID: "CSP-2017-18", fundName: "Community Safety Partnership grant 2017/18",
        scheme: .cspGrant, priorities: ["anti-social-behaviour", "reoffending"], awardDate: day, plannedStart: day,
        plannedEnd: year.lastDay, state: .claiming, awarded: amount, released: .zero,
        paidInPeriod: paid, paidToDate: paid, outstanding: Money(pence: amount.pence - paid.pence), returned: .zero)
}

/// Peak memory of finished child processes in MiB (xmllint), from getrusage.
func childPeakMemoryMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_CHILDREN.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

func writeReturns(count: Int) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("grants-bench-returns-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    guard let year = FinancialYear(startYear: 2017) else { return }
    let header = SpendReturn.Header(
        funderID: "360G-LancashirePCC-OPCC", funderName: "Office of the Police and Crime Commissioner for Lancashire",
        period: .init(year: year), fund: nil, csp: nil, asOf: year.lastDay, fingerprint: "fnv1a64:0000000000000000/0")
    // Totals per CSP and for the fund in one pass over the lazily made lines, in pence: the schema wants a total
    // for every CSP and fund its lines name.
    var perCSP: [String: (name: String, awards: Int, awarded: Int64, paid: Int64)] = [:]
    for index in 0..<count {
        let line = syntheticLine(index, year: year)
        let key = line.cspID ?? ""
        let sums = perCSP[key] ?? (line.cspName ?? "", 0, 0, 0)
        perCSP[key] = (sums.name, sums.awards + 1, sums.awarded + line.awarded.pence, sums.paid + line.paidToDate.pence)
    }
    func total(_ level: SpendReturn.Total.Level, key: String, name: String, awards: Int, awarded: Int64, paid: Int64)
        -> SpendReturn.Total
    {
        SpendReturn.Total(
            level: level, key: key, name: name, fundID: "CSP-2017-18", awards: awards, awarded: Money(pence: awarded),
            released: .zero, committed: Money(pence: awarded), paidInPeriod: Money(pence: paid),
            paidToDate: Money(pence: paid), outstanding: Money(pence: awarded - paid), returned: .zero)
    }
    let totals = perCSP.keys.sorted().compactMap { key in
        perCSP[key].map { total(.csp, key: key, name: $0.name, awards: $0.awards, awarded: $0.awarded, paid: $0.paid) }
    } + [
        total(.fund, key: "CSP-2017-18", name: "Community Safety Partnership grant 2017/18", awards: count,
              awarded: perCSP.values.reduce(0) { $0 + $1.awarded }, paid: perCSP.values.reduce(0) { $0 + $1.paid }),
    ]
    let lines = (0..<count).lazy.map { syntheticLine($0, year: year) }
    print("write-returns: \(count) award lines")
    let clock = ContinuousClock()

    let csvPath = folder.appendingPathComponent("return.csv").path
    FileManager.default.createFile(atPath: csvPath, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: csvPath) else { throw CocoaError(.fileWriteUnknown) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(1 << 20)
    var start = clock.now
    try ReturnCSV.write(header: header, lines: lines, totals: totals, contributions: []) { row in
        buffer.append(contentsOf: row.utf8)
        if buffer.count >= 1 << 20 {
            handle.write(Data(buffer))
            buffer.removeAll(keepingCapacity: true)
        }
    }
    handle.write(Data(buffer))
    try handle.close()
    let csvSeconds = seconds(clock.now - start)
    print(String(format: "  CSV write:        %.3f s  (%.0f lines/s), peak memory so far %.1f MiB",
                 csvSeconds, Double(count) / csvSeconds, peakMemoryMiB() ?? 0))

    let xmlPath = folder.appendingPathComponent("return.xml").path
    start = clock.now
    try ReturnXMLWriter.write(header: header, lines: lines, totals: totals, contributions: [], to: xmlPath)
    let xmlSeconds = seconds(clock.now - start)
    let size = (try? FileManager.default.attributesOfItem(atPath: xmlPath)[.size] as? Int) ?? 0
    print(String(format: "  XML write:        %.3f s  (%.0f lines/s), %d MiB, peak memory so far %.1f MiB",
                 xmlSeconds, Double(count) / xmlSeconds, (size ?? 0) / 1_048_576, peakMemoryMiB() ?? 0))

    start = clock.now
    let result = try ReturnValidator.validate(file: xmlPath)
    let validateSeconds = seconds(clock.now - start)
    print(String(format: "  XSD validate:     %.3f s  (%.0f lines/s), %@, peak memory so far %.1f MiB",
                 validateSeconds, Double(count) / validateSeconds, result.isValid ? "valid" : "INVALID",
                 peakMemoryMiB() ?? 0))

    guard let schema = ReturnValidator.schemaURL?.path else { return }
    let xmllint = Process()
    xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
    xmllint.arguments = ["--noout", "--schema", schema, xmlPath]
    xmllint.standardOutput = FileHandle.nullDevice
    xmllint.standardError = FileHandle.nullDevice
    start = clock.now
    do {
        try xmllint.run()
        xmllint.waitUntilExit()
        let lintSeconds = seconds(clock.now - start)
        print(String(format: "  xmllint --schema: %.3f s  (%.0f lines/s), exit %d, its peak memory %.1f MiB",
                     lintSeconds, Double(count) / lintSeconds, xmllint.terminationStatus, childPeakMemoryMiB()))
    } catch {
        print("  xmllint: not run (\(error)); apt-get install libxml2-utils")
    }
}

let arguments = CommandLine.arguments.dropFirst()

/// `grants-bench COMMAND COUNT PATH`: writes COUNT generated records to PATH, or exits 64 (usage) or 74 (I/O).
func make(_ usage: String, _ write: (Int, String) throws -> Void) {
    let rest = Array(arguments.dropFirst())
    guard rest.count == 2, let count = Int(rest[0]), count > 0 else {
        print("usage: grants-bench \(usage)")
        exit(64)
    }
    do {
        try write(count, rest[1])
    } catch {
        print("error: \(error)")
        exit(74)
    }
}
switch arguments.first {
case "check-bids":
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000
    do {
        try checkBids(count: count)
    } catch {
        print("error: \(error)")
        exit(65)
    }
case "write-returns":
    let count = arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000
    do {
        try writeReturns(count: count)
    } catch {
        print("error: \(error)")
        exit(74)
    }
case "make-bids":
    make("make-bids COUNT FILE") { count, path in try Data(generateBids(count: count)).write(to: URL(fileURLWithPath: path)) }
case "make-ledger":
    make("make-ledger COUNT FOLDER") { count, path in try LedgerGenerator(count: count).write(to: path) }
default:
    print("usage: grants-bench check-bids [COUNT] | write-returns [COUNT] | make-bids COUNT FILE | make-ledger COUNT FOLDER")
    exit(64)
}
