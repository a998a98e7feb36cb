import Synchronization

/// Values made from the ledger, each kept under a key with the ledger version (`LedgerStore.latestChange`) it was
/// made at, and made again once the version differs. A value made for an older version is replaced; one made for a
/// newer version, by a caller that read the ledger later, is kept. Read the version before making the value, so
/// that a value is never older than the version it is kept under.
public final class VersionedCache<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        let version: Int64
        let value: Value
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// The value kept under `key` if it was made at `version`; otherwise one made now by `make`.
    public func value<Failure: Error>(_ key: String, version: Int64, make: () throws(Failure) -> Value)
        throws(Failure) -> Value
    {
        if let entry = entries.withLock({ $0[key] }), entry.version == version { return entry.value }
        let value = try make()
        entries.withLock { entries in
            if (entries[key]?.version ?? Int64.min) < version { entries[key] = Entry(version: version, value: value) }
        }
        return value
    }
}
