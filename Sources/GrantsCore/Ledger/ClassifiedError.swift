/// What kind of failure an error is, so each front end can say it its own way: the command line as a sysexits
/// exit code, the web application as an HTTP status.
public enum FailureKind: String, Sendable {
    /// A check ran and did not pass (an ineligible bid, a year that cannot close): exit 1.
    case checkFailed
    /// The request itself is malformed (an option, a form field): exit 64.
    case usage
    /// The data given or stored is wrong or refused: exit 65.
    case badData
    /// A file or the database could not be read or written: exit 74.
    case io
    /// The database server could not be reached, or went away part way: exit 74, as any I/O failure; the web
    /// application's 503, to come back later.
    case unavailable
}

/// An error that says what kind of failure it is. Every error a workflow can throw conforms, so a front end maps
/// failures to exit codes or statuses in one place.
public protocol ClassifiedError: Error, CustomStringConvertible {
    /// What kind of failure this is.
    var failureKind: FailureKind { get }
}

extension LedgerError: ClassifiedError {
    /// Bad data, unless the database itself failed, or could not be reached.
    public var failureKind: FailureKind { code == .unavailable ? .unavailable : isDataError ? .badData : .io }
}
