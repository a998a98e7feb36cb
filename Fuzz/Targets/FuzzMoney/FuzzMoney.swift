import FuzzSupport
import GrantsCore

// Money(parsing:) on any text, against a reference written differently (the digits compared as text with the
// largest amounts, then read by the standard library); every amount read re-renders as `plain` text that reads
// back to itself, and `formatted` groups the same digits. The first eight bytes of the input are also taken
// as an amount in pence, so every Int64 (Int64.min too) is rendered and read back.

/// The amount in pence that `text` must read as, or why not: `-?[0-9]+(\.[0-9]{1,2})?` within Int64.
enum Expected: Equatable {
    case pence(Int64)
    case empty
    case overflow
    case refused
}

func reference(_ text: String) -> Expected {
    if text.isEmpty { return .empty }
    var bytes = Array(text.utf8)
    let negative = bytes.first == UInt8(ascii: "-")
    if negative { bytes.removeFirst() }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    let isDigit = { (byte: UInt8) in byte >= 48 && byte <= 57 }
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(isDigit) else { return .refused }
    var fraction = parts.count == 2 ? Array(parts[1]) : []
    guard parts.count == 1 || (1...2).contains(fraction.count), fraction.allSatisfy(isDigit) else { return .refused }
    while fraction.count < 2 { fraction.append(UInt8(ascii: "0")) }
    var digits = Array(parts[0]) + fraction
    while digits.count > 1 && digits.first == UInt8(ascii: "0") { digits.removeFirst() }
    let limit = Array((negative ? "9223372036854775808" : "9223372036854775807").utf8)
    if digits.count > limit.count || (digits.count == limit.count && limit.lexicographicallyPrecedes(digits)) {
        return .overflow
    }
    guard let pence = Int64((negative ? "-" : "") + String(decoding: digits, as: UTF8.self)) else {
        fuzzFail("the reference cannot read its own digits \(String(decoding: digits, as: UTF8.self))")
    }
    return .pence(pence)
}

/// `plain` as the reference writes it: pounds, a point, two digits of pence, a minus sign in front.
func referencePlain(_ pence: Int64, grouped: Bool) -> String {
    let magnitude = pence.magnitude
    var pounds = String(magnitude / 100)
    if grouped {
        var groups: [Substring] = []
        var rest = Substring(pounds)
        while rest.count > 3 {
            groups.insert(rest.suffix(3), at: 0)
            rest = rest.dropLast(3)
        }
        groups.insert(rest, at: 0)
        pounds = "£" + groups.joined(separator: ",")
    }
    let pennies = magnitude % 100
    return (pence < 0 ? "-" : "") + pounds + "." + (pennies < 10 ? "0" : "") + String(pennies)
}

func checkRendering(_ money: Money) {
    fuzzAssert(money.plain == referencePlain(money.pence, grouped: false),
               "\(money.pence) renders plain as \(money.plain)")
    fuzzAssert(money.formatted == referencePlain(money.pence, grouped: true),
               "\(money.pence) renders formatted as \(money.formatted)")
    fuzzAssert((try? Money(parsing: money.plain)) == money, "\(money.plain) does not read back as \(money.pence)")
}

@main enum FuzzMoney {
    static func main() {
        fuzzMain { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = reference(text)
            do throws(MoneyError) {
                let money = try Money(parsing: text)
                fuzzAssert(expected == .pence(money.pence),
                           "\(String(reflecting: text)) reads as \(money.pence) pence; the reference says \(expected)")
                checkRendering(money)
            } catch {
                switch expected {
                case .pence(let pence):
                    fuzzFail("\(String(reflecting: text)) is refused (\(error)); the reference reads \(pence) pence")
                case .empty: fuzzAssert(error == .empty, "the empty text is refused as \(error)")
                case .overflow:
                    fuzzAssert(error == .overflow, "\(String(reflecting: text)) is refused as \(error), not overflow")
                case .refused: break
                }
                fuzzAssert(!error.description.isEmpty, "a refusal says nothing")
            }
            if bytes.count >= 8 {
                let pence = bytes.prefix(8).reduce(Int64(0)) { $0 << 8 | Int64($1) }
                checkRendering(Money(pence: pence))
            }
        }
    }
}
