import GrantsCore

/// Who is acting, and when: given by the front end, which alone reads the clock. A workflow adds why.
public struct Stamp: Sendable {
    /// Who: a person's or a process's name.
    public let actor: String
    /// When.
    public let at: Timestamp

    /// `actor` acting at `at`.
    public init(actor: String, at: Timestamp) {
        self.actor = actor
        self.at = at
    }

    /// The change record for a step taken for `reason`.
    public func change(_ reason: String) -> Change {
        Change(actor: actor, at: at, reason: reason)
    }
}
