import GrantsTestSupport
import Testing
@testable import GrantsCore

@Suite struct ApportionmentTests {
    typealias Share = Apportionment.Share

    /// The amounts in pence by key, for comparing results regardless of order.
    private func byKey(_ parts: [(key: String, amount: Money)]) -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: parts.map { ($0.key, $0.amount.pence) })
    }

    @Test func hundredPoundsThreeWays() throws {
        // 10000 × 1 ÷ 3 = 3333 remainder 1 for each; the one penny left goes to the smallest key, "a".
        let parts = try Apportionment.split(
            Money(pence: 10_000), by: [Share(key: "a", weight: 1), Share(key: "b", weight: 1), Share(key: "c", weight: 1)]
        )
        #expect(parts.map(\.key) == ["a", "b", "c"])
        #expect(parts.map(\.amount) == [Money(pence: 3334), Money(pence: 3333), Money(pence: 3333)])
    }

    @Test func tieBreakGoesToSmallestKeyWhateverTheOrder() throws {
        let parts = try Apportionment.split(
            Money(pence: 10_000), by: [Share(key: "c", weight: 1), Share(key: "a", weight: 1), Share(key: "b", weight: 1)]
        )
        // The result keeps the order the shares were given in.
        #expect(parts.map(\.key) == ["c", "a", "b"])
        #expect(parts.map(\.amount) == [Money(pence: 3333), Money(pence: 3334), Money(pence: 3333)])
    }

    @Test func tenPoundsByOneAndTwo() throws {
        // Exact shares 333.33… and 666.66…; floors 333 (rem 1) and 666 (rem 2): the penny goes to the larger remainder.
        let parts = try Apportionment.split(Money(pence: 1000), by: [Share(key: "x", weight: 1), Share(key: "y", weight: 2)])
        #expect(parts.map(\.key) == ["x", "y"])
        #expect(parts.map(\.amount) == [Money(pence: 333), Money(pence: 667)])
    }

    @Test func largestRemainderBeatsSmallerKey() throws {
        // £1.00 by 1, 1, 1, 3 (W = 6): floors 16, 16, 16, 50 with remainders 4, 4, 4, 0; two pence left to "a" and "b".
        let parts = try Apportionment.split(
            Money(pence: 100),
            by: [Share(key: "d", weight: 3), Share(key: "c", weight: 1), Share(key: "b", weight: 1), Share(key: "a", weight: 1)]
        )
        #expect(byKey(parts) == ["a": 17, "b": 17, "c": 16, "d": 50])
    }

    @Test func remaindersDecideBeforeKeys() throws {
        // £0.10 by 3 and 4 (W = 7): 30/7 = 4 r2, 40/7 = 5 r5: the penny goes to "z" with the larger remainder.
        let parts = try Apportionment.split(Money(pence: 10), by: [Share(key: "a", weight: 3), Share(key: "z", weight: 4)])
        #expect(byKey(parts) == ["a": 4, "z": 6])
    }

    @Test func exactDivisionNeedsNoPennies() throws {
        let parts = try Apportionment.split(
            Money(pence: 800_000), by: [Share(key: "GB-LAE-BPL", weight: 1), Share(key: "GB-LAE-BBD", weight: 3)]
        )
        #expect(parts.map(\.amount) == [Money(pence: 200_000), Money(pence: 600_000)])
    }

    @Test func zeroWeightGetsNothing() throws {
        let parts = try Apportionment.split(
            Money(pence: 10_001), by: [Share(key: "a", weight: 0), Share(key: "b", weight: 1), Share(key: "c", weight: 1)]
        )
        #expect(byKey(parts) == ["a": 0, "b": 5001, "c": 5000])
    }

    @Test func zeroTotalGivesZeroParts() throws {
        let parts = try Apportionment.split(.zero, by: [Share(key: "a", weight: 5), Share(key: "b", weight: 7)])
        #expect(parts.map(\.amount) == [.zero, .zero])
    }

    @Test func singleShareTakesEverything() throws {
        let parts = try Apportionment.split(Money(pence: 12_345), by: [Share(key: "only", weight: 42)])
        #expect(parts.count == 1)
        #expect(parts.first?.key == "only")
        #expect(parts.first?.amount == Money(pence: 12_345))
    }

    @Test func resultDoesNotDependOnOrder() throws {
        var rng = SplitMix64(seed: 0xA990_5710)
        for _ in 0..<200 {
            let count = Int(1 + rng.next(upTo: 12))
            let sameWeight = rng.next() % 2 == 0
            let shares = (0..<count).map { index in
                Share(key: "org-\(index)", weight: sameWeight ? 7 : Int64(rng.next(upTo: 20)))
            }
            guard shares.contains(where: { $0.weight > 0 }) else { continue }
            let total = Money(pence: Int64(rng.next(upTo: 1_000_000)))
            let reference = byKey(try Apportionment.split(total, by: shares))
            for _ in 0..<5 {
                let shuffled = shares.shuffled(using: &rng)
                let parts = try Apportionment.split(total, by: shuffled)
                #expect(parts.map(\.key) == shuffled.map(\.key))
                #expect(byKey(parts) == reference)
            }
        }
    }

    @Test func propertiesHoldForRandomCases() throws {
        var rng = SplitMix64(seed: 20_170_401)
        for _ in 0..<2_500 {
            let total = Int64(rng.next(upTo: 1_000_000_000_000))
            let count = Int(1 + rng.next(upTo: 29))
            var weights = (0..<count).map { _ in
                // About one weight in four is zero, so zero weights are exercised too.
                rng.next() % 4 == 0 ? Int64(0) : Int64(rng.next(upTo: 1_000_000_000))
            }
            if weights.allSatisfy({ $0 == 0 }) {
                weights[Int(rng.next(upTo: UInt64(count - 1)))] = Int64(1 + rng.next(upTo: 999_999_999))
            }
            let shares = weights.enumerated().map { Share(key: "k\($0.offset)", weight: $0.element) }
            let parts = try Apportionment.split(Money(pence: total), by: shares)

            // One expectation per case, and stop at the first bad case, so a failure reads as one clear report.
            let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
            let sum = parts.reduce(Int128(0)) { $0 + Int128($1.amount.pence) }
            let keysInOrder = parts.map(\.key) == shares.map(\.key)
            let eachPartOK = zip(parts, weights).allSatisfy { part, weight in
                let error = Int128(part.amount.pence) * weightSum - Int128(total) * Int128(weight)
                return part.amount.pence >= 0 && error.magnitude < weightSum.magnitude
                    && (weight != 0 || part.amount == .zero)
            }
            let ok = parts.count == count && keysInOrder && sum == Int128(total) && eachPartOK
            #expect(ok, "total \(total) weights \(weights) gave \(parts.map(\.amount.pence)) summing to \(sum)")
            if !ok { break }
        }
    }

    @Test func hugeValuesDoNotOverflow() throws {
        let total = Money(pence: .max)
        let weights: [Int64] = [.max, .max - 1, .max - 2, 1]
        let shares = weights.enumerated().map { Share(key: "k\($0.offset)", weight: $0.element) }
        let parts = try Apportionment.split(total, by: shares)
        let weightSum = weights.reduce(Int128(0)) { $0 + Int128($1) }
        #expect(parts.reduce(Int128(0)) { $0 + Int128($1.amount.pence) } == Int128(Int64.max))
        for (part, weight) in zip(parts, weights) {
            #expect(part.amount.pence >= 0)
            let error = Int128(part.amount.pence) * weightSum - Int128(Int64.max) * Int128(weight)
            #expect(error.magnitude < weightSum.magnitude)
        }
        // Worked in Int128 by hand: floors 3074457345618258602, …602, …601, 0 leave two pence, which go to the
        // largest remainders (k2, then k0); the tiny weight is worth a third of a penny and gets nothing.
        #expect(
            parts.map(\.amount.pence) == [3_074_457_345_618_258_603, 3_074_457_345_618_258_602, 3_074_457_345_618_258_602, 0]
        )
    }

    @Test func hugeWeightsEqualSplitExactly() throws {
        // Two equal weights of Int64.max: Int64.max pence is odd, so the extra penny goes to the smaller key.
        let parts = try Apportionment.split(
            Money(pence: .max), by: [Share(key: "b", weight: .max), Share(key: "a", weight: .max)]
        )
        #expect(byKey(parts) == ["a": 4_611_686_018_427_387_904, "b": 4_611_686_018_427_387_903])
    }

    @Test func singleHugeShareTakesEverything() throws {
        let parts = try Apportionment.split(Money(pence: .max), by: [Share(key: "a", weight: .max)])
        #expect(parts.map(\.amount) == [Money(pence: .max)])
    }

    @Test func refusesNegativeTotal() {
        #expect(throws: Apportionment.Failure.negativeTotal(Money(pence: -1))) {
            try Apportionment.split(Money(pence: -1), by: [Share(key: "a", weight: 1)])
        }
    }

    @Test func refusesNoShares() {
        #expect(throws: Apportionment.Failure.noShares) {
            try Apportionment.split(Money(pence: 100), by: [])
        }
    }

    @Test func refusesNegativeWeight() {
        #expect(throws: Apportionment.Failure.negativeWeight(key: "b", weight: -3)) {
            try Apportionment.split(Money(pence: 100), by: [Share(key: "a", weight: 1), Share(key: "b", weight: -3)])
        }
    }

    @Test func refusesAllZeroWeights() {
        #expect(throws: Apportionment.Failure.zeroTotalWeight) {
            try Apportionment.split(Money(pence: 100), by: [Share(key: "a", weight: 0), Share(key: "b", weight: 0)])
        }
    }

    @Test func refusesDuplicateKey() {
        #expect(throws: Apportionment.Failure.duplicateKey("a")) {
            try Apportionment.split(
                Money(pence: 100), by: [Share(key: "a", weight: 1), Share(key: "b", weight: 1), Share(key: "a", weight: 2)]
            )
        }
    }

    @Test func failureDescriptions() {
        #expect(
            Apportionment.Failure.negativeTotal(Money(pence: -500)).description
                == "cannot apportion a negative amount (-£5.00)"
        )
        #expect(Apportionment.Failure.duplicateKey("GB-CHC-1").description == "GB-CHC-1 is named twice")
        #expect(
            Apportionment.Failure.negativeWeight(key: "a", weight: -2).description
                == "the weight of a is -2; weights must be zero or more"
        )
    }
}
