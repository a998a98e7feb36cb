extension Money {
    /// Parses an amount as written in a data file: `2500`, `2500.5`, `2500.00` or `-12.34`.
    ///
    /// Strict on purpose: a currency sign, a thousands separator, a third decimal place, spaces or an
    /// exponent are errors that say so, because a ledger must never guess what an amount meant.
    public init(parsing text: String) throws(MoneyError) {
        if let pence = Self.fastPence(text.utf8) {
            self.init(pence: pence)
            return
        }
        try self.init(slowlyParsing: text)
    }

    /// The common case, `-?digits(.d{1,2})?` that fits, read straight from the bytes; `nil` sends anything else,
    /// valid or not, to the careful parser that explains what is wrong.
    private static func fastPence(_ bytes: String.UTF8View) -> Int64? {
        var negative = false
        var value: Int64 = 0
        var wholeDigits = 0
        var fractionDigits = -1  // -1 until a point is seen
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "-") where offset == 0:
                negative = true
            case UInt8(ascii: "."):
                guard fractionDigits < 0, wholeDigits > 0 else { return nil }
                fractionDigits = 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if fractionDigits >= 0 {
                    fractionDigits += 1
                    if fractionDigits > 2 { return nil }
                } else {
                    wholeDigits += 1
                    // 17 digits of pounds and 2 of pence stay well inside Int64.
                    if wholeDigits > 16 { return nil }
                }
                value = value * 10 + Int64(byte - 48)
            default:
                return nil
            }
        }
        guard wholeDigits > 0, fractionDigits != 0 else { return nil }
        for _ in 0..<(2 - max(fractionDigits, 0)) { value *= 10 }
        return negative ? -value : value
    }

    private init(slowlyParsing text: String) throws(MoneyError) {
        if text.isEmpty { throw .empty }
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" {
            negative = true
            digits = digits.dropFirst()
        }
        if let sign = digits.first, "£$€".contains(sign) { throw .currencySign(text: text) }
        if digits.contains(",") { throw .thousandsSeparator(text: text) }
        let parts = digits.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw .malformed(text: text) }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        if whole.isEmpty || (parts.count == 2 && fraction.isEmpty) { throw .malformed(text: text) }
        for character in whole where !character.isASCIIDigit {
            if "£$€".contains(character) { throw .currencySign(text: text) }
            throw .invalidCharacter(text: text, character: character)
        }
        for character in fraction where !character.isASCIIDigit {
            throw .invalidCharacter(text: text, character: character)
        }
        if fraction.count > 2 { throw .tooManyDecimalPlaces(text: text) }

        // The magnitude is gathered unsigned so that Int64.min, whose magnitude Int64 cannot hold, still reads.
        var magnitude: UInt64 = 0
        let paddedFraction = fraction + String(repeating: "0", count: 2 - fraction.count)
        for character in whole + paddedFraction {
            guard let ascii = character.asciiValue else { throw .invalidCharacter(text: text, character: character) }
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(UInt64(ascii - 48))
            if overflow1 || overflow2 { throw .overflow }
            magnitude = next
        }
        if negative {
            guard magnitude <= Int64.min.magnitude else { throw .overflow }
            self.init(pence: magnitude == Int64.min.magnitude ? Int64.min : -Int64(magnitude))
        } else {
            guard magnitude <= UInt64(Int64.max) else { throw .overflow }
            self.init(pence: Int64(magnitude))
        }
    }

    /// The amount as written in files: `10000.00`, `-0.05`; no currency sign, no separators.
    public var plain: String { render(grouped: false) }

    /// The amount as shown to people: `£10,000.00`, `-£0.05`.
    public var formatted: String { render(grouped: true) }

    /// Writes the digits right to left into a small byte buffer: reports format many amounts.
    private func render(grouped: Bool) -> String {
        var magnitude = pence.magnitude  // safe for Int64.min
        // 20 digits, 6 commas, a point, "£" (2 bytes) and a sign fit in 32 bytes.
        return String(unsafeUninitializedCapacity: 32) { buffer in
            var end = 32
            var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            return withUnsafeMutableBytes(of: &scratch) { raw -> Int in
                func put(_ byte: UInt8) {
                    end -= 1
                    raw[end] = byte
                }
                put(UInt8(48 + magnitude % 10))
                magnitude /= 10
                put(UInt8(48 + magnitude % 10))
                magnitude /= 10
                put(UInt8(ascii: "."))
                var count = 0
                repeat {
                    if grouped && count > 0 && count % 3 == 0 { put(UInt8(ascii: ",")) }
                    put(UInt8(48 + magnitude % 10))
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                if grouped {
                    put(0xA3)  // "£" is C2 A3 in UTF-8
                    put(0xC2)
                }
                if pence < 0 { put(UInt8(ascii: "-")) }
                let length = 32 - end
                for index in 0..<length { buffer[index] = raw[end + index] }
                return length
            }
        }
    }
}

extension Money: CustomStringConvertible {
    /// The amount as shown to people, such as `£10,000.00`: the same as `formatted`.
    public var description: String { formatted }
}

extension Character {
    /// Exactly one of the ASCII digits 0 to 9, with nothing combined onto it.
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
