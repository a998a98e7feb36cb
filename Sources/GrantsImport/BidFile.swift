import Foundation
import GrantsCore
import GrantsRules

/// Reads bids (`format: grants-bid/1`): one per YAML or JSON file, or many in a JSON Lines (`.jsonl`) or CSV
/// (`.csv`) file. Every error names the file, the line and the key.
public enum BidFile {
    public static let format = "grants-bid/1"

    /// The groups a project may say it works with (they decide whether a safeguarding policy is needed, so a
    /// misspelling must not pass as "neither").
    public static let vulnerableGroups = ["children", "vulnerable-adults"]

    /// The file endings read from a folder of bids.
    public static let extensions = [".yaml", ".yml", ".json", ".jsonl", ".ndjson", ".csv"]

    /// Reads every bid in `paths` (a folder standing for its bid files, sorted by name), in order.
    public static func read(paths: [String]) throws(ImportError) -> [Sourced<BidForm>] {
        var bids: [Sourced<BidForm>] = []
        for path in try LedgerFile.expand(paths, extensions: extensions) {
            bids += try read(file: path)
        }
        return bids
    }

    /// The largest single-bid file (YAML or JSON) read: a real bid is a few KiB, so anything this size is not one
    /// and is refused before it is parsed (a file of a million budget lines would take a minute and gigabytes).
    public static let maximumSingleBidSize = 1024 * 1024

    /// The most budget lines one bid may have: a real budget has tens.
    public static let maximumBudgetLines = 1_000

    /// Reads the bids in one file: a YAML or JSON bid, or a JSON Lines or CSV file of many.
    public static func read(file: String) throws(ImportError) -> [Sourced<BidForm>] {
        let lower = file.lowercased()
        let many = lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".csv")
        let limit = many ? SourceFile.maximumSize : maximumSingleBidSize
        let bytes = try SourceFile.bytes(of: file, limit: limit, why: many ? "split it" : "a bid file is at most 1 MiB")
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return try jsonLines(bytes, file: file) }
        if lower.hasSuffix(".csv") { return try csv(try SourceFile.text(bytes, file: file), file: file) }
        return [try bid(bytes: bytes, file: file)]
    }

    /// Reads the one bid in a YAML or JSON file's bytes (JSON when `file` ends in `.json`), such as a file uploaded
    /// to the web checker: UTF-8 text of at most `maximumSingleBidSize` bytes.
    public static func bid(bytes: [UInt8], file: String) throws(ImportError) -> Sourced<BidForm> {
        guard bytes.count <= maximumSingleBidSize else {
            throw ImportError(file: file, line: 0, field: "", "the file is over 1 MiB; a bid file is at most 1 MiB")
        }
        let root = try DocumentParser.root(of: try SourceFile.text(bytes, file: file), file: file)
        return try bid(from: root, file: file, formatRequired: true)
    }

    /// One bid per line; blank lines are skipped.
    public static func jsonLines(_ bytes: [UInt8], file: String) throws(ImportError) -> [Sourced<BidForm>] {
        _ = try SourceFile.text(bytes, file: file)
        var bids: [Sourced<BidForm>] = []
        // A byte-order mark before the first line is not part of it (as SourceFile.text drops it).
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                let node = try JSONParser.parse(bytes, range: start..<end, file: file, firstLine: line)
                bids.append(try bid(from: node, file: file, formatRequired: false))
            }
            start = end + 1
            line += 1
        }
        return bids
    }

    /// The columns of a CSV of bids. Lists are separated by `;`; budget lines by `;`, each written
    /// `category|description|amount|vat_reclaimable`.
    public static let csvColumns = [
        "id", "scheme", "financial_year", "submitted", "applicant_id", "applicant_name", "applicant_type",
        "constituted", "unrestricted_reserves", "documents", "title", "description", "requested",
        "total_project_cost", "planned_start", "planned_end", "priorities", "works_with", "locations", "csp", "budget",
    ]

    public static func csv(_ text: String, file: String) throws(ImportError) -> [Sourced<BidForm>] {
        let records = try CSVReader.records(text, file: file)
        guard let header = records.first else {
            throw ImportError(file: file, line: 0, field: "", "the file is empty; expected a header row")
        }
        var seen = Set<String>()
        if let repeated = header.fields.first(where: { !seen.insert($0).inserted }) {
            throw ImportError(file: file, line: header.line, field: repeated, "the column is named twice in the header")
        }
        let unknown = header.fields.filter { !csvColumns.contains($0) }
        if let column = unknown.first {
            throw ImportError(
                file: file, line: header.line, field: column,
                "is not a known column; expected \(csvColumns.joined(separator: ", "))")
        }
        var bids: [Sourced<BidForm>] = []
        for record in records.dropFirst() {
            if record.fields.count != header.fields.count {
                throw ImportError(
                    file: file, line: record.line, field: "",
                    "has \(record.fields.count) fields; the header has \(header.fields.count)")
            }
            let node = csvNode(header: header.fields, record: record)
            bids.append(try bid(from: node, file: file, formatRequired: false))
        }
        return bids
    }

    /// A CSV row as the tree a YAML bid would give.
    private static func csvNode(header: [String], record: CSVReader.Record) -> DocNode {
        let line = record.line
        func scalar(_ text: String) -> DocNode { .scalar(text, isNull: text.isEmpty, line: line) }
        func list(_ text: String) -> DocNode {
            .sequence(text.split(separator: ";").map { scalar($0.trimmingCharacters(in: .whitespaces)) }, line: line)
        }
        var top: [(key: String, value: DocNode)] = []
        var applicant: [(key: String, value: DocNode)] = []
        for (column, value) in zip(header, record.fields) {
            switch column {
            case "applicant_id": applicant.append(("id", scalar(value)))
            case "applicant_name": applicant.append(("name", scalar(value)))
            case "applicant_type": applicant.append(("type", scalar(value)))
            case "constituted", "unrestricted_reserves": applicant.append((column, scalar(value)))
            case "documents": applicant.append((column, list(value)))
            case "priorities", "works_with", "locations": top.append((column, list(value)))
            case "budget":
                if value.isEmpty {
                    top.append((column, scalar(value)))
                    continue
                }
                let lines = value.split(separator: ";").map { entry -> DocNode in
                    let parts = entry.split(separator: "|", omittingEmptySubsequences: false)
                        .map { $0.trimmingCharacters(in: .whitespaces) }
                    let names = ["category", "description", "amount", "vat_reclaimable"]
                    var fields: [(key: String, value: DocNode)] = []
                    for (index, part) in parts.enumerated() {
                        fields.append((index < names.count ? names[index] : "field\(index + 1)", scalar(part)))
                    }
                    return .mapping(fields, line: line)
                }
                top.append((column, .sequence(lines, line: line)))
            default: top.append((column, scalar(value)))
            }
        }
        top.append(("applicant", .mapping(applicant, line: line)))
        return .mapping(top, line: line)
    }

    /// Reads one bid from its tree.
    package static func bid(from node: DocNode, file: String, formatRequired: Bool) throws(ImportError) -> Sourced<BidForm> {
        var r = try FieldReader(file: file, path: "", node: node)
        if formatRequired || r.node("format") != nil {
            try r.format(Self.format)
        }
        let id = try r.identifier("id")
        let scheme = try r.choice("scheme", of: Scheme.self)
        let year = try r.year("financial_year")
        let submitted = try r.day("submitted")
        var a = try r.nested("applicant")
        let applicantID = try a.organisationID("id")
        let name = try a.text("name")
        let type = try a.choice("type", of: BidForm.ApplicantType.self)
        let constituted = try a.optionalFlag("constituted")
        let reserves = try a.optionalMoney("unrestricted_reserves")
        if let reserves, reserves.isNegative {
            throw a.error("unrestricted_reserves", "is \(reserves.plain); expected 0.00 or more")
        }
        let applicant = BidForm.Applicant(
            id: applicantID, name: name, type: type, constituted: constituted, unrestrictedReserves: reserves,
            documents: try a.list("documents"))
        try a.finish()
        let title = try r.text("title")
        let description = try r.optionalText("description")
        let requested = try r.money("requested")
        guard requested > .zero else { throw r.error("requested", "is \(requested.plain); expected more than 0.00") }
        let total = try r.optionalMoney("total_project_cost")
        if let total, total <= .zero {
            throw r.error("total_project_cost", "is \(total.plain); expected more than 0.00")
        }
        let start = try r.optionalDay("planned_start")
        let end = try r.optionalDay("planned_end")
        let priorities = try r.list("priorities")
        let worksWith = try r.list("works_with")
        if let stray = worksWith.first(where: { !Self.vulnerableGroups.contains($0) }) {
            throw r.error(
                "works_with",
                "'\(stray)' is not one of \(Self.vulnerableGroups.joined(separator: ", ")); leave it empty when neither")
        }
        let locations = try r.list("locations")
        let csp = try r.optionalText("csp")
        var budget: [BidForm.BudgetLine]?
        if let lines = try r.optionalRecords("budget") {
            if lines.count > Self.maximumBudgetLines {
                throw r.error("budget", "has \(lines.count) lines; a bid's budget has at most \(Self.maximumBudgetLines)")
            }
            var parsed: [BidForm.BudgetLine] = []
            for var line in lines {
                let category = try line.text("category")
                let description = try line.optionalText("description") ?? ""
                let amount = try line.money("amount")
                guard amount > .zero else { throw line.error("amount", "is \(amount.plain); expected more than 0.00") }
                parsed.append(BidForm.BudgetLine(
                    category: category, description: description, amount: amount,
                    vatReclaimable: try line.optionalFlag("vat_reclaimable")))
                try line.finish()
            }
            budget = parsed
        }
        try r.finish()
        let bid = BidForm(
            id: id, scheme: scheme, year: year, submitted: submitted, applicant: applicant, title: title,
            description: description, requested: requested, totalProjectCost: total, plannedStart: start,
            plannedEnd: end, priorities: priorities, worksWith: worksWith, locations: locations, csp: csp,
            budget: budget)
        // The bid's own line is enough to find it; per-field lines are not kept for bids (there may be many).
        return Sourced(bid, origin: Origin(file: file, line: r.line))
    }
}
