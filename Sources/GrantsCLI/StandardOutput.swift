import Foundation
import GrantsWorkflows

/// Standard output written with write(2), a run of bytes at a time: for output streamed as it is made rather than
/// built into one string first.
struct StandardOutput {
    func write(_ bytes: [UInt8]) throws(WorkflowError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Foundation.write(STDOUT_FILENO, base + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WorkflowError(.io, "cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Copies the file at `path` to standard output, a run of bytes at a time.
    func copy(file path: String) throws(WorkflowError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw WorkflowError(.io, "cannot read back \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WorkflowError(.io, "cannot read back \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { return }
            try write(Array(buffer[0..<count]))
        }
    }
}
