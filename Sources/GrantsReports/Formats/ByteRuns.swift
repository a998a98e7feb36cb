extension [UInt8] {
    /// Output streamed in runs: once the bytes gathered reach `size` (64 KiB), hands them to `emit` and starts again.
    public mutating func handOver(to emit: ([UInt8]) -> Void, atLeast size: Int = 1 << 16) {
        guard count >= size else { return }
        emit(self)
        removeAll(keepingCapacity: true)
    }
}
