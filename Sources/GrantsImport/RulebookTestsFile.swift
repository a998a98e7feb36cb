import GrantsCore
import GrantsRules

/// Reads a rulebook's test cases: a `base_bid`, then cases that each give `changes` to it (merged key by key; a
/// null removes a key) or a whole `bid`, and what to `expect`.
public enum RulebookTestsFile {
    public static func read(file: String) throws(ImportError) -> RulebookTestSuite {
        var r = try FieldReader.document(try SourceFile.text(of: file), file: file, format: RulebookFile.testsFormat)
        let base = r.take("base_bid")
        var cases: [RulebookTestSuite.Case] = []
        for var c in try r.optionalRecords("cases") ?? [] {
            let name = try c.text("name")
            let asOf = try c.optionalDay("as_of")
            let bidNode: DocNode
            if let whole = c.take("bid") {
                bidNode = whole
            } else if let changes = c.take("changes") {
                guard let base else { throw c.error("changes", "there is no base_bid to apply changes to") }
                bidNode = merge(base, changes)
            } else {
                guard let base else { throw c.error("bid", "is missing; give a bid, or changes to the base_bid") }
                bidNode = base
            }
            let bid = try BidFile.bid(from: bidNode, file: file, formatRequired: false).value
            var e = try c.nested("expect")
            let outcome: Eligibility.Outcome? =
                e.node("outcome") == nil ? nil : try e.choice("outcome", of: Eligibility.Outcome.self)
            var expectedRules: [String: RuleStatus] = [:]
            for (ruleID, status) in try e.optionalPairs("rules") {
                guard let parsed = RuleStatus(rawValue: status.value) else {
                    throw ImportError(
                        file: file, line: status.line, field: "\(e.path).rules.\(ruleID)",
                        "'\(status.value)' is not one of \(RuleStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                expectedRules[ruleID] = parsed
            }
            try e.finish()
            try c.finish()
            cases.append(RulebookTestSuite.Case(
                name: name, location: "\(file):\(c.line)", bid: bid, asOf: asOf, expectedOutcome: outcome,
                expectedRules: expectedRules))
        }
        try r.finish()
        return RulebookTestSuite(source: file, cases: cases)
    }

    /// `changes` laid over `base`: mappings merge key by key, a null removes the key, anything else replaces.
    static func merge(_ base: DocNode, _ changes: DocNode) -> DocNode {
        guard case .mapping(let baseMembers, let line) = base, case .mapping(let changeMembers, _) = changes else {
            return changes
        }
        var merged = baseMembers
        for (key, value) in changeMembers {
            if let index = merged.firstIndex(where: { $0.key == key }) {
                if value.isNull {
                    merged.remove(at: index)
                } else {
                    merged[index] = (key, merge(merged[index].value, value))
                }
            } else if !value.isNull {
                merged.append((key, value))
            }
        }
        return .mapping(merged, line: line)
    }
}

extension FieldReader {
    /// An optional mapping of single values, in the order written; empty when absent.
    mutating func optionalPairs(_ key: String) throws(ImportError) -> [(key: String, value: (value: String, line: Int))] {
        guard node(key) != nil else {
            _ = take(key)
            return []
        }
        return try pairs(key, expected: "a mapping").map { ($0.key, ($0.value, $0.line)) }
    }
}
