import GrantsCore

/// The award lines of one fund, or of one CSP within a fund, added up as they are read: how many, and each
/// amount a total carries, in exact pence.
struct LineSums {
    /// The amounts an award line and a total both carry, in the schema's order.
    static let fields = ["awarded", "released", "committed", "paidInPeriod", "paidToDate", "outstanding", "returned"]

    /// How many lines were added.
    private(set) var count = 0
    /// Each field's sum, by its place in `fields`; `nil` once it no longer fits in 64-bit pence.
    private(set) var sums: [Money?] = Array(repeating: Money.zero, count: fields.count)

    /// Adds one line's amounts, by its place in `fields` (`nil` for an amount that could not be read).
    mutating func add(_ amounts: [Money?]) {
        count += 1
        for (index, amount) in amounts.enumerated() where index < sums.count {
            guard let sum = sums[index], let amount else {
                sums[index] = nil
                continue
            }
            sums[index] = try? sum.adding(amount)
        }
    }
}
