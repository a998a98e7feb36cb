import Testing

/// A small deterministic pseudo-random generator (SplitMix64) so that property tests are reproducible.
/// Values are taken straight from `next()` rather than through the standard library's `random(in:using:)`,
/// so the sequences do not depend on how a toolchain maps random bits to ranges.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0...bound`.
    mutating func next(upTo bound: UInt64) -> UInt64 {
        bound == .max ? next() : next() % (bound + 1)
    }
}

@Test func splitMix64IsDeterministic() {
    // Reference values of SplitMix64 seeded with 0.
    var rng = SplitMix64(seed: 0)
    #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
    #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(rng.next() == 0x06C4_5D18_8009_454F)
}
