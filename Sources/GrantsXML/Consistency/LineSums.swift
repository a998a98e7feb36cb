import GrantsCore

/// The award lines of one fund, or of one CSP within a fund, added up as they are read: how many, and each
/// amount a total carries, in exact pence.
struct LineSums {
    /// How many lines were added.
    private(set) var count = 0
    /// Each amount's sum, by its place in `ReturnField.amounts`; `nil` once it no longer fits in 64-bit pence.
    private(set) var sums: [Money?] = Array(repeating: Money.zero, count: ReturnField.amounts.count)

    /// Adds one line's amounts, by their place in `ReturnField.amounts` (`nil` for one that could not be read).
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
