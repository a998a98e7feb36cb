import Foundation
import Hummingbird
import HTTPTypes
import GrantsWorkflows

/// The grants pages and files, kept until the ledger changes. A year's register and 360Giving files are read from
/// every award of the year; made once for each change of the ledger, not once for each request, a busy day of
/// downloads reads the ledger once. Each answer carries the ledger's version as its ETag, so a browser or a
/// harvester asking again with If-None-Match is told 304 Not Modified and sent nothing.
final class PublishedCache: Sendable {
    private let bodies = VersionedCache<[UInt8]>()
    /// Random for each server started: an ETag names the server's run as well as the ledger's version, so a page
    /// a browser kept from an earlier build, or from another ledger at the same version, is never taken as fresh.
    private let run: String

    init() {
        var generator = SystemRandomNumberGenerator()
        run = String(generator.next() as UInt64, radix: 36)
    }

    /// The body kept under `key` if it was made at `version`; otherwise one made now.
    func body(_ key: String, version: Int64, make: () throws -> [UInt8]) throws -> [UInt8] {
        try bodies.value(key, version: version, make: make)
    }

    /// The ETag of what was made at `version`.
    func tag(_ version: Int64) -> String { "\"\(run)-ledger-\(version)\"" }

    /// What the request's If-None-Match says it holds of what was made at `version`.
    enum Held {
        /// Nothing (no If-None-Match, or other tags).
        case nothing
        /// This very version: its tag.
        case this
        /// Whatever there is (`*`): fresh only if there is something, so asked once the body is made.
        case anything
    }

    func held(_ request: Request, version: Int64) -> Held {
        guard let header = request.headers[.ifNoneMatch] else { return .nothing }
        let tag = tag(version)
        let items = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        if items.contains(where: { $0 == tag || $0 == "W/" + tag }) { return .this }
        return items.contains("*") ? .anything : .nothing
    }
}
