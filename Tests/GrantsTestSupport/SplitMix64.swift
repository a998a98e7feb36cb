/// A small deterministic pseudo-random generator (Steele, Lea and Flood's SplitMix64), so that property tests are
/// reproducible and a failing run can be replayed. Tests that must not depend on how a toolchain maps random bits
/// to ranges take values straight from `next()` rather than through the standard library's `random(in:using:)`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0...bound`.
    public mutating func next(upTo bound: UInt64) -> UInt64 {
        bound == .max ? next() : next() % (bound + 1)
    }
}
