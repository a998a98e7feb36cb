import GrantsCore

/// The names of a statement's columns, shared by every row it reads. Found by a walk along them (a statement has a
/// few dozen at most), as GRDB's rows do: a table of them, built for every statement run, cost more than it saved.
package final class SQLColumns: Sendable {
    package let names: [String]

    package init(_ names: [String]) {
        self.names = names
    }

    /// The first column of this name (case-insensitive, as SQL names are), or nil.
    package func index(of name: String) -> Int? {
        if let exact = names.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return names.firstIndex { $0.lowercased() == lowered }
    }
}

/// One row a query read, whichever database it came from: its values read by position or by column name as the
/// type asked for (`row["amount"] as Int64?`), nil when NULL or of another type.
package struct SQLRow: Sendable {
    package let columns: SQLColumns
    package let values: [SQLValue]

    package init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    package var count: Int { values.count }

    package subscript<Value: SQLValueConvertible>(_ index: Int) -> Value? {
        index < values.count ? Value(sqlValue: values[index]) : nil
    }

    package subscript<Value: SQLValueConvertible>(_ name: String) -> Value? {
        columns.index(of: name).flatMap { Value(sqlValue: values[$0]) }
    }

    /// Whether the column at `index` holds NULL.
    package func isNull(_ index: Int) -> Bool { index >= values.count || values[index] == .null }
}

/// Rows read one at a time, as a caller walks them.
package final class SQLRowCursor {
    private let source: () throws -> SQLRow?

    package init(_ source: @escaping () throws -> SQLRow?) {
        self.source = source
    }

    package func next() throws -> SQLRow? { try source() }
}

extension SQLRow {
    /// The value of a column that is never NULL, as the type asked for; a `.database` error naming the column when
    /// the ledger holds NULL or something else there.
    package func required<Value: SQLValueConvertible>(_ column: String) throws(LedgerError) -> Value {
        guard let value = self[column] as Value? else {
            throw LedgerError(.database, "the ledger is damaged: \(column) is empty or not a \(Value.self)")
        }
        return value
    }
}
