import GrantsCore
import GrantsRules

/// Why a workflow refused or failed. Nothing is recorded when it is thrown.
///
/// It carries the kind of failure (for the exit code or HTTP status), the message, and, when a bid's check is what
/// refused an award, the verdict, so the front end can show every rule.
public struct WorkflowError: ClassifiedError, Sendable {
    /// What kind of failure this is.
    public let failureKind: FailureKind
    /// What went wrong, with what to do.
    public let message: String
    /// The eligibility verdict behind a refused award, when there is one.
    public let verdict: Eligibility?

    /// A failure of this kind.
    public init(_ kind: FailureKind, _ message: String, verdict: Eligibility? = nil) {
        self.failureKind = kind
        self.message = message
        self.verdict = verdict
    }

    /// The failure of a library below, kept as it said it.
    public init(_ error: some ClassifiedError) {
        if let error = error as? WorkflowError {
            self = error
        } else {
            self.init(error.failureKind, error.description)
        }
    }

    /// The message.
    public var description: String { message }

    /// A total that does not fit in 64-bit pence: the figures cannot be shown.
    public static func cannotTotal(_ error: MoneyError) -> WorkflowError {
        WorkflowError(.badData, "cannot total the figures: \(error)")
    }

    static func usage(_ message: String) -> WorkflowError { WorkflowError(.usage, message) }
    static func badData(_ message: String) -> WorkflowError { WorkflowError(.badData, message) }
    static func checkFailed(_ message: String, verdict: Eligibility? = nil) -> WorkflowError {
        WorkflowError(.checkFailed, message, verdict: verdict)
    }
}

/// Runs `body`, turning the ledger's refusal into a workflow error.
func reading<T>(_ body: () throws(LedgerError) -> T) throws(WorkflowError) -> T {
    do {
        return try body()
    } catch {
        throw WorkflowError(error)
    }
}

extension LedgerStore {
    /// Records `batch` as one change by `stamp` for `reason`, all or nothing, turning a refusal into a workflow error.
    func record(_ batch: LedgerBatch, by stamp: Stamp, because reason: String) throws(WorkflowError) -> RecordOutcome {
        try reading { () throws(LedgerError) in try record(batch, as: stamp.change(reason)) }
    }
}
