import GrantsCore
import GrantsImport
import GrantsRulebooks
import GrantsRules

/// Finds, reads and lints the rulebook for each bid, once per scheme and year: the shipped one, or one named
/// in its place.
public struct RulebookLibrary: Sendable {
    private let override: Rulebook?
    private var cache: [String: Rulebook] = [:]

    /// The shipped rulebooks, or the one at `path` for every bid.
    public init(override path: String? = nil) throws(WorkflowError) {
        override = try path.map { path throws(WorkflowError) in try Self.load(path) }
    }

    /// Every shipped rulebook, read and linted now: for a server, which checks many bids and lists the schemes, and
    /// must not read a file per request.
    public static func shipped() throws(WorkflowError) -> RulebookLibrary {
        var library = try RulebookLibrary()
        for path in ShippedRulebooks.all() {
            let book = try load(path)
            library.cache["\(book.scheme.rawValue) \(book.year.label)"] = book
        }
        return library
    }

    /// The rulebooks read so far (every shipped one, for a library from `shipped()`), by scheme and then year.
    public var rulebooks: [Rulebook] {
        cache.values.sorted { ($0.scheme.rawValue, $0.year.startYear) < ($1.scheme.rawValue, $1.year.startYear) }
    }

    /// The rulebook read for a scheme and year, if any.
    public func rulebook(scheme: Scheme, year: FinancialYear) -> Rulebook? {
        cache["\(scheme.rawValue) \(year.label)"]
    }

    /// Reads a rulebook and refuses it when lint finds an error in it.
    public static func load(_ path: String) throws(WorkflowError) -> Rulebook {
        let book: Rulebook
        do {
            book = try RulebookFile.read(file: path, source: ShippedRulebooks.displayName(of: path))
        } catch {
            throw WorkflowError(error)
        }
        let errors = RulebookLinter.lint(book).filter { $0.level == .error }
        if let first = errors.first {
            throw .badData(
                "\(path): the rulebook has \(errors.count) error(s), first \(first); run `grants rulebook lint \(path)`")
        }
        return book
    }

    /// The rulebook for a bid's scheme and year.
    public mutating func rulebook(for bid: BidForm) throws(WorkflowError) -> Rulebook {
        if let override {
            guard override.scheme == bid.scheme, override.year == bid.year else {
                throw .badData(
                    "bid \(bid.id) is for \(bid.scheme.rawValue) \(bid.year.label), but the rulebook \(override.source) "
                        + "is for \(override.scheme.rawValue) \(override.year.label)")
            }
            return override
        }
        let key = "\(bid.scheme.rawValue) \(bid.year.label)"
        if let cached = cache[key] { return cached }
        guard let path = ShippedRulebooks.path(scheme: bid.scheme.rawValue, year: bid.year.label) else {
            let where_ = ShippedRulebooks.folder == nil ? " (the shipped rulebooks are not beside the grants binary)" : ""
            throw .badData(
                "no rulebook for \(bid.scheme.rawValue) \(bid.year.label) (bid \(bid.id))\(where_); name one with --rulebook")
        }
        let book = try Self.load(path)
        cache[key] = book
        return book
    }
}
