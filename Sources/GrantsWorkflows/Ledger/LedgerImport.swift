import GrantsCore
import GrantsImport

/// Records ledger files (`format: grants-ledger/1`), or folders of them, all or nothing.
public enum LedgerImport {
    /// Reads every file named and records it all in one change, or nothing.
    public static func record(paths: [String], reason: String?, in store: any LedgerStore, by stamp: Stamp)
        throws(WorkflowError) -> RecordOutcome
    {
        let batch: LedgerBatch
        do {
            batch = try LedgerFile.read(paths: paths)
        } catch {
            throw WorkflowError(error)
        }
        return try store.record(batch, by: stamp, because: reason ?? "import of \(paths.joined(separator: ", "))")
    }
}
