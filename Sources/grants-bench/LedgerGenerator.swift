import Foundation

/// Writes a synthetic ledger of `count` awards as grants-ledger/1 JSON files in `folder`, for timing imports,
/// status and returns at scale. The same count always gives the same files.
///
/// Its shape follows a national funder's history: ten financial years from 2010/11, each with a CSP grant fund split
/// into 14 allocations and a Community Action Fund whose awards draw on the fund directly (one award in five). Awards
/// are decided at fortnightly panels, listed in no date order (so the ledger's every-day checks see back-dated
/// entries), and every second award has a payment a month after it. One recipient for every five awards. No file is
/// over the import's 64 MiB limit.
struct LedgerGenerator {
    let count: Int
    static let years = 10
    static let firstYear = 2010
    static let perFile = 100_000

    func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write(organisations(), to: "\(folder)/01-organisations.json")
        try write(fundsAndAllocations(), to: "\(folder)/02-funds.json")
        var start = 0
        var part = 0
        while start < count {
            let end = min(count, start + Self.perFile)
            try write(awards(start..<end), to: "\(folder)/03-awards-\(String(format: "%04d", part)).json")
            start = end
            part += 1
        }
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    var recipients: Int { max(1, count / 5) }

    static let csps = [
        "BURNLEY", "CHORLEY", "FYLDE", "HYNDBURN", "LANCASTER", "PENDLE", "PRESTON", "RIBBLE-VALLEY", "ROSSENDALE",
        "SOUTH-RIBBLE", "WEST-LANCASHIRE", "WYRE", "BLACKPOOL", "BLACKBURN-WITH-DARWEN",
    ]

    func organisations() -> String {
        var out = "{\"format\":\"grants-ledger/1\",\"organisations\":[\n"
        out += "{\"id\":\"360G-Bench-OPCC\",\"name\":\"Office of the Police and Crime Commissioner (example)\",\"kind\":\"opcc\",\"example\":true}"
        for (index, csp) in Self.csps.enumerated() {
            out += ",\n{\"id\":\"360G-Bench-CSP-\(csp)\",\"name\":\"\(csp.capitalized) Community Safety Partnership\","
                + "\"kind\":\"csp\",\"location_code\":\"E0700\(String(format: "%04d", 117 + index))\",\"example\":true}"
        }
        for index in 0..<recipients {
            out += ",\n{\"id\":\"360G-Bench-ORG-\(index)\",\"name\":\"Bench group \(index)\",\"kind\":\"community-group\",\"example\":true}"
        }
        return out + "\n]}\n"
    }

    func fundsAndAllocations() -> String {
        var funds: [String] = []
        var allocations: [String] = []
        for offset in 0..<Self.years {
            let year = Self.firstYear + offset
            let label = "\(year)/\(String(format: "%02d", (year + 1) % 100))"
            funds.append("{\"id\":\"CSP-\(year)\",\"name\":\"CSP grant \(label)\",\"scheme\":\"csp-grant\",\"financial_year\":\"\(label)\",\"amount\":\"900000000.00\",\"funder\":\"360G-Bench-OPCC\"}")
            funds.append("{\"id\":\"CAF-\(year)\",\"name\":\"Community Action Fund \(label)\",\"scheme\":\"community-action-fund\",\"financial_year\":\"\(label)\",\"amount\":\"900000000.00\",\"funder\":\"360G-Bench-OPCC\"}")
            for csp in Self.csps {
                allocations.append("{\"id\":\"ALLOC-\(year)-\(csp)\",\"fund\":\"CSP-\(year)\",\"csp\":\"360G-Bench-CSP-\(csp)\",\"amount\":\"60000000.00\",\"decision\":\"\(year)/1\",\"date\":\"\(year)-04-01\"}")
            }
        }
        return "{\"format\":\"grants-ledger/1\",\"funds\":[\n" + funds.joined(separator: ",\n")
            + "\n],\"allocations\":[\n" + allocations.joined(separator: ",\n") + "\n]}\n"
    }

    static let priorities = ["anti-social-behaviour", "hate-crime", "road-safety", "early-action", "reoffending"]

    /// The awards numbered `range`, and the payments on every second one.
    func awards(_ range: Range<Int>) -> String {
        var rng = SplitMix64(state: 2010 &+ UInt64(range.lowerBound))
        var awards = "{\"format\":\"grants-ledger/1\",\"awards\":[\n"
        var payments = "],\"payments\":[\n"
        awards.reserveCapacity(range.count * 420)
        var firstPayment = true
        for index in range {
            let year = Self.firstYear + index % Self.years
            let panel = Int(rng.next() % 25)  // fortnightly panels from late April to early March
            let month = 4 + (panel * 14 + 20) / 30
            let day = 1 + (panel * 14 + 20) % 30 % 28
            let date = month <= 12
                ? String(format: "%04d-%02d-%02d", year, month, day)
                : String(format: "%04d-%02d-%02d", year + 1, month - 12, day)
            let amount = 50_000 + Int(rng.next() % 250_000)
            let pounds = "\(amount / 100).\(String(format: "%02d", amount % 100))"
            let direct = index % 5 == 4
            let csp = Self.csps[Int(rng.next() % UInt64(Self.csps.count))]
            let where_ = direct
                ? "\"fund\":\"CAF-\(year)\""
                : "\"fund\":\"CSP-\(year)\",\"allocation\":\"ALLOC-\(year)-\(csp)\""
            let priority = Self.priorities[Int(rng.next() % UInt64(Self.priorities.count))]
            if index != range.lowerBound { awards += ",\n" }
            awards += "{\"id\":\"AWD-\(index)\",\(where_),\"recipient\":\"360G-Bench-ORG-\(index % recipients)\","
                + "\"title\":\"Project \(index)\",\"amount\":\"\(pounds)\",\"decision\":\"\(year)/\(panel + 2)\","
                + "\"award_date\":\"\(date)\",\"planned_start\":\"\(date)\",\"planned_end\":\"\(year + 1)-03-31\","
                + "\"priorities\":[\"\(priority)\"]}"
            if index % 2 == 0 {
                if !firstPayment { payments += ",\n" }
                firstPayment = false
                let paid = amount / 2
                payments += "{\"id\":\"PAY-\(index)\",\"award\":\"AWD-\(index)\","
                    + "\"amount\":\"\(paid / 100).\(String(format: "%02d", paid % 100))\",\"date\":\"\(year + 1)-03-31\"}"
            }
        }
        return awards + "\n" + payments + "\n]}\n"
    }
}
