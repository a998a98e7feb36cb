import FuzzSupport
import GrantsCore

// Day(parsing:) on any text, against a reference (the YYYY-MM-DD shape byte by byte, then a table of month
// lengths); a day read renders as exactly the text it was read from, and its ordinal leads back to it. The
// first four bytes of the input are also taken as an ordinal, so the calendar arithmetic is tried on days
// that no text names.

enum Expected: Equatable {
    case day(year: Int, month: Int, day: Int)
    case malformed
    case noSuchDay
}

func reference(_ text: String) -> Expected {
    let bytes = Array(text.utf8)
    guard bytes.count == 10 else { return .malformed }
    var numbers: [Int] = []
    for range in [0..<4, 5..<7, 8..<10] {
        guard bytes[range].allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return .malformed }
        numbers.append(Int(String(decoding: bytes[range], as: UTF8.self))!)
    }
    guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return .malformed }
    let (year, month, day) = (numbers[0], numbers[1], numbers[2])
    let leap = year % 400 == 0 || (year % 4 == 0 && year % 100 != 0)
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard year >= 1, (1...12).contains(month), day >= 1, day <= lengths[month - 1] else { return .noSuchDay }
    return .day(year: year, month: month, day: day)
}

func checkOrdinal(_ day: Day) {
    fuzzAssert(Day(ordinal: day.ordinal) == day, "\(day) has ordinal \(day.ordinal), which leads to another day")
    if let next = day.adding(days: 1) {
        fuzzAssert(next > day && next.ordinal == day.ordinal + 1, "\(day) is followed by \(next)")
    } else {
        fuzzAssert(day == Day(year: 9999, month: 12, day: 31), "\(day) has no next day")
    }
    fuzzAssert((try? Day(parsing: day.description)) == day, "\(day) does not read back")
}

@main enum FuzzDay {
    static func main() {
        fuzzMain { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = reference(text)
            do throws(DayError) {
                let day = try Day(parsing: text)
                fuzzAssert(expected == .day(year: day.year, month: day.month, day: day.day),
                           "\(String(reflecting: text)) reads as \(day); the reference says \(expected)")
                fuzzAssert(day.description == text, "\(String(reflecting: text)) reads as \(day)")
                checkOrdinal(day)
            } catch {
                switch (error, expected) {
                case (.malformed(let quoted), .malformed), (.noSuchDay(let quoted), .noSuchDay):
                    fuzzAssert(quoted == text, "the refusal quotes \(String(reflecting: quoted))")
                default:
                    fuzzFail("\(String(reflecting: text)) is refused as \(error); the reference says \(expected)")
                }
            }
            if bytes.count >= 4 {
                // Days since 1970-01-01 from year 1 to 9999 lie within ±2,933,000 or so; try a little past both ends.
                let raw = bytes.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                let ordinal = Int(raw % 6_000_000) - 3_000_000
                if let day = Day(ordinal: ordinal) {
                    fuzzAssert(day.ordinal == ordinal, "ordinal \(ordinal) leads to \(day), ordinal \(day.ordinal)")
                    checkOrdinal(day)
                } else {
                    fuzzAssert(ordinal < Day(year: 1, month: 1, day: 1)!.ordinal
                               || ordinal > Day(year: 9999, month: 12, day: 31)!.ordinal,
                               "ordinal \(ordinal) leads to no day")
                }
            }
        }
    }
}
