import CXlsxWriter

/// Reads a finished workbook back and says whether every part of it is whole.
///
/// libxlsxwriter writes each part (a sheet's XML, the shared strings) to a temporary file, then copies that file into
/// the zip. It does not check those writes: when the temporary folder's disk is full, or a file-size limit is reached,
/// a part is cut short, the zip is made from what was written, and `workbook_close` reports success. Excel then
/// refuses the file, or opens a sheet with rows missing. So before a workbook is put in place, each part is inflated,
/// its CRC compared, and each XML part must end with its root element's end tag, which libxlsxwriter writes last.
enum WorkbookCheck {
    /// What is wrong with the zip in `bytes`, or nil if every part is whole.
    static func problem(in bytes: [UInt8]) -> String? {
        guard let directory = centralDirectory(bytes) else { return "it is not a whole zip file" }
        var offset = directory.offset
        for _ in 0..<directory.count {
            guard let entry = Entry(bytes, at: offset) else { return "its list of parts is cut short" }
            if let problem = entry.problem(in: bytes) { return "its part \(entry.name) \(problem)" }
            offset = entry.next
        }
        return nil
    }

    /// Where the central directory starts and how many entries it lists, from the end-of-central-directory record.
    private static func centralDirectory(_ bytes: [UInt8]) -> (offset: Int, count: Int)? {
        guard bytes.count >= 22 else { return nil }
        var start = bytes.count - 22
        let earliest = max(0, bytes.count - 22 - 0xFFFF)
        while start >= earliest {
            if uint32(bytes, start) == 0x0605_4B50 {
                return (Int(uint32(bytes, start + 16)), Int(uint16(bytes, start + 10)))
            }
            start -= 1
        }
        return nil
    }

    /// One central-directory entry: a part's name, how it is stored, and where its data is.
    private struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeader: Int
        /// Where the next central-directory entry starts.
        let next: Int

        init?(_ bytes: [UInt8], at offset: Int) {
            guard offset >= 0, offset + 46 <= bytes.count, uint32(bytes, offset) == 0x0201_4B50 else { return nil }
            method = uint16(bytes, offset + 10)
            crc = uint32(bytes, offset + 16)
            compressedSize = Int(uint32(bytes, offset + 20))
            size = Int(uint32(bytes, offset + 24))
            let nameLength = Int(uint16(bytes, offset + 28))
            let extra = Int(uint16(bytes, offset + 30)) + Int(uint16(bytes, offset + 32))
            localHeader = Int(uint32(bytes, offset + 42))
            guard offset + 46 + nameLength <= bytes.count else { return nil }
            name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            next = offset + 46 + nameLength + extra
        }

        func problem(in bytes: [UInt8]) -> String? {
            let header = localHeader
            guard header + 30 <= bytes.count, uint32(bytes, header) == 0x0403_4B50 else { return "is missing" }
            let start = header + 30 + Int(uint16(bytes, header + 26)) + Int(uint16(bytes, header + 28))
            guard start + compressedSize <= bytes.count else { return "is cut short" }
            let stored = bytes[start..<(start + compressedSize)]
            guard let content = method == 0 ? Array(stored) : method == 8 ? inflate(stored, size: size) : nil else {
                return "cannot be read back"
            }
            guard content.count == size, checksum(content) == crc else { return "does not match its checksum" }
            guard name.hasSuffix(".xml") || name.hasSuffix(".rels") else { return nil }
            guard let root = rootName(content), endsWith(content, "</\(root)>") else { return "was cut short" }
            return nil
        }
    }

    private static func inflate(_ compressed: ArraySlice<UInt8>, size: Int) -> [UInt8]? {
        var output = [UInt8](repeating: 0, count: size)
        var input = Array(compressed)
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
        defer { inflateEnd(&stream) }
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CXlsxWriter.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, stream.total_out == size else { return nil }
        return output
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    /// The name of the first element, after the XML declaration.
    private static func rootName(_ content: [UInt8]) -> String? {
        var index = 0
        while index < content.count {
            if content[index] == UInt8(ascii: "<"), index + 1 < content.count,
               content[index + 1] != UInt8(ascii: "?"), content[index + 1] != UInt8(ascii: "!")
            {
                var end = index + 1
                while end < content.count, ![UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "/"),
                                              UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(content[end]) {
                    end += 1
                }
                return end > index + 1 ? String(decoding: content[(index + 1)..<end], as: UTF8.self) : nil
            }
            index += 1
        }
        return nil
    }

    /// Whether `content` ends with `suffix`, after any trailing white space.
    private static func endsWith(_ content: [UInt8], _ suffix: String) -> Bool {
        var end = content.count
        while end > 0, [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(content[end - 1]) { end -= 1 }
        let tail = Array(suffix.utf8)
        return end >= tail.count && Array(content[(end - tail.count)..<end]) == tail
    }

    private static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
