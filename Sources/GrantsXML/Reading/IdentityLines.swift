/// Where the elements that the schema's keys and keyrefs select start, so that libxml2's identity-constraint errors
/// can be placed on them.
///
/// When libxml2 validates a stream, it judges a keyref only when the whole return has ended, and reports every
/// unmatched one on the last line; a duplicate key it reports when the element ends, wherever the parser has got to.
/// Its message names the constraint and the values (`No match found for key-sequence ['CAF-2017-19'] of keyref
/// 'awardFundTotal'.`), so the n-th such message is placed on the n-th element selected with those values. Award
/// ids are left out: keeping a million of them would cost more than the line is worth, and the validator places a
/// duplicate award id where the award starts.
struct IdentityLines {
    /// A constraint and the values of the element it selects.
    private struct Key: Hashable {
        let constraint: String
        let values: String
    }

    /// The lines of the elements selected, by constraint and values as libxml2 writes them (`'CAF-2017-18'`).
    private var lines: [Key: [Int]] = [:]
    /// How many messages about each constraint and values have been placed.
    private var placed: [Key: Int] = [:]

    /// Notes the elements of `record` that the schema's keys and keyrefs select (their names are the XSD's).
    mutating func register(_ record: ReturnRecord) {
        switch record.kind {
        case .header:
            break
        case .award:
            guard let fund = record[.fundID]?.text else { return }
            add("awardFundTotal", "'\(fund)'", line: record[.fund]?.line ?? record.line)
            if let csp = record[.cspID]?.text { add("awardCSPTotal", "'\(csp)', '\(fund)'", line: record.line) }
        case .cspTotal:
            guard let csp = record[.csp]?.text, let fund = record[.fund]?.text else { return }
            add("cspTotalKey", "'\(csp)', '\(fund)'", line: record.line)
            add("cspTotalFundTotal", "'\(fund)'", line: record.line)
        case .fundTotal:
            guard let fund = record[.fund]?.text else { return }
            add("fundTotalKey", "'\(fund)'", line: record.line)
        case .contribution:
            guard let id = record[.id]?.text, let year = record[.financialYear]?.text else { return }
            add("contributionKey", "'\(id)', '\(year)'", line: record.line)
        }
    }

    /// The line an identity-constraint message is about, or `nil` for any other message (or one it cannot place).
    /// Each call places one message: call it once per issue, in the order libxml2 reported them.
    mutating func line(of message: String) -> Int? {
        guard let start = message.range(of: "key-sequence [") else { return nil }
        let rest = message[start.upperBound...]
        let endings = [
            ("] of keyref '", 0), ("] in key identity-constraint '", 1), ("] in unique identity-constraint '", 1),
        ]
        for (ending, skip) in endings {
            guard let end = rest.range(of: ending), let close = rest[end.upperBound...].firstIndex(of: "'") else {
                continue
            }
            let key = Key(constraint: String(rest[end.upperBound..<close]), values: String(rest[..<end.lowerBound]))
            let index = placed[key, default: 0]
            placed[key] = index + 1
            // A duplicate is the second element with its values, the next duplicate the third, and so on.
            guard let lines = lines[key], index + skip < lines.count else { return nil }
            return lines[index + skip]
        }
        return nil
    }

    private mutating func add(_ constraint: String, _ values: String, line: Int) {
        lines[Key(constraint: constraint, values: values), default: []].append(line)
    }
}
