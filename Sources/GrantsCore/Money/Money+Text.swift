extension Money {
    /// Parses an amount as written in a data file: `2500`, `2500.5`, `2500.00` or `-12.34`.
    ///
    /// Strict on purpose: a currency sign, a thousands separator, a third decimal place, spaces or an
    /// exponent are errors that say so, because a ledger must never guess what an amount meant.
    public init(parsing text: String) throws(MoneyError) {
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
    public var plain: String {
        let (pounds, pennies) = Self.split(pence)
        let sign = pence < 0 ? "-" : ""
        return "\(sign)\(pounds).\(Self.twoDigits(pennies))"
    }

    /// The amount as shown to people: `£10,000.00`, `-£0.05`.
    public var formatted: String {
        let (pounds, pennies) = Self.split(pence)
        let sign = pence < 0 ? "-" : ""
        return "\(sign)£\(Self.grouped(pounds)).\(Self.twoDigits(pennies))"
    }

    /// Whole pounds and pence of the magnitude, safe for `Int64.min`.
    private static func split(_ pence: Int64) -> (pounds: UInt64, pennies: UInt64) {
        let magnitude = pence.magnitude
        return (magnitude / 100, magnitude % 100)
    }

    private static func twoDigits(_ value: UInt64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}

extension Money: CustomStringConvertible {
    public var description: String { formatted }
}

extension Character {
    /// Exactly one of the ASCII digits 0 to 9, with nothing combined onto it.
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}
