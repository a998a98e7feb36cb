import GrantsFiles

/// Writing files a workflow produces.
public enum OutputFiles {
    /// Writes `text` to `path` whole or not at all (or into a device or pipe): see `OutputFile`.
    public static func write(_ text: String, to path: String) throws(WorkflowError) {
        do {
            try OutputFile.write(text, to: path)
        } catch {
            throw WorkflowError(error)
        }
    }
}
