import Foundation

/// The file a return is written to.
///
/// A regular file (or a new one) is written under a temporary name in the same folder and renamed over the
/// destination by `commit()`, so readers never see half a return and a failure leaves the old file as it was.
/// Anything else that exists at the path (a pipe, a device such as `/dev/stdout`, a symbolic link) is written
/// in place. The path is a plain file path, never a URI: no `%` unescaping and no network.
final class OutputFile {
    let path: String
    /// Where the bytes go until `commit()`: a sibling of `path`, or `path` itself.
    private let writingPath: String
    private(set) var file: UnsafeMutablePointer<FILE>?

    init(path: String) throws(XMLReturnError) {
        self.path = path
        var status = stat()
        let exists = lstat(path, &status) == 0
        let inPlace = exists && (status.st_mode & S_IFMT) != S_IFREG
        if inPlace {
            writingPath = path
            file = fopen(path, "wb")
        } else {
            let url = URL(fileURLWithPath: path)
            let name = "." + url.lastPathComponent + "." + UUID().uuidString + ".tmp"
            writingPath = url.deletingLastPathComponent().appendingPathComponent(name).path
            let descriptor = open(writingPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 {
                file = fdopen(descriptor, "wb")
                if file == nil { close(descriptor) }
            }
        }
        if file == nil {
            throw XMLReturnError(.cannotCreate, "could not create the file (\(LibXML.systemError()))", path: path)
        }
    }

    deinit {
        abandon()
    }

    /// Flushes and closes the file, then moves it into place.
    func commit() throws(XMLReturnError) {
        guard let file else { throw XMLReturnError(.writeFailed, "the file is already closed", path: path) }
        self.file = nil
        let flushed = fflush(file) == 0 && ferror(file) == 0
        let flushError = errno
        let closed = fclose(file) == 0
        guard flushed, closed else {
            let reason = LibXML.systemError(flushed ? errno : flushError)
            removeTemporary()
            throw XMLReturnError(.writeFailed, "could not write the file (\(reason))", path: path)
        }
        if writingPath != path && rename(writingPath, path) != 0 {
            let reason = LibXML.systemError()
            removeTemporary()
            throw XMLReturnError(.writeFailed, "could not move the finished file into place (\(reason))", path: path)
        }
    }

    /// Closes the file and removes what was written under the temporary name; the destination is untouched.
    func abandon() {
        if let file {
            fclose(file)
            self.file = nil
            removeTemporary()
        }
    }

    private func removeTemporary() {
        if writingPath != path { unlink(writingPath) }
    }
}
