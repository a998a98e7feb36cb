import Foundation
import GrantsCore
import GrantsStore
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// A connection, and the one query waiting on it, which fails the moment the connection closes: a query sent as the
/// server dies (killed, or its machine gone) can be left unanswered by postgres-nio after its connection has closed,
/// and a command would wait for it for ever. Made once per connection, so that it watches the connection's closing
/// once (a callback per query would be kept, with its result, until the connection closed).
final class WatchedConnection: Sendable {
    let connection: PostgresConnection
    private let waiting: Waiting

    private final class Waiting: Sendable {
        let promise = Mutex<EventLoopPromise<PostgresQueryResult>?>(nil)

        func fail() {
            promise.withLock { $0 }?.fail(
                SQLDriverError(.unreachable, "the connection to PostgreSQL closed before it answered"))
        }
    }

    init(_ connection: PostgresConnection) {
        self.connection = connection
        let waiting = Waiting()
        self.waiting = waiting
        connection.closeFuture.whenComplete { _ in waiting.fail() }
    }

    var isClosed: Bool { connection.isClosed }

    /// Sends `query` and waits for its answer, or for the connection to close, whichever comes first. One query at a
    /// time: a connection serves one session, on one thread.
    func answer(to query: PostgresQuery, logger: Logger) throws -> PostgresQueryResult {
        let answered = connection.query(query, logger: logger)
        let promise = answered.eventLoop.makePromise(of: PostgresQueryResult.self)
        waiting.promise.withLock { $0 = promise }
        defer { waiting.promise.withLock { $0 = nil } }
        answered.cascade(to: promise)
        // Closed before it was watched: failed here. (A promise completes once; whichever comes second is ignored.)
        if connection.isClosed { waiting.fail() }
        return try promise.futureResult.wait()
    }

    func close() {
        try? (connection.close() as EventLoopFuture<Void>).wait()
    }
}

/// One PostgreSQL connection as the ledger's queries use it: their `?` and `:name` parameters become `$1`, `$2`…,
/// values are bound as `int8` or `text`, and what comes back is read into the ledger's two kinds of value.
final class PostgresSession: SQLSession {
    let watched: WatchedConnection
    let logger: Logger

    init(_ watched: WatchedConnection, logger: Logger) {
        self.watched = watched
        self.logger = logger
    }

    var dialect: SQLDialect { .postgres }

    /// Runs `sql` as it is, with no parameters: transaction control, and the schema's migrations, one statement at
    /// a time (postgres-nio sends each as a prepared statement, which holds one).
    func run(_ sql: String) throws {
        for statement in Self.statements(sql) {
            do {
                _ = try answer(to: PostgresQuery(unsafeSQL: statement))
            } catch {
                throw Self.described(error)
            }
        }
    }

    private func answer(to query: PostgresQuery) throws -> PostgresQueryResult {
        try watched.answer(to: query, logger: logger)
    }

    /// Commits the transaction. PostgreSQL answers COMMIT of a transaction a failed statement aborted with ROLLBACK
    /// and no error: that is a failure here, never a success.
    func commit() throws {
        let result: PostgresQueryResult
        do {
            result = try answer(to: PostgresQuery(unsafeSQL: "COMMIT"))
        } catch {
            throw Self.described(error)
        }
        guard result.metadata.command == "COMMIT" else {
            throw SQLDriverError(.failed, "PostgreSQL rolled the transaction back (\(result.metadata.command))")
        }
    }

    /// The statements of `sql`, split at each `;` that is outside quoted text, quoted names, dollar-quoted bodies
    /// (`$$ … $$`, `$tag$ … $tag$`) and comments.
    static func statements(_ sql: String) -> [String] {
        let characters = Array(sql.unicodeScalars)
        var statements: [String] = []
        var start = 0
        var index = 0
        func text(_ from: Int, _ to: Int) -> String {
            var string = String.UnicodeScalarView()
            string.append(contentsOf: characters[from..<to])
            return String(string)
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "'", "\"":
                index += 1
                while index < characters.count, characters[index] != character { index += 1 }
            case "-" where index + 1 < characters.count && characters[index + 1] == "-":
                while index < characters.count, characters[index] != "\n" { index += 1 }
            case "/" where index + 1 < characters.count && characters[index + 1] == "*":
                index += 2
                while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == "/") {
                    index += 1
                }
                index += 1
            case "$":
                var end = index + 1
                while end < characters.count, characters[end] == "_" || characters[end].properties.isAlphabetic {
                    end += 1
                }
                guard end < characters.count, characters[end] == "$" else { break }
                let tag = text(index, end + 1)
                let body = text(end + 1, characters.count)
                guard let close = body.range(of: tag) else {
                    index = characters.count
                    break
                }
                index = end + 1 + body.unicodeScalars.distance(
                    from: body.unicodeScalars.startIndex, to: close.upperBound) - 1
            case ";":
                statements.append(text(start, index))
                start = index + 1
            default:
                break
            }
            index += 1
        }
        statements.append(text(start, characters.count))
        return statements.filter { statement in
            !statement.split(separator: "\n").allSatisfy {
                let line = $0.trimmingCharacters(in: .whitespaces)
                return line.isEmpty || line.hasPrefix("--")
            }
        }
    }

    func execute(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> Int {
        try result(sql, arguments).metadata.rows ?? 0
    }

    func cursor(_ sql: String, _ arguments: SQLArguments, cached: Bool) throws -> SQLRowCursor {
        let result = try result(sql, arguments)
        guard let first = result.rows.first else { return SQLRowCursor { nil } }
        let columns = SQLColumns(first.map(\.columnName))
        var rows = result.rows.makeIterator()
        return SQLRowCursor {
            guard let row = rows.next() else { return nil }
            return SQLRow(columns: columns, values: try row.map(Self.value))
        }
    }

    private func result(_ sql: String, _ arguments: SQLArguments) throws -> PostgresQueryResult {
        var text = ""
        var binds = PostgresBindings()
        var numbers: [Parameter: Int] = [:]
        for piece in Self.pieces(sql) {
            switch piece {
            case .text(let literal):
                text += literal
            case .parameter(let parameter):
                let value: SQLValue
                switch parameter {
                case .position(let index):
                    guard index < arguments.positional.count else {
                        throw SQLDriverError(.failed, "a statement has more parameters than values: \(sql)")
                    }
                    value = arguments.positional[index]
                case .name(let name):
                    guard let named = arguments.named[name] else {
                        throw SQLDriverError(.failed, "no value for :\(name) in \(sql)")
                    }
                    value = named
                }
                // NULL is written into the statement: bound, PostgreSQL would have to guess its type from where it
                // stands, and cannot in `? IS NULL`.
                if value == .null {
                    text += "NULL"
                    continue
                }
                if let number = numbers[parameter] {
                    text += "$\(number)"
                    continue
                }
                switch value {
                case .null: break
                case .integer(let int): binds.append(int)
                case .text(let string): binds.append(string)
                }
                numbers[parameter] = binds.count
                text += "$\(binds.count)"
            }
        }
        do {
            return try answer(to: PostgresQuery(unsafeSQL: text, binds: binds))
        } catch {
            throw Self.described(error)
        }
    }

    /// A column's value as the ledger reads it: integers of any width, booleans as 0 or 1 (as SQLite keeps them),
    /// sums (`numeric`, which PostgreSQL gives for a sum of `bigint`) as whole numbers, and text.
    private static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard var bytes = cell.bytes else { return .null }
        guard cell.format == .binary else {
            return .text(bytes.readString(length: bytes.readableBytes) ?? "")
        }
        switch cell.dataType {
        case .int8: return .integer(try cell.decode(Int64.self))
        case .int4: return .integer(Int64(try cell.decode(Int32.self)))
        case .int2: return .integer(Int64(try cell.decode(Int16.self)))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            guard let whole = Self.wholeNumber(&bytes) else {
                throw SQLDriverError(.failed, "\(cell.columnName) is not a whole number that fits in 64 bits")
            }
            return .integer(whole)
        default: return .text(try cell.decode(String.self))
        }
    }

    /// PostgreSQL's binary `numeric` (digit count, weight, sign, scale, then base-10000 digits) as an `Int64`, or nil
    /// when it has a fraction or does not fit: the ledger's sums are of whole pence.
    static func wholeNumber(_ buffer: inout ByteBuffer) -> Int64? {
        guard let count = buffer.readInteger(as: Int16.self), let weight = buffer.readInteger(as: Int16.self),
              let sign = buffer.readInteger(as: UInt16.self), buffer.readInteger(as: UInt16.self) != nil,
              count >= 0, sign == 0x0000 || sign == 0x4000
        else { return nil }
        var value: Int64 = 0
        for position in 0..<Int(max(count, weight + 1)) {
            let digit = position < count ? buffer.readInteger(as: Int16.self) : 0
            guard let digit, digit >= 0, digit < 10000 else { return nil }
            if position > Int(weight) {
                guard digit == 0 else { return nil }
                continue
            }
            let (shifted, over) = value.multipliedReportingOverflow(by: 10000)
            let (sum, over2) = shifted.addingReportingOverflow(Int64(digit))
            guard !over, !over2 else { return nil }
            value = sum
        }
        return sign == 0x4000 ? -value : value
    }

    /// A value a statement takes: the nth of its values, or the one named.
    enum Parameter: Hashable {
        case position(Int)
        case name(String)
    }

    /// A statement cut at its parameters.
    enum Piece: Equatable {
        case text(String)
        case parameter(Parameter)
    }

    private static let cut = Mutex<[String: [Piece]]>([:])

    /// `sql` cut at each `?`, `?NNN` and `:name` outside quoted text and names: `?NNN` is the NNNth value, and a
    /// plain `?` the one after the largest numbered so far (as SQLite numbers them).
    static func pieces(_ sql: String) -> [Piece] {
        if let known = cut.withLock({ $0[sql] }) { return known }
        var pieces: [Piece] = []
        var text = ""
        var largest = 0
        var quote: Character?
        var characters = sql.makeIterator()
        var pending = characters.next()
        func parameter(_ parameter: Parameter) {
            pieces.append(.text(text))
            text = ""
            pieces.append(.parameter(parameter))
        }
        while let character = pending {
            pending = characters.next()
            if let open = quote {
                text.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                text.append(character)
            case "?":
                var digits = ""
                while let next = pending, next.isASCII, next.isNumber {
                    digits.append(next)
                    pending = characters.next()
                }
                let number = Int(digits).flatMap { $0 > 0 ? $0 : nil } ?? largest + 1
                largest = max(largest, number)
                parameter(.position(number - 1))
            case ":" where pending.map { $0.isLetter || $0 == "_" } == true && text.last != ":":
                var name = ""
                while let next = pending, next.isLetter || next.isNumber || next == "_" {
                    name.append(next)
                    pending = characters.next()
                }
                parameter(.name(name))
            default:
                text.append(character)
            }
        }
        pieces.append(.text(text))
        cut.withLock { $0[sql] = pieces }
        return pieces
    }

    /// `error` as the ledger reports a database's failure: a `LedgerError` as it is; PostgreSQL's refusal of a
    /// change (a constraint or a trigger, SQLSTATE class 23) as a refusal; a lost connection as the server out of
    /// reach; anything else in the server's words.
    static func described(_ error: any Error) -> any Error {
        if error is LedgerError || error is SQLDriverError { return error }
        if let error = error as? PSQLError {
            if let state = error.serverInfo?[.sqlState] {
                let kind: SQLDriverError.Kind =
                    state.hasPrefix("23") ? .refused : state.hasPrefix("08") || state.hasPrefix("57P") ? .unreachable
                    : .failed
                return SQLDriverError(kind, describe(error))
            }
            switch error.code {
            case .connectionError, .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed:
                return SQLDriverError(.unreachable, "the connection to PostgreSQL was lost: \(describe(error))")
            default:
                return SQLDriverError(.failed, describe(error))
            }
        }
        if error is ChannelError || error is IOError {
            return SQLDriverError(.unreachable, "the connection to PostgreSQL was lost: \(error)")
        }
        return SQLDriverError(.failed, String(describing: error))
    }

    /// PostgreSQL's message (and its detail) rather than postgres-nio's deliberately vague description.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] {
            let detail = error.serverInfo?[.detail].map { " (\($0))" } ?? ""
            return message + detail
        }
        if let underlying = error.underlying {
            return "\(error.code): \(underlying)"
        }
        return "\(error.code)"
    }
}
