/// Splits an amount by whole-number weights to the penny, so that the parts add up exactly to the whole.
///
/// Each part first gets the floor of its exact share (`total × weight ÷ Σ weights`); the pence left over go one
/// each to the parts with the largest remainders, ties going to the smaller key, so the result never depends on
/// the order the shares were given in. Every part is within a penny of its exact share.
public enum Apportionment {
    /// One share to be apportioned: a stable key (such as an organisation id) and its weight.
    public struct Share: Hashable, Sendable {
        /// Breaks ties between equal remainders, smaller first; keys must be unique.
        public let key: String
        /// A non-negative whole number.
        public let weight: Int64

        /// Creates a share with the key that breaks ties and the weight it is apportioned by.
        public init(key: String, weight: Int64) {
            self.key = key
            self.weight = weight
        }
    }

    /// Why an amount could not be apportioned.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The amount to split is below zero.
        case negativeTotal(Money)
        /// There are no shares to split the amount between.
        case noShares
        /// A share's weight is below zero.
        case negativeWeight(key: String, weight: Int64)
        /// Every weight is zero, so no share of the amount can be worked out.
        case zeroTotalWeight
        /// Two shares have the same key, which would leave ties between them undecided.
        case duplicateKey(String)

        /// The failure in words for the person who set up the split.
        public var description: String {
            switch self {
            case .negativeTotal(let total): "cannot apportion a negative amount (\(total.formatted))"
            case .noShares: "there is nothing to apportion between"
            case .negativeWeight(let key, let weight): "the weight of \(key) is \(weight); weights must be zero or more"
            case .zeroTotalWeight: "the weights add up to zero; at least one must be positive"
            case .duplicateKey(let key): "\(key) is named twice"
            }
        }
    }

    /// Splits `total` between `shares` by weight. The result is in the order the shares were given.
    public static func split(_ total: Money, by shares: [Share]) throws(Failure) -> [(key: String, amount: Money)] {
        if total.isNegative { throw .negativeTotal(total) }
        if shares.isEmpty { throw .noShares }
        var seen = Set<String>()
        var weightSum: Int128 = 0
        for share in shares {
            if share.weight < 0 { throw .negativeWeight(key: share.key, weight: share.weight) }
            if !seen.insert(share.key).inserted { throw .duplicateKey(share.key) }
            weightSum += Int128(share.weight)
        }
        if weightSum == 0 { throw .zeroTotalWeight }

        let whole = Int128(total.pence)
        var floors: [Int128] = []
        var remainders: [Int128] = []
        floors.reserveCapacity(shares.count)
        remainders.reserveCapacity(shares.count)
        var given: Int128 = 0
        for share in shares {
            let product = whole * Int128(share.weight)
            floors.append(product / weightSum)
            remainders.append(product % weightSum)
            given += product / weightSum
        }
        // Fewer than shares.count pence are left: each floor loses less than one penny.
        let leftover = Int(whole - given)
        let order = shares.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            return shares[a].key < shares[b].key
        }
        for index in order.prefix(leftover) {
            floors[index] += 1
        }
        return shares.indices.map { index in
            // Each part is at most the total, so it fits in Int64.
            (key: shares[index].key, amount: Money(pence: Int64(floors[index])))
        }
    }
}
