import FuzzSupport
import GrantsImport

// The CSV reader (CSVReader, behind .csv bid files and a weighted formula's indicators) on any text: a refusal
// names the file and a line of the text; the records read, written out again as RFC 4180 CSV, read back as the
// same fields; text with no quotes reads as a plain split on new lines and commas would read it. The same text
// is read as a CSV of bids, and every field as an indicator value (FormulaFile.scaled) against a reference.

/// A field as CSV: quoted when it holds a comma, a quote, a line break or starts with a byte-order mark.
func quoted(_ field: String) -> String {
    let special: Set<Unicode.Scalar> = [",", "\"", "\n", "\r"]
    guard field.unicodeScalars.contains(where: special.contains) || field.unicodeScalars.first == "\u{FEFF}" else {
        return field
    }
    var text = "\""
    for scalar in field.unicodeScalars {
        text.unicodeScalars.append(scalar)
        if scalar == "\"" { text.unicodeScalars.append(scalar) }
    }
    return text + "\""
}

/// What quote-free text reads as: a record per non-empty line (carriage returns dropped, a byte-order mark
/// at the start too), fields split at commas, all by Unicode scalars.
func plainSplit(_ text: String) -> [[String]] {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    scalars.removeAll { $0 == "\r" }
    return scalars.split(separator: "\n", omittingEmptySubsequences: true).map { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            var string = ""
            string.unicodeScalars.append(contentsOf: field)
            return string
        }
    }
}

/// What FormulaFile.scaled must give: `[0-9]+(\.[0-9]{1,4})?` times 10,000, if that fits in an Int64.
func referenceScaled(_ text: String) -> Int64? {
    let parts = Array(text.utf8).split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(isDigit) else { return nil }
    var fraction = parts.count == 2 ? Array(parts[1]) : []
    guard parts.count == 1 || (1...4).contains(fraction.count), fraction.allSatisfy(isDigit) else { return nil }
    while fraction.count < 4 { fraction.append(UInt8(ascii: "0")) }
    var digits = Array(parts[0]) + fraction
    while digits.count > 1 && digits.first == UInt8(ascii: "0") { digits.removeFirst() }
    let limit = Array(String(Int64.max).utf8)
    if digits.count > limit.count || (digits.count == limit.count && limit.lexicographicallyPrecedes(digits)) {
        return nil
    }
    return Int64(String(decoding: digits, as: UTF8.self))
}

func sameFields(_ a: [[String]], _ b: [[String]]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy(sameScalars) }
}

@main enum FuzzCSV {
    static func main() {
        fuzzMain { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = lineBound(text)
            do throws(ImportError) {
                let records = try CSVReader.records(text, file: "fuzz.csv")
                let fields = records.map(\.fields)
                for (index, record) in records.enumerated() {
                    fuzzAssert((1...lines).contains(record.line), "record \(index) is on line \(record.line)")
                    fuzzAssert(index == 0 || record.line > records[index - 1].line, "record \(index) is out of order")
                    fuzzAssert(record.fields != [""], "record \(index) is an empty line")
                }
                let written = fields.map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\n")
                do throws(ImportError) {
                    let again = try CSVReader.records(written, file: "fuzz.csv").map(\.fields)
                    fuzzAssert(sameFields(fields, again), "\(fields) written as \(String(reflecting: written)) reads as \(again)")
                } catch {
                    fuzzFail("\(fields) written as \(String(reflecting: written)) is refused: \(error)")
                }
                if !text.unicodeScalars.contains("\"") {
                    let expected = plainSplit(text)
                    fuzzAssert(sameFields(fields, expected), "\(String(reflecting: text)) reads as \(fields), not \(expected)")
                }
                for field in fields.joined() {
                    let scaled = FormulaFile.scaled(field)
                    fuzzAssert(scaled == referenceScaled(field),
                               "\(String(reflecting: field)) scales to \(String(describing: scaled)), not \(String(describing: referenceScaled(field)))")
                }
            } catch {
                checkRefusal(error, files: ["fuzz.csv"], lines: lines)
                fuzzAssert(text.unicodeScalars.contains("\""), "\(String(reflecting: text)) has no quotes but is refused: \(error)")
            }
            do throws(ImportError) {
                _ = try BidFile.csv(text, file: "bids.csv")
            } catch {
                checkRefusal(error, files: ["bids.csv"], lines: lines)
            }
        }
    }
}
