/// A value as the ledger's SQL binds and reads it. The ledger keeps whole numbers (pence, counts, years, sequence
/// numbers) and text only, in SQLite and in PostgreSQL alike.
package enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
}

/// A Swift value the ledger binds into a statement or reads back from a column.
package protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
    /// The value a column holds, or nil when it is NULL or of another type.
    init?(sqlValue: SQLValue)
}

extension String: SQLValueConvertible {
    package var sqlValue: SQLValue { .text(self) }
    package init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        self = text
    }
}

extension Int64: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(self) }
    package init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = value
    }
}

extension Int: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(Int64(self)) }
    package init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue, let int = Int(exactly: value) else { return nil }
        self = int
    }
}

/// Kept as 0 or 1, as SQLite keeps it; any other whole number reads as true.
extension Bool: SQLValueConvertible {
    package var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    package init?(sqlValue: SQLValue) {
        guard case .integer(let value) = sqlValue else { return nil }
        self = value != 0
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    package var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
    package init?(sqlValue: SQLValue) {
        if sqlValue == .null {
            self = .none
        } else {
            guard let wrapped = Wrapped(sqlValue: sqlValue) else { return nil }
            self = .some(wrapped)
        }
    }
}

/// What a statement is given: values by position (`?`) or by name (`:name`).
package struct SQLArguments: ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    package var positional: [SQLValue] = []
    package var named: [String: SQLValue] = [:]

    package init() {}

    package init(_ values: [(any SQLValueConvertible)?]) {
        positional = values.map { $0?.sqlValue ?? .null }
    }

    /// The values as they are, by position.
    package init(values: [SQLValue]) {
        positional = values
    }

    package init(_ values: [some SQLValueConvertible]) {
        positional = values.map(\.sqlValue)
    }

    package init(arrayLiteral elements: (any SQLValueConvertible)?...) {
        self.init(elements)
    }

    package init(dictionaryLiteral elements: (String, (any SQLValueConvertible)?)...) {
        for (name, value) in elements {
            named[name] = value?.sqlValue ?? .null
        }
    }
}
