import Synchronization

#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// What libxlsxwriter printed while a call ran.
///
/// libxlsxwriter reports a failure twice: as a status, and as `[ERROR] …` lines printed to the C `stderr` stream
/// (naming its own source file and our temporary file). Those lines would reach a user of the command line beside our
/// own message, and a web server's log with nobody to read them. ``capture(_:)`` points `stderr` at a memory stream
/// while the call runs, so what the library says becomes part of the error we report instead.
///
/// `stderr` is one stream for the whole process, so captures take turns (a lock), and each lasts only one library
/// call. Swift's own error output (`FileHandle.standardError`) writes to file descriptor 2 and is never caught; nor is
/// swift-log's, which took its `stderr` pointer when it started.
struct LibraryMessages {
    /// Everything the library printed, as it printed it.
    let text: String

    private static let turn = Mutex(())

    /// Runs `call` with the C `stderr` stream caught, and gives back its result and what it printed.
    static func capture<Result>(_ call: () -> Result) -> (Result, LibraryMessages) {
        turn.withLock { _ in
            var buffer: UnsafeMutablePointer<CChar>?
            var size = 0
            guard let stream = open_memstream(&buffer, &size) else { return (call(), LibraryMessages(text: "")) }
            let original = stderr
            stderr = stream
            let result = call()
            stderr = original
            fclose(stream)
            let text = buffer.map { String(cString: $0) } ?? ""
            free(buffer)
            return (result, LibraryMessages(text: text))
        }
    }

    /// The operating system's reason, from the library's `System error = …` (such as "No space left on device"),
    /// if it gave one.
    var systemError: String? {
        let marker = "System error = "
        for line in text.split(separator: "\n").reversed() {
            guard let range = line.range(of: marker) else { continue }
            let reason = line[range.upperBound...].drop { $0 == " " }
            if !reason.isEmpty { return String(reason) }
        }
        return nil
    }
}
