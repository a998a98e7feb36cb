import ArgumentParser
import GrantsImport
import GrantsRulebooks
import GrantsRules

/// Finds, reads and lints the rulebook for each bid, once per scheme and year.
struct Rulebooks {
    private let override: Rulebook?
    private var cache: [String: Rulebook] = [:]

    init(override path: String?) throws(ExitCode) {
        override = try path.map { path throws(ExitCode) in try Self.load(path) }
    }

    /// Reads a rulebook and refuses it when lint finds an error in it.
    static func load(_ path: String) throws(ExitCode) -> Rulebook {
        let book: Rulebook
        do {
            book = try RulebookFile.read(file: path, source: ShippedRulebooks.displayName(of: path))
        } catch {
            throw failure(error)
        }
        let errors = RulebookLinter.lint(book).filter { $0.level == .error }
        if let first = errors.first {
            throw failure(
                "\(path): the rulebook has \(errors.count) error(s), first \(first); run `grants rulebook lint \(path)`",
                ExitStatus.dataError)
        }
        return book
    }

    mutating func rulebook(for bid: BidForm) throws(ExitCode) -> Rulebook {
        if let override {
            guard override.scheme == bid.scheme, override.year == bid.year else {
                throw failure(
                    "bid \(bid.id) is for \(bid.scheme.rawValue) \(bid.year.label), but the rulebook \(override.source) "
                        + "is for \(override.scheme.rawValue) \(override.year.label)", ExitStatus.dataError)
            }
            return override
        }
        let key = "\(bid.scheme.rawValue) \(bid.year.label)"
        if let cached = cache[key] { return cached }
        guard let path = ShippedRulebooks.path(scheme: bid.scheme.rawValue, year: bid.year.label) else {
            let where_ = ShippedRulebooks.folder == nil ? " (the shipped rulebooks are not beside the grants binary)" : ""
            throw failure(
                "no rulebook for \(bid.scheme.rawValue) \(bid.year.label) (bid \(bid.id))\(where_); name one with --rulebook",
                ExitStatus.dataError)
        }
        let book = try Self.load(path)
        cache[key] = book
        return book
    }
}
