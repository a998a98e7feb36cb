import GrantsCore
import GrantsRules

/// A finance officer's decision to award money on a bid, as given: what the award workflow records.
public struct AwardRequest: Sendable {
    /// The bid's id.
    public var bid: String
    /// What is awarded.
    public var amount: Money
    /// The decision reference, such as `2017/81`.
    public var decision: String
    /// The award date.
    public var date: Day
    /// The applicant's bid, as submitted, so it can be checked; without it the check cannot run.
    public var form: BidForm?
    /// Conditions of the award, kept on the award (for the grant register) and in the history.
    public var conditions: String?
    /// What the money is for, for the grant register.
    public var purpose: String?
    /// Why the award is expected to secure or contribute to crime and disorder reduction, for the grant register.
    public var reasons: String?
    /// Why to award although the bid is not eligible (or more than it asked for), kept in the history.
    public var override: String?
    /// Why to award a bid that has an award already (not withdrawn), kept in the history.
    public var again: String?
    /// The fund; by default the stored bid's, or the only fund of the bid's scheme and year.
    public var fund: String?
    /// The CSP allocation to draw on; by default the CSP's only allocation in the fund.
    public var allocation: String?
    /// The award's id; by default `AWD-<bid>`.
    public var id: String?

    /// A request to award `amount` on `bid` under `decision` on `date`.
    public init(
        bid: String, amount: Money, decision: String, date: Day, form: BidForm? = nil, conditions: String? = nil,
        override: String? = nil, fund: String? = nil, allocation: String? = nil, id: String? = nil,
        purpose: String? = nil, reasons: String? = nil, again: String? = nil
    ) {
        self.again = again
        self.bid = bid
        self.amount = amount
        self.decision = decision
        self.date = date
        self.form = form
        self.conditions = conditions
        self.override = override
        self.fund = fund
        self.allocation = allocation
        self.id = id
        self.purpose = purpose
        self.reasons = reasons
    }
}

/// What recording an award did.
public struct AwardResult: Sendable {
    /// The award's id.
    public let awardID: String
    /// The verdict of the bid's check, when it ran.
    public let verdict: Eligibility?
    /// What was written (nothing new when the same award was recorded before).
    public let outcome: RecordOutcome
}
