import Foundation
import GrantsCore

/// Reads an allocation formula (`format: grants-formula/1`) and, for a weighted one, its indicators CSV (a row
/// per CSP: `csp,population,recorded_crime,…`).
public enum FormulaFile {
    public static let format = "grants-formula/1"

    /// Indicator values may have up to four decimal places; they are scaled by this to whole numbers.
    public static let indicatorScale: Int64 = 10_000

    public static func read(file: String) throws(ImportError) -> AllocationFormula {
        var r = try FieldReader.document(try SourceFile.text(of: file), file: file, format: Self.format)
        let pot = try r.optionalMoney("pot")
        var retained = AllocationFormula.Retained.none
        if let node = r.take("retained"), !node.isNull {
            var k = try FieldReader(file: file, path: "retained", node: node)
            let amount = try k.optionalMoney("amount")
            let percent = try k.optionalText("percent")
            try k.finish()
            switch (amount, percent) {
            case (let amount?, nil): retained = .amount(amount)
            case (nil, let percent?):
                guard let basisPoints = Self.basisPoints(percent) else {
                    throw k.error("percent", "'\(percent)' is not a percentage such as 10 or 12.5")
                }
                retained = .percent(basisPoints: basisPoints)
            default:
                throw r.error("retained", "expected either amount: or percent:, not both or neither")
            }
        }
        var csps: [OrganisationID] = []
        for text in try r.list("csps") {
            csps.append(try r.convert(text, key: "csps", OrganisationID.init(parsing:)))
        }
        let method: AllocationFormula.Method
        let flatNode = r.take("flat")
        let weightedNode = r.take("weighted")
        switch (flatNode, weightedNode) {
        case (let flat?, nil):
            var f = try FieldReader(file: file, path: "flat", node: flat)
            method = .flat(each: try f.money("amount_each"))
            try f.finish()
            if csps.isEmpty { throw r.error("csps", "is missing; a flat formula names the partnerships it pays") }
        case (nil, let weighted?):
            var w = try FieldReader(file: file, path: "weighted", node: weighted)
            let floor = try w.optionalMoney("floor") ?? .zero
            let indicatorsFile = try w.text("indicators_file", expected: "the CSV of indicators, beside this file")
            let weights = try w.pairs("weights", expected: "a mapping of indicator names to whole-number weights")
            try w.finish()
            let csvPath = indicatorsFile.hasPrefix("/")
                ? indicatorsFile
                : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(indicatorsFile).path
            let table = try indicatorTable(file: csvPath)
            var indicators: [AllocationFormula.Indicator] = []
            for weight in weights {
                guard let value = Int64(weight.value) else {
                    throw ImportError(
                        file: file, line: weight.line, field: "weighted.weights.\(weight.key)",
                        "'\(weight.value)' is not a whole number")
                }
                guard let column = table.columns.firstIndex(of: weight.key) else {
                    throw ImportError(
                        file: file, line: weight.line, field: "weighted.weights.\(weight.key)",
                        "\(csvPath) has no column \(weight.key); it has \(table.columns.joined(separator: ", "))")
                }
                var values: [OrganisationID: Int64] = [:]
                for row in table.rows { values[row.csp] = row.values[column] }
                indicators.append(.init(name: weight.key, weight: value, values: values))
            }
            if csps.isEmpty {
                csps = table.rows.map(\.csp)
            } else {
                // Every partnership named has its row, and every row is for a partnership named: none left out quietly.
                let rows = Set(table.rows.map(\.csp))
                if let missing = csps.first(where: { !rows.contains($0) }) {
                    throw r.error("csps", "\(missing) has no row in \(csvPath); every partnership named needs its indicators")
                }
                let named = Set(csps)
                if let extra = table.rows.first(where: { !named.contains($0.csp) }) {
                    throw r.error("csps", "\(csvPath) has a row for \(extra.csp), which csps does not name")
                }
            }
            method = .weighted(floor: floor, indicators: indicators)
        default:
            throw r.error("flat", "expected exactly one of flat: or weighted:")
        }
        try r.finish()
        return AllocationFormula(pot: pot, retained: retained, method: method, csps: csps)
    }

    /// `10` → 1000, `12.5` → 1250, `7.25` → 725; `nil` for anything else.
    static func basisPoints(_ text: String) -> Int64? {
        guard let money = try? Money(parsing: text), !money.isNegative else { return nil }
        return money.pence  // pounds and pence and per cent and hundredths share the same shape
    }

    struct IndicatorTable {
        struct Row {
            let csp: OrganisationID
            let values: [Int64]
        }

        let columns: [String]
        let rows: [Row]
    }

    static func indicatorTable(file: String) throws(ImportError) -> IndicatorTable {
        let text = try SourceFile.text(of: file)
        let records = try CSVReader.records(text, file: file)
        guard let header = records.first, header.fields.first == "csp", header.fields.count >= 2 else {
            throw ImportError(file: file, line: 1, field: "", "expected a header row: csp, then one column per indicator")
        }
        let columns = header.fields
        var rows: [IndicatorTable.Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                throw ImportError(
                    file: file, line: record.line, field: "", "has \(record.fields.count) fields; the header has \(columns.count)")
            }
            let csp: OrganisationID
            do {
                csp = try OrganisationID(parsing: record.fields[0])
            } catch {
                throw ImportError(file: file, line: record.line, field: "csp", error.description)
            }
            if rows.contains(where: { $0.csp == csp }) {
                throw ImportError(file: file, line: record.line, field: "csp", "\(csp) has a row already")
            }
            var values: [Int64] = [0]
            for (index, cell) in record.fields.enumerated().dropFirst() {
                guard let value = scaled(cell) else {
                    throw ImportError(
                        file: file, line: record.line, field: columns[index],
                        "'\(cell)' is not a number of zero or more with at most four decimal places")
                }
                values.append(value)
            }
            rows.append(.init(csp: csp, values: values))
        }
        return IndicatorTable(columns: columns, rows: rows)
    }

    /// `1234.5` → 12345000 (scaled by 10,000); `nil` for a negative, a fifth decimal or anything not a number.
    package static func scaled(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber)
        else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...4).contains(digits.count), digits.allSatisfy(\.isNumber), let value = Int64(digits) else { return nil }
            fraction = value
            for _ in digits.count..<4 { fraction *= 10 }
        }
        let (product, overflow) = whole.multipliedReportingOverflow(by: indicatorScale)
        let (value, carried) = product.addingReportingOverflow(fraction)
        guard !overflow, !carried else { return nil }
        return value
    }
}
