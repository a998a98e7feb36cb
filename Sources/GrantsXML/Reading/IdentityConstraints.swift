import GrantsCore
/// The schema's keys, uniques and keyrefs, checked as a return streams by, in memory that does not grow with its
/// award lines: the award ids in a `CompactStringSet`, and otherwise only one entry per fund, CSP total and
/// contribution. libxml2 keeps every key and keyref value of the document until its end (about 800 MiB for a
/// million-line return), so the validator compiles the schema without them (`CompiledSchema`) and checks them here,
/// with libxml2's words and on the line of the element concerned; xmllint with the published schema refuses the same
/// documents.
struct IdentityConstraints {
    /// The problems found, in the order found.
    private(set) var issues: [ValidationIssue] = []
    /// More problems than this and the rest are not listed.
    let limit: Int

    private var awardIDs = CompactStringSet()
    private var fundTotals: Set<String> = []
    private var cspTotals: Set<[String]> = []
    private var contributions: Set<[String]> = []
    /// The keyrefs to totals, judged once every total is read: the lines of the elements that refer to each fund,
    /// CSP within a fund, and fund of a CSP total (at most `limit` lines each).
    private var awardFunds: [String: [Int]] = [:]
    private var awardCSPs: [[String]: [Int]] = [:]
    private var cspTotalFunds: [String: [Int]] = [:]

    init(limit: Int) {
        self.limit = limit
    }

    /// The values as libxml2 writes a key-sequence: `['CAF-2017-18']`, `['360G-…', 'CSP-2017-18']`.
    private static func sequence(_ values: [String]) -> String {
        "[" + values.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    private mutating func report(_ element: String, line: Int, _ message: String) {
        guard issues.count < limit else { return }
        issues.append(ValidationIssue(line: line, message: "Element '\(element)': \(message)."))
    }

    private mutating func duplicate(_ element: String, line: Int, _ values: [String], key constraint: String,
                                    unique: Bool = false) {
        report(element, line: line, "Duplicate key-sequence \(Self.sequence(values)) in \(unique ? "unique" : "key") "
            + "identity-constraint '\(constraint)'")
    }

    private mutating func noMatch(_ element: String, line: Int, _ values: [String], keyref: String) {
        report(element, line: line, "No match found for key-sequence \(Self.sequence(values)) of keyref '\(keyref)'")
    }

    private func noted(_ lines: [Int]?, _ line: Int) -> [Int] {
        let lines = lines ?? []
        return lines.count < limit ? lines + [line] : lines
    }

    /// Notes what `record` declares and refers to; a duplicate, or a reference to an award not in the return, is
    /// reported at once.
    mutating func register(_ record: ReturnRecord) {
        switch record.kind {
        case .header:
            break
        case .award:
            if let id = record[.id]?.text, awardIDs.insert(id, line: record.line) != nil {
                duplicate("award", line: record.line, [id], key: "awardID")
            }
            guard let fund = record[.fundID]?.text else { return }
            awardFunds[fund] = noted(awardFunds[fund], record[.fund]?.line ?? record.line)
            if let csp = record[.cspID]?.text { awardCSPs[[csp, fund]] = noted(awardCSPs[[csp, fund]], record.line) }
        case .cspTotal:
            guard let csp = record[.csp]?.text, let fund = record[.fund]?.text else { return }
            if !cspTotals.insert([csp, fund]).inserted {
                duplicate("cspTotal", line: record.line, [csp, fund], key: "cspTotalKey")
            }
            cspTotalFunds[fund] = noted(cspTotalFunds[fund], record.line)
        case .fundTotal:
            guard let fund = record[.fund]?.text else { return }
            if !fundTotals.insert(fund).inserted { duplicate("fundTotal", line: record.line, [fund], key: "fundTotalKey") }
        case .contribution:
            guard let id = record[.id]?.text, let year = record[.financialYear]?.text else { return }
            if !contributions.insert([id, year]).inserted {
                duplicate("contribution", line: record.line, [id, year], key: "contributionKey", unique: true)
            }
        case .payment, .claim:
            // Payments and claims come after the award lines, so the award ids are all known.
            guard let award = record[.award]?.text, !awardIDs.contains(award) else { return }
            let element = record.kind == .payment ? "payment" : "claim"
            noMatch(element, line: record.line, [award], keyref: record.kind == .payment ? "paymentAward" : "claimAward")
        }
    }

    /// The keyrefs to totals, once the whole document is read.
    mutating func finish() {
        for (fund, lines) in awardFunds.sorted(by: { $0.key < $1.key }) where !fundTotals.contains(fund) {
            for line in lines { noMatch("fund", line: line, [fund], keyref: "awardFundTotal") }
        }
        for (key, lines) in awardCSPs.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) })
            where !cspTotals.contains(key)
        {
            for line in lines { noMatch("award", line: line, key, keyref: "awardCSPTotal") }
        }
        for (fund, lines) in cspTotalFunds.sorted(by: { $0.key < $1.key }) where !fundTotals.contains(fund) {
            for line in lines { noMatch("cspTotal", line: line, [fund], keyref: "cspTotalFundTotal") }
        }
    }
}
