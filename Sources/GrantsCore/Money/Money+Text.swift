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

        var value: Int64 = 0
        for character in whole {
            value = try Self.appendDigit(character, to: value)
        }
        let paddedFraction = fraction + String(repeating: "0", count: 2 - fraction.count)
        for character in paddedFraction {
            value = try Self.appendDigit(character, to: value)
        }
        self.init(pence: negative ? -value : value)
    }

    private static func appendDigit(_ character: Character, to value: Int64) throws(MoneyError) -> Int64 {
        let digit = Int64(character.asciiValue.map { $0 - 48 } ?? 0)
        let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (next, overflow2) = shifted.addingReportingOverflow(digit)
        if overflow1 || overflow2 { throw .overflow }
        return next
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
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
