/// A set of strings, each with a line, in a few bytes more than the strings themselves: their UTF-8 in one array and
/// an open-addressed table of offsets into it. For the award ids of a million-line return, where a `Set<String>`
/// (or libxml2's key table) would take many times the ids' own size.
public struct CompactStringSet: Sendable {
    /// Each string's length (4 bytes, little-endian), then its UTF-8.
    private var arena: [UInt8] = []
    /// For each slot, the offset of a string in `arena` plus one (0 when empty), and that string's line.
    private var offsets: [Int]
    private var lines: [Int32]
    public private(set) var count = 0

    public init() {
        offsets = [Int](repeating: 0, count: 1024)
        lines = [Int32](repeating: 0, count: 1024)
    }

    /// Adds `text` met on `line`; returns the line it was first met on when it is in the set already.
    public mutating func insert(_ text: String, line: Int) -> Int? {
        if let (slot, found) = find(text), found { return Int(lines[slot]) }
        if (count + 1) * 2 > offsets.count { grow() }
        guard let (slot, _) = find(text) else { return nil }
        let offset = arena.count
        let length = UInt32(truncatingIfNeeded: text.utf8.count)
        arena.append(UInt8(truncatingIfNeeded: length))
        arena.append(UInt8(truncatingIfNeeded: length >> 8))
        arena.append(UInt8(truncatingIfNeeded: length >> 16))
        arena.append(UInt8(truncatingIfNeeded: length >> 24))
        arena.append(contentsOf: text.utf8)
        offsets[slot] = offset + 1
        lines[slot] = Int32(clamping: line)
        count += 1
        return nil
    }

    /// Whether `text` is in the set.
    public func contains(_ text: String) -> Bool {
        find(text)?.found ?? false
    }

    /// The slot holding `text`, or the empty slot where it would go.
    private func find(_ text: String) -> (slot: Int, found: Bool)? {
        let mask = offsets.count - 1
        var slot = Self.hash(text) & mask
        for _ in 0..<offsets.count {
            let stored = offsets[slot]
            if stored == 0 { return (slot, false) }
            if equals(text, at: stored - 1) { return (slot, true) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func equals(_ text: String, at offset: Int) -> Bool {
        let length = Int(arena[offset]) | Int(arena[offset + 1]) << 8 | Int(arena[offset + 2]) << 16
            | Int(arena[offset + 3]) << 24
        guard length == text.utf8.count else { return false }
        var index = offset + 4
        for byte in text.utf8 {
            if arena[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// Twice the slots, every string placed again.
    private mutating func grow() {
        let old = (offsets, lines)
        offsets = [Int](repeating: 0, count: old.0.count * 2)
        lines = [Int32](repeating: 0, count: old.0.count * 2)
        let mask = offsets.count - 1
        for (index, stored) in old.0.enumerated() where stored != 0 {
            let offset = stored - 1
            let length = Int(arena[offset]) | Int(arena[offset + 1]) << 8 | Int(arena[offset + 2]) << 16
                | Int(arena[offset + 3]) << 24
            var slot = Self.hash(arena[(offset + 4)..<(offset + 4 + length)]) & mask
            while offsets[slot] != 0 { slot = (slot + 1) & mask }
            offsets[slot] = stored
            lines[slot] = old.1[index]
        }
    }

    /// Swift's hash of the UTF-8, seeded afresh in each process, so that a hostile document cannot choose ids that
    /// all fall in one run of slots.
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var hasher = Hasher()
        for byte in bytes { hasher.combine(byte) }
        return hasher.finalize()
    }

    private static func hash(_ text: String) -> Int { hash(text.utf8) }
}
