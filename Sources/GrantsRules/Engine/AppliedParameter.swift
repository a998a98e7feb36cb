import GrantsCore

/// A parameter value a rule applied: its name, value, the day it applies from and where it comes from.
public struct AppliedParameter: Hashable, Sendable {
    /// The parameter's name in the rulebook.
    public let name: String
    /// The value in force on the day the bid was checked as of.
    public let value: ParameterValue
    /// The first day that value is in force.
    public let from: Day
    /// The published text the value comes from.
    public let reference: String
    /// The value as people read it, made once when the value is resolved rather than for every bid.
    public let display: String

    /// Records a parameter value as a rule applied it, and renders it for people once.
    public init(name: String, value: ParameterValue, from: Day, reference: String) {
        self.name = name
        self.value = value
        self.from = from
        self.reference = reference
        self.display = value.display
    }
}
