import Foundation
import GrantsCore
import GrantsImport
import GrantsStore
import GrantsTestSupport

/// Helpers for reading back the workbooks the tests write.
enum WorkbookSupport {
    /// One part of the XLSX (a zip), as text, read with `unzip -p`.
    static func part(_ name: String, of file: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", file, name]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("unzip -p \(file) \(name) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Every cell of a sheet by reference (`S2`): its style index, type (`inlineStr` for text, which the workbook
    /// holds in the cell itself as it is written in constant memory; nil for a number), value text (the text itself
    /// for a text cell), and whether it holds a formula.
    struct CellXML: Equatable {
        let style: Int?
        let type: String?
        let value: String
        let hasFormula: Bool

        /// The cell's text, if it is a text cell.
        var text: String? { type == "inlineStr" ? value : nil }
    }

    static func cells(_ sheet: String, of file: String) throws -> [String: CellXML] {
        let xml = try part("xl/worksheets/\(sheet).xml", of: file)
        var result: [String: CellXML] = [:]
        for match in xml.matches(of: /<c r="([A-Z]+[0-9]+)"([^>]*?)(\/>|>(.*?)<\/c>)/) {
            let attributes = String(match.output.2)
            let body = match.output.4.map(String.init) ?? ""
            let style = attributes.firstMatch(of: /s="([0-9]+)"/).flatMap { Int($0.output.1) }
            let type = attributes.firstMatch(of: /t="([A-Za-z]+)"/).map { String($0.output.1) }
            let value = type == "inlineStr"
                ? body.firstMatch(of: /<is><t[^>]*>([^<]*)<\/t><\/is>/).map { unescape(String($0.output.1)) } ?? ""
                : body.firstMatch(of: /<v>([^<]*)<\/v>/).map { String($0.output.1) } ?? ""
            result[String(match.output.1)] = CellXML(
                style: style, type: type, value: value, hasFormula: body.contains("<f"))
        }
        return result
    }

    /// The number format code of a cell style index (`cellXfs` entry → `numFmtId` → `numFmt` formatCode).
    static func numberFormat(style: Int, of file: String) throws -> String? {
        let xml = try part("xl/styles.xml", of: file)
        guard let cellXfs = xml.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/) else { return nil }
        let xfs = String(cellXfs.output.1).matches(of: /<xf [^>]*?numFmtId="([0-9]+)"/).map { String($0.output.1) }
        guard style < xfs.count else { return nil }
        let id = xfs[style]
        for match in xml.matches(of: /<numFmt numFmtId="([0-9]+)" formatCode="([^"]*)"/) where match.output.1 == id {
            return unescape(String(match.output.2))
        }
        return nil
    }

    /// 1980-01-01 as a zip (MS-DOS) date: (year - 1980) << 9 | month << 5 | day.
    static let dosDate1980January1: UInt16 = 0 << 9 | 1 << 5 | 1

    /// The MS-DOS date and time of every entry of a zip, read from the central directory (found through the end of
    /// central directory record) and from the local header each central entry points to: two stamps an entry.
    static func zipEntryTimes(_ zip: Data) throws -> [(name: String, date: UInt16, time: UInt16)] {
        let bytes = [UInt8](zip)
        func u16(_ at: Int) throws -> UInt16 {
            guard at >= 0, at + 2 <= bytes.count else { throw Failure("zip: offset \(at) is past the end") }
            return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
        }
        func u32(_ at: Int) throws -> UInt32 { UInt32(try u16(at)) | UInt32(try u16(at + 2)) << 16 }
        // The end of central directory record: 22 bytes, then a comment of at most 65,535 bytes.
        guard let end = stride(from: bytes.count - 22, through: max(0, bytes.count - 22 - 65_535), by: -1)
            .first(where: { (try? u32($0)) == 0x0605_4B50 })
        else { throw Failure("zip: no end of central directory record") }
        let entries = Int(try u16(end + 10))
        var at = Int(try u32(end + 16))
        var stamps: [(name: String, date: UInt16, time: UInt16)] = []
        for _ in 0..<entries {
            guard try u32(at) == 0x0201_4B50 else { throw Failure("zip: no central directory entry at \(at)") }
            let nameLength = Int(try u16(at + 28))
            let name = String(decoding: bytes[(at + 46)..<min(bytes.count, at + 46 + nameLength)], as: UTF8.self)
            stamps.append((name, try u16(at + 14), try u16(at + 12)))
            let local = Int(try u32(at + 42))
            guard try u32(local) == 0x0403_4B50 else { throw Failure("zip: no local header for \(name) at \(local)") }
            stamps.append((name, try u16(local + 12), try u16(local + 10)))
            at += 46 + nameLength + Int(try u16(at + 30)) + Int(try u16(at + 32))
        }
        return stamps
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension WorkbookSupport {
    /// Whether a cell style index uses a bold font.
    static func isBold(style: Int, of file: String) throws -> Bool {
        let xml = try part("xl/styles.xml", of: file)
        guard let fonts = xml.firstMatch(of: /<fonts[^>]*>(.*?)<\/fonts>/),
              let cellXfs = xml.firstMatch(of: /<cellXfs[^>]*>(.*?)<\/cellXfs>/) else { return false }
        let fontList = String(fonts.output.1).matches(of: /<font>(.*?)<\/font>/).map { String($0.output.1) }
        let fontIDs = String(cellXfs.output.1).matches(of: /<xf [^>]*?fontId="([0-9]+)"/).compactMap { Int($0.output.1) }
        guard style < fontIDs.count, fontIDs[style] < fontList.count else { return false }
        return fontList[fontIDs[style]].contains("<b/>")
    }

    /// The row number (1-based) whose column A holds `text`.
    static func row(withText text: String, in cells: [String: CellXML]) -> Int? {
        for (reference, cell) in cells where reference.hasPrefix("A") && cell.text == text {
            return Int(reference.dropFirst())
        }
        return nil
    }
}

extension WorkbookSupport {
    /// The attributes of the first `<element …>` in `xml`, unescaped.
    static func attributes(of element: String, in xml: String) -> [String: String]? {
        guard let start = xml.range(of: "<\(element) "), let end = xml[start.upperBound...].firstIndex(of: ">") else {
            return nil
        }
        var result: [String: String] = [:]
        for match in xml[start.upperBound..<end].matches(of: /([A-Za-z:]+)="([^"]*)"/) {
            result[String(match.output.1)] = unescape(String(match.output.2))
        }
        return result
    }

    /// A sheet's printed header and footer (`oddHeader`, `oddFooter`), unescaped, in Excel's codes.
    static func headerFooter(in xml: String) -> (header: String, footer: String)? {
        guard let header = xml.firstMatch(of: /<oddHeader>([^<]*)<\/oddHeader>/),
              let footer = xml.firstMatch(of: /<oddFooter>([^<]*)<\/oddFooter>/)
        else { return nil }
        return (unescape(String(header.output.1)), unescape(String(footer.output.1)))
    }
}
