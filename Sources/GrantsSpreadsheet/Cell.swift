import GrantsCore

/// What goes in one cell of a return workbook. Text is always written as a string, never as a formula.
enum Cell {
    case text(String)
    /// An amount: a number cell in the money format.
    case money(Money)
    /// A day: a date cell (a serial number) shown as `yyyy-mm-dd`.
    case day(Day)
    /// A count, such as the number of awards.
    case count(Int)
    case empty

    /// Text for an optional value: empty when there is none.
    static func text(_ value: String?) -> Cell {
        value.map { .text($0) } ?? .empty
    }

    /// About how many characters wide the cell shows, to size its column.
    var displayWidth: Int {
        switch self {
        case .text(let text): text.count
        case .money(let amount): amount.formatted.count
        case .day: 10
        case .count(let value): String(value).count
        case .empty: 0
        }
    }
}
