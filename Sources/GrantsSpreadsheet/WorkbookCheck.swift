import CXlsxWriter

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
        problem(in: InMemory(bytes: bytes))
    }

    /// What is wrong with the zip file at `path`, or nil if every part is whole. The file is read a run of bytes at
    /// a time and each part inflated through a fixed buffer, so a workbook of any size is checked in the same memory.
    static func problem(inFile path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot be read back (\(String(cString: strerror(errno))))" }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return "cannot be read back (\(String(cString: strerror(errno))))" }
        return problem(in: OnDisk(descriptor: descriptor, size: Int(status.st_size)))
    }

    /// Where the zip's bytes are read from.
    private protocol Source {
        var size: Int { get }
        /// The bytes in `range`, or nil when they are not all there.
        func bytes(_ range: Range<Int>) -> [UInt8]?
    }

    private struct InMemory: Source {
        let bytes: [UInt8]
        var size: Int { bytes.count }
        func bytes(_ range: Range<Int>) -> [UInt8]? {
            range.lowerBound >= 0 && range.upperBound <= bytes.count ? Array(bytes[range]) : nil
        }
    }

    private struct OnDisk: Source {
        let descriptor: Int32
        let size: Int
        func bytes(_ range: Range<Int>) -> [UInt8]? {
            guard range.lowerBound >= 0, range.upperBound <= size else { return nil }
            var result = [UInt8](repeating: 0, count: range.count)
            var done = 0
            while done < range.count {
                let count = result.withUnsafeMutableBytes { raw in
                    pread(descriptor, raw.baseAddress.map { $0 + done }, raw.count - done, off_t(range.lowerBound + done))
                }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return nil }
                done += count
            }
            return result
        }
    }

    private static func problem(in source: some Source) -> String? {
        guard let directory = centralDirectory(source) else { return "it is not a whole zip file" }
        var offset = directory.offset
        for _ in 0..<directory.count {
            guard let entry = Entry(source, at: offset) else { return "its list of parts is cut short" }
            if let problem = entry.problem(in: source) { return "its part \(entry.name) \(problem)" }
            offset = entry.next
        }
        return nil
    }

    /// The offset and number of entries of the zip's central directory, from its end record.
    private static func centralDirectory(_ source: some Source) -> (offset: Int, count: Int)? {
        guard source.size >= 22 else { return nil }
        let earliest = max(0, source.size - 22 - 0xFFFF)
        guard let tail = source.bytes(earliest..<source.size) else { return nil }
        var start = tail.count - 22
        while start >= 0 {
            if uint32(tail, start) == 0x0605_4B50 {
                return (Int(uint32(tail, start + 16)), Int(uint16(tail, start + 10)))
            }
            start -= 1
        }
        return nil
    }

    private struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedSize: Int
        let size: Int
        let localHeader: Int
        let next: Int

        init?(_ source: some Source, at offset: Int) {
            guard offset >= 0, let bytes = source.bytes(offset..<(offset + 46)), uint32(bytes, 0) == 0x0201_4B50 else {
                return nil
            }
            method = uint16(bytes, 10)
            crc = uint32(bytes, 16)
            compressedSize = Int(uint32(bytes, 20))
            size = Int(uint32(bytes, 24))
            let nameLength = Int(uint16(bytes, 28))
            let extra = Int(uint16(bytes, 30)) + Int(uint16(bytes, 32))
            localHeader = Int(uint32(bytes, 42))
            guard let nameBytes = source.bytes((offset + 46)..<(offset + 46 + nameLength)) else { return nil }
            name = String(decoding: nameBytes, as: UTF8.self)
            next = offset + 46 + nameLength + extra
        }

        func problem(in source: some Source) -> String? {
            guard let header = source.bytes(localHeader..<(localHeader + 30)), uint32(header, 0) == 0x0403_4B50 else {
                return "is missing"
            }
            let start = localHeader + 30 + Int(uint16(header, 26)) + Int(uint16(header, 28))
            guard start + compressedSize <= source.size else { return "is cut short" }
            var digest = PartDigest()
            switch method {
            case 0:
                var offset = start
                while offset < start + compressedSize {
                    let end = min(offset + chunk, start + compressedSize)
                    guard let run = source.bytes(offset..<end) else { return "cannot be read back" }
                    digest.add(run[...])
                    offset = end
                }
            case 8:
                guard inflate(source, start..<(start + compressedSize), into: &digest) else { return "cannot be read back" }
            default:
                return "cannot be read back"
            }
            guard digest.count == size, digest.crc == crc else { return "does not match its checksum" }
            guard name.hasSuffix(".xml") || name.hasSuffix(".rels") else { return nil }
            guard let root = rootName(digest.head), endsWith(digest.tail, "</\(root)>") else { return "was cut short" }
            return nil
        }
    }

    /// How much of a part is read, or inflated, at a time.
    private static let chunk = 1 << 16

    /// What the check needs of a part's content, taken as it is inflated: its length, its CRC, its first bytes (for
    /// the root element's name) and its last (for the end tag).
    private struct PartDigest {
        private(set) var count = 0
        private(set) var crc: UInt32 = 0
        private(set) var head: [UInt8] = []
        private(set) var tail: [UInt8] = []

        mutating func add(_ bytes: ArraySlice<UInt8>) {
            count += bytes.count
            crc = bytes.withUnsafeBufferPointer { buffer in
                UInt32(crc32(uLong(crc), buffer.baseAddress, uInt(buffer.count)))
            }
            if head.count < 4096 { head += bytes.prefix(4096 - head.count) }
            tail += bytes.suffix(512)
            if tail.count > 512 { tail.removeFirst(tail.count - 512) }
        }
    }

    /// Inflates the raw deflate stream in `range` through a fixed buffer into `digest`; false if it is not a whole
    /// stream.
    private static func inflate(_ source: some Source, _ range: Range<Int>, into digest: inout PartDigest) -> Bool {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return false
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: chunk)
        var offset = range.lowerBound
        while offset < range.upperBound {
            let end = min(offset + chunk, range.upperBound)
            guard var input = source.bytes(offset..<end) else { return false }
            offset = end
            // Inflate this run of input through the buffer until all of it is taken and no output is pending.
            var status = Z_OK
            input.withUnsafeMutableBufferPointer { run in
                stream.next_in = run.baseAddress
                stream.avail_in = uInt(run.count)
                repeat {
                    let produced: Int = output.withUnsafeMutableBufferPointer { target in
                        stream.next_out = target.baseAddress
                        stream.avail_out = uInt(target.count)
                        status = CXlsxWriter.inflate(&stream, Z_NO_FLUSH)
                        return target.count - Int(stream.avail_out)
                    }
                    digest.add(output[0..<produced])
                } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            }
            if status == Z_STREAM_END { return offset == range.upperBound && stream.avail_in == 0 }
            guard status == Z_OK || status == Z_BUF_ERROR else { return false }
        }
        return false
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
