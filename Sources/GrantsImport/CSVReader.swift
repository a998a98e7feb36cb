/// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), keeping each record's line.
package enum CSVReader {
    package struct Record {
        package let line: Int
        package let fields: [String]
    }

    package static func records(_ text: String, file: String) throws(ImportError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterQuote = false
        var line = 1
        var recordLine = 1
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        // A byte-order mark at the start is Excel's, not data.
        if text.unicodeScalars.first == "\u{FEFF}" { _ = iterator.next() }
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        inQuotes = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r":
                continue
            case "\n":
                endRecord()
                afterQuote = false
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty, !afterQuote else {
                    throw ImportError(file: file, line: line, field: "", "a quote inside an unquoted field; quote the whole field")
                }
                inQuotes = true
            default:
                if afterQuote {
                    throw ImportError(file: file, line: line, field: "", "text after a closing quote; expected , or a new line")
                }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw ImportError(file: file, line: recordLine, field: "", "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
