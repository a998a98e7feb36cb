import Foundation
import GrantsCore
import GrantsImport
import GrantsRules
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows

/// The Samples ledger in memory, and the paths and stamp the workflow tests share.
enum Samples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let ledgerFiles = root.appendingPathComponent("Samples/lancashire-2017-18").path
    static let bids = root.appendingPathComponent("Samples/bids-2017-18").path
    static let formulas = root.appendingPathComponent("Samples/formulas").path
    static let reports = root.appendingPathComponent("Reports").path

    static let stamp = Stamp(actor: "tester", at: Fixtures.at)

    /// A fresh in-memory ledger holding the Samples.
    static func ledger() throws -> Ledger {
        let ledger = try Ledger()
        try ledger.record(try LedgerFile.read(paths: [ledgerFiles]), as: Fixtures.change("samples"))
        return ledger
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
