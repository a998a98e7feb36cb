import Foundation
import GrantsCore

/// Reading an input file: its bytes within a size limit, and its text, with errors that say what happened to which
/// file (and on which line), never a Foundation error domain or number.
enum SourceFile {
    /// The largest file read at all.
    static let maximumSize = 256 * 1024 * 1024

    /// The file's bytes; refused past `limit` (`why` says what to do), when it is a folder, or cannot be read.
    static func bytes(of file: String, limit: Int = maximumSize, why: String = "split it") throws(ImportError) -> [UInt8] {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(file, errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure(file, errno) }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw ImportError(.io, file: file, line: 0, field: "", "is a folder, not a file")
        }
        if Int(status.st_size) > limit {
            throw ImportError(.io, file: file, line: 0, field: "", "the file is over \(limit / 1_048_576) MiB; \(why)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(file, errno)
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit {
                throw ImportError(.io, file: file, line: 0, field: "", "the file is over \(limit / 1_048_576) MiB; \(why)")
            }
        }
        return bytes
    }

    /// The file's text, which must be UTF-8 (a leading byte-order mark is dropped) without NUL: otherwise an error
    /// naming the line of the first byte at fault.
    static func text(of file: String) throws(ImportError) -> String {
        try text(try bytes(of: file), file: file)
    }

    /// `bytes` as text; see `text(of:)`.
    static func text(_ bytes: [UInt8], file: String) throws(ImportError) -> String {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ImportError(file: file, line: 1, field: "", "the file is UTF-16 text; save it as UTF-8")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw ImportError(file: file, line: line(of: nul, in: bytes), field: "", "holds a NUL byte; it is not a text file")
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw ImportError(file: file, line: line(of: firstInvalidUTF8(body), in: bytes), field: "", "is not UTF-8 text")
        }
        return text
    }

    /// The 1-based line of the byte at `index`.
    private static func line(of index: Int, in bytes: [UInt8]) -> Int {
        bytes[..<index].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    }

    /// Where the first byte that does not decode as UTF-8 is.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var index = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
            case .emptyInput:
                return bytes.endIndex
            case .error:
                return index
            }
        }
    }

    /// An I/O error in words: "Too many levels of symbolic links", "Permission denied".
    static func failure(_ file: String, _ code: Int32) -> ImportError {
        if code == ENOENT { return ImportError(.io, file: file, line: 0, field: "", "no such file") }
        return ImportError(.io, file: file, line: 0, field: "", "cannot read the file: \(String(cString: strerror(code)))")
    }
}
