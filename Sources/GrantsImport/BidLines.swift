import Foundation
import GrantsCore
import GrantsRules

/// A JSON Lines file of bids read a chunk of whole lines at a time, so that a file of any size is checked in the same
/// memory. Each chunk holds up to about `chunkSize` bytes of complete lines; a line may be as long as a bid file
/// (`BidFile.maximumSingleBidSize`).
public final class BidLines {
    /// The file, as errors name it.
    public let file: String
    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var nextLine = 1
    private var ended = false
    private let chunkSize: Int

    /// Opens `file` for reading; a folder, or a file that cannot be opened, is refused with the reason in words.
    public init(file: String, chunkSize: Int = 1 << 20) throws(ImportError) {
        self.file = file
        self.chunkSize = chunkSize
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SourceFile.failure(file, errno) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw ImportError(.io, file: file, line: 0, field: "", "is a folder, not a file")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// A run of whole lines: `bytes` and where each non-blank line lies in it, with its line number in the file.
    public struct Chunk: Sendable {
        public let bytes: [UInt8]
        public let lines: [(range: Range<Int>, number: Int)]
    }

    /// The next chunk, or `nil` at the end of the file.
    public func next() throws(ImportError) -> Chunk? {
        while !ended && (pending.count < chunkSize || pending.lastIndex(of: UInt8(ascii: "\n")) == nil) {
            let start = pending.count
            pending.reserveCapacity(start + chunkSize)
            var scratch = [UInt8](repeating: 0, count: chunkSize)
            let count = scratch.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SourceFile.failure(file, errno)
            }
            if count == 0 {
                ended = true
                break
            }
            pending.append(contentsOf: scratch[..<count])
            if pending.lastIndex(of: UInt8(ascii: "\n")) == nil && pending.count > BidFile.maximumSingleBidSize {
                throw ImportError(
                    .io, file: file, line: nextLine, field: "",
                    "the line is over \(BidFile.maximumSingleBidSize / 1_048_576) MiB; a bid is a few KiB")
            }
        }
        if nextLine == 1 && pending.starts(with: [0xEF, 0xBB, 0xBF]) { pending.removeFirst(3) }
        if pending.isEmpty { return nil }
        // Whole lines only, unless the file ends without a line break.
        let cut = ended ? pending.count : (pending.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? pending.count)
        let bytes = Array(pending[..<cut])
        pending.removeFirst(cut)
        var lines: [(range: Range<Int>, number: Int)] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            if end - start > BidFile.maximumSingleBidSize {
                throw ImportError(
                    .io, file: file, line: nextLine, field: "",
                    "the line is over \(BidFile.maximumSingleBidSize / 1_048_576) MiB; a bid is a few KiB")
            }
            if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) {
                lines.append((start..<end, nextLine))
            }
            start = end + 1
            nextLine += 1
        }
        return Chunk(bytes: bytes, lines: lines)
    }

    /// The bid on one line of a chunk: its text must be UTF-8 without NUL, and a grants-bid/1 document.
    public static func bid(_ chunk: Chunk, line index: Int, file: String) throws(ImportError) -> BidForm {
        let (range, number) = chunk.lines[index]
        let text = chunk.bytes[range]
        if text.contains(0) {
            throw ImportError(file: file, line: number, field: "", "holds a NUL byte; it is not a text file")
        }
        if String(validating: text, as: UTF8.self) == nil {
            throw ImportError(file: file, line: number, field: "", "is not UTF-8 text")
        }
        let node = try JSONParser.parse(chunk.bytes, range: range, file: file, firstLine: number)
        return try BidFile.bid(from: node, file: file, formatRequired: false).value
    }
}
