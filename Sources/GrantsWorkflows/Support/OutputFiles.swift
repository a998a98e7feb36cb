import Foundation

/// Writing files a workflow produces.
public enum OutputFiles {
    /// Writes `text` to `path` whole or not at all: into a temporary file beside it, then renamed over it.
    public static func writeAtomically(_ text: String, to path: String) throws(WorkflowError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw WorkflowError(.io, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
