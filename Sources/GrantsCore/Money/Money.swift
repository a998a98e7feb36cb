/// An exact amount of money in pence (GBP).
///
/// Money is never a binary floating point value: it is parsed from text, stored as `Int64` pence,
/// and every arithmetic step is overflow-checked.
public struct Money: Hashable, Comparable, Sendable {
    /// The amount in pence; negative for a credit or a reversal.
    public let pence: Int64

    /// Creates an amount from a count of pence.
    public init(pence: Int64) {
        self.pence = pence
    }

    /// Zero pence.
    public static let zero = Money(pence: 0)

    /// Creates an amount from whole pounds, or `nil` when it cannot be held in pence.
    public init?(pounds: Int64) {
        let (value, overflow) = pounds.multipliedReportingOverflow(by: 100)
        if overflow { return nil }
        self.pence = value
    }

    /// Orders amounts by value, negative amounts first.
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }

    /// Whether the amount is below zero.
    public var isNegative: Bool { pence < 0 }

    /// The sum, or `MoneyError.overflow`.
    public func adding(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = pence.addingReportingOverflow(other.pence)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    /// The difference, or `MoneyError.overflow`.
    public func subtracting(_ other: Money) throws(MoneyError) -> Money {
        let (value, overflow) = pence.subtractingReportingOverflow(other.pence)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    /// The amount multiplied by a whole number, or `MoneyError.overflow`.
    public func multiplied(by factor: Int64) throws(MoneyError) -> Money {
        let (value, overflow) = pence.multipliedReportingOverflow(by: factor)
        if overflow { throw .overflow }
        return Money(pence: value)
    }

    /// The sum of many amounts, or `MoneyError.overflow`.
    public static func sum<S: Sequence>(_ amounts: S) throws(MoneyError) -> Money where S.Element == Money {
        var total = Money.zero
        for amount in amounts {
            total = try total.adding(amount)
        }
        return total
    }
}

/// Why an amount of money could not be parsed or computed.
public enum MoneyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is empty.
    case empty
    /// The text has a character that is not a digit, a leading minus or one decimal point.
    case invalidCharacter(text: String, character: Character)
    /// The text has a currency sign, which data files must not carry.
    case currencySign(text: String)
    /// The text has a thousands separator, which data files must not carry.
    case thousandsSeparator(text: String)
    /// The text has more than two decimal places.
    case tooManyDecimalPlaces(text: String)
    /// The text has a decimal point with no digits on one side.
    case malformed(text: String)
    /// The amount, or the result of arithmetic on it, does not fit in 64-bit pence.
    case overflow

    /// The error in words for the person who wrote the amount, with an example of what is expected.
    public var description: String {
        switch self {
        case .empty:
            return "an amount is empty; expected pounds and pence such as 2500.00"
        case .invalidCharacter(let text, let character):
            return "'\(text)' is not an amount: unexpected '\(character)'; expected pounds and pence such as 2500.00"
        case .currencySign(let text):
            return "'\(text)' has a currency sign; write the amount without it, such as 2500.00"
        case .thousandsSeparator(let text):
            return "'\(text)' has a thousands separator; write the amount without it, such as 10000.00"
        case .tooManyDecimalPlaces(let text):
            return "'\(text)' has more than two decimal places; amounts are in pounds and pence, such as 2500.00"
        case .malformed(let text):
            return "'\(text)' is not an amount; expected pounds and pence such as 2500.00"
        case .overflow:
            return "the amount is too large to hold exactly in pence"
        }
    }
}
