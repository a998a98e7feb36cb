import Foundation
import GrantsCore
import GrantsImport
import GrantsRules
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows

/// The Samples ledger in memory, and the paths and stamp the workflow tests share.
enum Samples {
    static let root = PackageFiles.root
    static let ledgerFiles = PackageFiles.samples
    static let bids = PackageFiles.bids
    static let formulas = PackageFiles.formulas.path
    static let reports = PackageFiles.reports.path

    static let stamp = Stamp(actor: "tester", at: Fixtures.at)

    /// A fresh in-memory ledger holding the Samples.
    static func ledger() throws -> Ledger {
        try Fixtures.sampleLedger(reason: "samples")
    }

    /// The sample bid in `file` (under Samples/bids-2017-18).
    static func bid(_ file: String) throws -> BidForm {
        let forms = try BidFile.read(file: (bids as NSString).appendingPathComponent(file))
        guard let first = forms.first else { throw MissingSample(file: file) }
        return first.value
    }

    static func day(_ text: String) throws -> Day { try Day(parsing: text) }
    static func money(_ text: String) throws -> Money { try Money(parsing: text) }

    struct MissingSample: Error { let file: String }
}

/// What a ledger holds, to prove a refused workflow changed nothing.
struct Snapshot: Equatable {
    let history: Int
    let reconciliation: Reconciliation

    init(_ ledger: Ledger) throws {
        history = try ledger.history().count
        reconciliation = try ledger.reconcile()
    }
}
