extension Money {
    /// The largest amount the ledger accepts in any one money field of an entry: £1,000,000,000.00 (a fund's budget,
    /// an allocation or a change to one, a bid, an award, a claim, a payment, what was spent, a repayment, a year of
    /// a contribution, a receipt). A negative change is held to the same size.
    ///
    /// A police and crime commissioner's whole budget is a few hundred million pounds, so no real entry comes near
    /// it; a figure above it is a slip of the keyboard or a broken export, refused at the entry that carries it.
    ///
    /// It also keeps the ledger's totals inside `Int64` pence (at most 9,223,372,036,854,775,807): that is
    /// 92,233,720 amounts at the ceiling, so a sum of one figure per entry overflows only past some 92 million
    /// entries. The ledger does not rely on that count: every figure it adds up is bounded by a fund's budget
    /// (allocations and awards within the fund, payments and claims within the award, returns within what was paid)
    /// or by a contribution's instalments (receipts within them), and the two totals nothing else bounds, every
    /// fund's budget together and every instalment together, are checked as each fund and contribution is recorded.
    /// So no total a report or a check computes from entries the ledger accepted can overflow.
    public static let ledgerCeiling = Money(pence: 100_000_000_000)

    /// Whether the amount, or the size of a negative one, is within `ledgerCeiling`.
    public var isWithinLedgerCeiling: Bool { pence.magnitude <= Money.ledgerCeiling.pence.magnitude }
}
