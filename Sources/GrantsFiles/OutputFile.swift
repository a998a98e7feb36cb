import Foundation
import GrantsCore

/// A file a command writes: a return, a report, a copy of the schema. Every writer goes through this one type.
///
/// The bytes go first to ``writingPath``, a new file nobody else reads. ``commit()`` then puts them where the
/// person asked:
/// - a regular file, or nothing yet at the path: the new file is renamed over it, so readers see the old file or
///   the whole new one, never half of one, and a failure leaves the old file as it was;
/// - a symbolic link: the same, at the file the link points to, so the link stays a link;
/// - anything else, such as a device (`/dev/null`, `/dev/full`) or a named pipe: the bytes are written into it, as
///   `cp` does, and a write error (no space left) is reported. It is never replaced by a regular file.
///
/// The path is a plain file path, never a URI: no `%` unescaping and no network.
public final class OutputFile {
    /// The path as the person gave it, for messages.
    public let path: String
    /// Where a writer puts the bytes until ``commit()``.
    public let writingPath: String
    private let destination: Destination
    private var finished = false

    private enum Destination {
        /// Rename the finished file over this regular file (or new path).
        case replace(String)
        /// Copy the finished bytes into this device or pipe.
        case stream
    }

    /// Prepares to write `path`: refuses a folder or a link to nothing, and makes the new file to write into.
    public init(path: String) throws(OutputFileError) {
        self.path = path
        var status = stat()
        let resolved: String
        if lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK {
            guard let real = realpath(path, nil) else {
                throw OutputFileError(path: path, "it is a symbolic link to \(Self.linkTarget(path)), which does not exist")
            }
            resolved = String(cString: real)
            free(real)
        } else {
            resolved = path
        }
        let exists = stat(resolved, &status) == 0
        let kind = status.st_mode & S_IFMT
        if exists && kind == S_IFDIR { throw OutputFileError(path: path, "it is a folder; name a file") }
        if !exists || kind == S_IFREG {
            destination = .replace(resolved)
            let folder = (resolved as NSString).deletingLastPathComponent
            writingPath = try Self.makeTemporaryFile(in: folder.isEmpty ? "." : folder, for: path)
            // A file replaced keeps its permissions.
            if exists { chmod(writingPath, status.st_mode & 0o7777) }
        } else {
            destination = .stream
            writingPath = try Self.makeTemporaryFile(in: NSTemporaryDirectory(), for: path)
        }
    }

    deinit {
        abandon()
    }

    /// Puts the finished bytes at the path: renamed over a regular file, or written into anything else.
    public func commit() throws(OutputFileError) {
        guard !finished else { throw OutputFileError(path: path, "the file was already written") }
        finished = true
        defer { unlink(writingPath) }
        switch destination {
        case .replace(let target):
            guard rename(writingPath, target) == 0 else {
                throw OutputFileError(path: path, "could not move the finished file into place (\(Self.systemError()))")
            }
        case .stream:
            try copyIntoPath()
        }
    }

    /// Removes what was written; the path is left as it was.
    public func abandon() {
        guard !finished else { return }
        finished = true
        unlink(writingPath)
    }

    /// Writes `bytes` to `path` whole or not at all (or into a device or pipe).
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(OutputFileError) {
        let file = try OutputFile(path: path)
        do {
            try file.writeAll(Array(bytes))
            try file.commit()
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Writes `text` as UTF-8 to `path` whole or not at all (or into a device or pipe).
    public static func write(_ text: String, to path: String) throws(OutputFileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Writes into the new file a run of bytes at a time, for output made as it is streamed; nothing is put in
    /// place until ``commit()``. A write that fails is kept and thrown by ``finish()``, and later writes are dropped,
    /// so a writer that cannot throw can still stream into it.
    public final class Appender {
        private let descriptor: Int32
        private let path: String
        private var buffer: [UInt8] = []
        private var failure: OutputFileError?

        fileprivate init(_ file: OutputFile) throws(OutputFileError) {
            path = file.path
            descriptor = open(file.writingPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard descriptor >= 0 else { throw OutputFileError(path: file.path, "could not write (\(OutputFile.systemError()))") }
            buffer.reserveCapacity(1 << 16)
        }

        private var closed = false

        deinit {
            if !closed { close(descriptor) }
        }

        /// Adds `bytes` to what is written.
        public func write(_ bytes: some Collection<UInt8>) {
            guard failure == nil else { return }
            buffer.append(contentsOf: bytes)
            if buffer.count >= 1 << 16 { flush() }
        }

        /// Writes what is buffered, and throws the first failure of any write.
        public func finish() throws(OutputFileError) {
            flush()
            if !closed {
                closed = true
                if close(descriptor) != 0, failure == nil {
                    failure = OutputFileError(path: path, "could not write (\(OutputFile.systemError()))")
                }
            }
            if let failure { throw failure }
        }

        private func flush() {
            guard failure == nil, !buffer.isEmpty else { return }
            do {
                try OutputFile.writeAll(buffer[...], to: descriptor, path: path)
            } catch {
                failure = error
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Something to stream the new file's bytes into.
    public func appender() throws(OutputFileError) -> Appender {
        try Appender(self)
    }

    // MARK: - Bytes

    private func writeAll(_ bytes: [UInt8]) throws(OutputFileError) {
        let descriptor = open(writingPath, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFileError(path: path, "could not write (\(Self.systemError()))") }
        defer { close(descriptor) }
        try Self.writeAll(bytes[...], to: descriptor, path: path)
    }

    /// Copies the finished file into the device or pipe at the path, reporting the first error.
    private func copyIntoPath() throws(OutputFileError) {
        let source = open(writingPath, O_RDONLY | O_CLOEXEC)
        guard source >= 0 else { throw OutputFileError(path: path, "could not read back what was written (\(Self.systemError()))") }
        defer { close(source) }
        let target = open(path, O_WRONLY | O_CLOEXEC)
        guard target >= 0 else { throw OutputFileError(path: path, "could not open it to write (\(Self.systemError()))") }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0 {
                close(target)
                throw OutputFileError(path: path, "could not read back what was written (\(Self.systemError()))")
            }
            if count == 0 { break }
            do {
                try Self.writeAll(buffer[..<count], to: target, path: path)
            } catch {
                close(target)
                throw error
            }
        }
        guard close(target) == 0 else { throw OutputFileError(path: path, "could not write (\(Self.systemError()))") }
    }

    fileprivate static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws(OutputFileError) {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(path: path, "could not write (\(systemError()))")
            }
            offset += written
        }
    }

    // MARK: - Helpers

    /// A new, empty, uniquely named file in `folder`, hidden from directory listings by its leading dot.
    private static func makeTemporaryFile(in folder: String, for path: String) throws(OutputFileError) -> String {
        let name = "." + (path as NSString).lastPathComponent + "." + UUID().uuidString + ".tmp"
        let temporary = (folder as NSString).appendingPathComponent(name)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw OutputFileError(path: path, "could not create a file in \(folder) (\(systemError()))")
        }
        close(descriptor)
        return temporary
    }

    private static func linkTarget(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "a missing file"
    }

    /// The C library's words for the last error: "No space left on device".
    public static func systemError(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

/// Why a file could not be written: the path as given, and what happened, in words (never an error domain or
/// number). Nothing is left at the path on a failure.
public struct OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as the person gave it.
    public let path: String
    /// What happened.
    public let message: String

    /// A failure to write `path`.
    public init(path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `cannot write PATH: message`.
    public var description: String { "cannot write \(path): \(message)" }
}

extension OutputFileError: ClassifiedError {
    /// Always a failure to write (exit 74).
    public var failureKind: FailureKind { .io }
}
