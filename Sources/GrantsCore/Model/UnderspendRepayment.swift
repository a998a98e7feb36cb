/// An underspend repayment: money paid on an award that the recipient did not spend and handed back.
///
/// Ledger files call the section `underspend_returns` and the history calls the kind `underspend-return`: those are
/// file formats and stay as shipped. In the code, "return" means only the spend return for commissioners.
public struct UnderspendRepayment: Hashable, Sendable {
    /// The repayment's id, unique among underspend repayments.
    public let id: String
    /// The id of the award the money was paid on.
    public let award: String
    /// The amount handed back.
    public let amount: Money
    /// The day it was received.
    public let date: Day
    /// Why the money was not spent, when the recipient said.
    public let reason: String?

    /// Creates the repayment of unspent money on an award.
    public init(id: String, award: String, amount: Money, date: Day, reason: String? = nil) {
        self.id = id
        self.award = award
        self.amount = amount
        self.date = date
        self.reason = reason
    }
}
