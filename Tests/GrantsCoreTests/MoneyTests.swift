import GrantsTestSupport
import Testing
@testable import GrantsCore

@Suite struct MoneyParsingTests {
    @Test(arguments: [
        ("2500", Int64(250_000)),
        ("2500.00", 250_000),
        ("2500.5", 250_050),
        ("2500.50", 250_050),
        ("0.01", 1),
        ("0.1", 10),
        ("0", 0),
        ("0.00", 0),
        ("-0", 0),
        ("-12.34", -1234),
        ("-0.05", -5),
        ("007", 700),
        ("10000.00", 1_000_000),
        ("92233720368547758.07", Int64.max),
        ("-92233720368547758.07", -Int64.max),
    ])
    func parsesAmount(text: String, pence: Int64) throws {
        #expect(try Money(parsing: text) == Money(pence: pence))
    }

    @Test(arguments: [
        ("", MoneyError.empty),
        ("£2500", .currencySign(text: "£2500")),
        ("$2500", .currencySign(text: "$2500")),
        ("€2500", .currencySign(text: "€2500")),
        ("-£2500", .currencySign(text: "-£2500")),
        ("2500£", .currencySign(text: "2500£")),
        ("2,500.00", .thousandsSeparator(text: "2,500.00")),
        ("2,500", .thousandsSeparator(text: "2,500")),
        ("2500.001", .tooManyDecimalPlaces(text: "2500.001")),
        ("0.125", .tooManyDecimalPlaces(text: "0.125")),
        ("2500.", .malformed(text: "2500.")),
        (".50", .malformed(text: ".50")),
        ("1.2.3", .malformed(text: "1.2.3")),
        ("1..2", .malformed(text: "1..2")),
        ("-", .malformed(text: "-")),
        ("-.5", .malformed(text: "-.5")),
        (".", .malformed(text: ".")),
        ("25 00", .invalidCharacter(text: "25 00", character: " ")),
        ("1e5", .invalidCharacter(text: "1e5", character: "e")),
        ("+5", .invalidCharacter(text: "+5", character: "+")),
        (" 5", .invalidCharacter(text: " 5", character: " ")),
        ("5 ", .invalidCharacter(text: "5 ", character: " ")),
        ("--5", .invalidCharacter(text: "--5", character: "-")),
        ("1.5x", .invalidCharacter(text: "1.5x", character: "x")),
        ("abc", .invalidCharacter(text: "abc", character: "a")),
        ("92233720368547758.08", .overflow),
        ("92233720368547758.1", .overflow),
        ("92233720368547759", .overflow),
        ("100000000000000000000", .overflow),
        ("-92233720368547758.09", .overflow),
    ])
    func refusesAmount(text: String, error: MoneyError) {
        #expect(throws: error) { try Money(parsing: text) }
    }

    /// A digit followed by a combining mark is one `Character` that is neither an ASCII digit nor a valid amount.
    /// The parser must refuse it rather than read it as some other number.
    @Test(arguments: ["1\u{301}", "5\u{301}0.00", "12.3\u{301}4", "1\u{20E3}"])
    func refusesDigitsWithCombiningMarks(text: String) {
        #expect(throws: MoneyError.self) { try Money(parsing: text) }
    }
}

@Suite struct MoneyFormattingTests {
    @Test(arguments: [
        (Int64(1_000_000), "10000.00"),
        (5, "0.05"),
        (-5, "-0.05"),
        (0, "0.00"),
        (1, "0.01"),
        (10, "0.10"),
        (250_050, "2500.50"),
        (-1234, "-12.34"),
        (123_456_789, "1234567.89"),
        (Int64.max, "92233720368547758.07"),
        (Int64.min, "-92233720368547758.08"),
    ])
    func plain(pence: Int64, text: String) {
        #expect(Money(pence: pence).plain == text)
    }

    @Test(arguments: [
        (Int64(1_000_000), "£10,000.00"),
        (32_500_000, "£325,000.00"),
        (0, "£0.00"),
        (-123_456_789, "-£1,234,567.89"),
        (99_999, "£999.99"),
        (100_000, "£1,000.00"),
        (-5, "-£0.05"),
        (10_000_000_000, "£100,000,000.00"),
        (Int64.max, "£92,233,720,368,547,758.07"),
        (Int64.min, "-£92,233,720,368,547,758.08"),
    ])
    func formatted(pence: Int64, text: String) {
        #expect(Money(pence: pence).formatted == text)
        #expect(Money(pence: pence).description == text)
    }

    @Test func int64MinRoundTrips() throws {
        #expect(try Money(parsing: "-92233720368547758.08") == Money(pence: .min))
        #expect(throws: MoneyError.overflow) { try Money(parsing: "-92233720368547758.09") }
    }

    @Test func roundTripsThroughPlainText() throws {
        var rng = SplitMix64(seed: 0x6D6F_6E65_7931)
        for index in 0..<20_000 {
            // Spread the magnitudes: full-width values, and values shifted down to every size.
            let raw = Int64(bitPattern: rng.next())
            let value = index % 2 == 0 ? raw : raw >> (rng.next() % 64)
            let money = Money(pence: value)
            let parsed = try Money(parsing: money.plain)
            #expect(parsed == money, "\(money.plain)")
            if parsed != money { return }
        }
    }

    @Test(arguments: [Int64.max, -Int64.max, 0, 1, -1, 99, -99, 100, -100])
    func roundTripsExtremes(pence: Int64) throws {
        let money = Money(pence: pence)
        #expect(try Money(parsing: money.plain) == money)
    }
}

@Suite struct MoneyArithmeticTests {
    @Test func adds() throws {
        #expect(try Money(pence: 150).adding(Money(pence: 275)) == Money(pence: 425))
        #expect(try Money(pence: 150).adding(Money(pence: -275)) == Money(pence: -125))
        #expect(try Money(pence: Int64.max - 1).adding(Money(pence: 1)) == Money(pence: .max))
        #expect(try Money(pence: .min).adding(Money(pence: .max)) == Money(pence: -1))
    }

    @Test func subtracts() throws {
        #expect(try Money(pence: 150).subtracting(Money(pence: 275)) == Money(pence: -125))
        #expect(try Money(pence: Int64.min + 1).subtracting(Money(pence: 1)) == Money(pence: .min))
        #expect(try Money(pence: 0).subtracting(Money(pence: .max)) == Money(pence: -Int64.max))
    }

    @Test func multiplies() throws {
        #expect(try Money(pence: 800_000).multiplied(by: 3) == Money(pence: 2_400_000))
        #expect(try Money(pence: 125).multiplied(by: -2) == Money(pence: -250))
        #expect(try Money(pence: 125).multiplied(by: 0) == .zero)
        #expect(try Money(pence: .max).multiplied(by: 1) == Money(pence: .max))
        #expect(try Money(pence: .max).multiplied(by: -1) == Money(pence: -Int64.max))
    }

    @Test func addingOverflowThrows() {
        #expect(throws: MoneyError.overflow) { try Money(pence: .max).adding(Money(pence: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).adding(Money(pence: -1)) }
    }

    @Test func subtractingOverflowThrows() {
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).subtracting(Money(pence: 1)) }
        #expect(throws: MoneyError.overflow) { try Money(pence: .max).subtracting(Money(pence: -1)) }
        #expect(throws: MoneyError.overflow) { try Money(pence: 0).subtracting(Money(pence: .min)) }
    }

    @Test func multipliedOverflowThrows() {
        #expect(throws: MoneyError.overflow) { try Money(pence: .max).multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money(pence: .min).multiplied(by: -1) }
        #expect(throws: MoneyError.overflow) { try Money(pence: 4_611_686_018_427_387_904).multiplied(by: 2) }
        #expect(throws: MoneyError.overflow) { try Money(pence: -4_611_686_018_427_387_905).multiplied(by: 2) }
    }

    @Test func sums() throws {
        #expect(try Money.sum([Money]()) == .zero)
        #expect(try Money.sum([Money(pence: 800_000)]) == Money(pence: 800_000))
        #expect(
            try Money.sum([Money(pence: 800_000), Money(pence: 800_000), Money(pence: -150), Money(pence: 1)])
                == Money(pence: 1_599_851)
        )
        #expect(try Money.sum([Money(pence: .max), Money(pence: .min)]) == Money(pence: -1))
    }

    @Test func sumOverflowThrows() {
        #expect(throws: MoneyError.overflow) { try Money.sum([Money(pence: .max), Money(pence: 1)]) }
        #expect(throws: MoneyError.overflow) {
            try Money.sum([Money(pence: .min), Money(pence: -1), Money(pence: 5)])
        }
    }

    @Test func pounds() {
        #expect(Money(pounds: 2500) == Money(pence: 250_000))
        #expect(Money(pounds: -3) == Money(pence: -300))
        #expect(Money(pounds: 92_233_720_368_547_758) == Money(pence: 9_223_372_036_854_775_800))
        #expect(Money(pounds: 92_233_720_368_547_759) == nil)
        #expect(Money(pounds: .max) == nil)
        #expect(Money(pounds: -92_233_720_368_547_759) == nil)
    }

    @Test func ordersAndSigns() {
        #expect(Money(pence: -1) < .zero)
        #expect(Money(pence: 1) > .zero)
        #expect(Money(pence: .min) < Money(pence: .max))
        #expect(Money(pence: -1).isNegative)
        #expect(!Money.zero.isNegative)
        #expect(!Money(pence: 1).isNegative)
        #expect(Money.zero.pence == 0)
    }
}

@Test func moneyErrorDescriptions() {
    #expect(MoneyError.empty.description == "an amount is empty; expected pounds and pence such as 2500.00")
    #expect(
        MoneyError.invalidCharacter(text: "1e5", character: "e").description
            == "'1e5' is not an amount: unexpected 'e'; expected pounds and pence such as 2500.00"
    )
    #expect(
        MoneyError.currencySign(text: "£5").description
            == "'£5' has a currency sign; write the amount without it, such as 2500.00"
    )
    #expect(MoneyError.overflow.description == "the amount is too large to hold exactly in pence")
}
