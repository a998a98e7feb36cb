import Foundation
import GrantsCore
import GrantsImport
import GrantsStore

/// Small, valid ledger files and helpers shared by the test targets.
public enum Fixtures {
    /// A fixed time for every change the tests record.
    public static let at: Timestamp = {
        // A constant known to be valid; a failure here is a broken test, not input.
        guard let value = try? Timestamp(parsing: "2018-04-30T09:00:00Z") else { preconditionFailure("bad fixture") }
        return value
    }()

    public static func change(_ reason: String = "test") -> Change {
        Change(actor: "tester", at: at, reason: reason)
    }

    /// The OPCC, South Ribble council, police, the South Ribble CSP, a community group; a £10,000.00 CSP fund
    /// with a £5,000.00 allocation to the CSP, and a £1,000.00 Community Action Fund.
    public static let base = """
        format: grants-ledger/1
        organisations:
          - id: 360G-Test-OPCC
            name: Office of the Police and Crime Commissioner (test)
            kind: opcc
          - id: GB-LAE-SRI
            name: South Ribble Borough Council
            kind: local-authority
          - id: 360G-Test-POLICE
            name: Lancashire Constabulary
            kind: police
          - id: 360G-Test-CSP-SR
            name: South Ribble Community Safety Partnership
            kind: csp
            members: [GB-LAE-SRI, 360G-Test-POLICE]
          - id: 360G-Test-ORG-0001
            name: Leyland Youth Boxing Club (example)
            kind: community-group
            example: true
        funds:
          - id: CSP-2017-18
            name: CSP grant 2017/18
            scheme: csp-grant
            financial_year: 2017/18
            amount: "10000.00"
            funder: 360G-Test-OPCC
          - id: CAF-2017-18
            name: Community Action Fund 2017/18
            scheme: community-action-fund
            financial_year: 2017/18
            amount: "1000.00"
            funder: 360G-Test-OPCC
        allocations:
          - id: ALLOC-SR
            fund: CSP-2017-18
            csp: 360G-Test-CSP-SR
            amount: "5000.00"
            decision: "2017/12"
            date: 2017-04-20

        """

    /// A ledger file holding one CSP award against `ALLOC-SR`.
    public static func award(id: String, amount: String, allocation: String = "ALLOC-SR") -> String {
        """
        format: grants-ledger/1
        awards:
          - id: \(id)
            fund: CSP-2017-18
            allocation: \(allocation)
            recipient: GB-LAE-SRI
            title: Youth diversionary project
            amount: "\(amount)"
            decision: "2017/81"
            award_date: 2017-07-03
            planned_start: 2017-07-10
            planned_end: 2018-03-31
            priorities: [anti-social-behaviour]

        """
    }

    /// A ledger file holding one payment.
    public static func payment(id: String, award: String, amount: String, date: String = "2017-10-16") -> String {
        """
        format: grants-ledger/1
        payments:
          - id: \(id)
            award: \(award)
            amount: "\(amount)"
            date: \(date)

        """
    }

    /// An in-memory ledger holding `base`.
    public static func ledger() throws -> Ledger {
        let ledger = try TestStore.emptyLedger()
        try ledger.record(try LedgerFile.parse(base, file: "base.yaml"), as: change())
        return ledger
    }
}

/// A folder under the system's temporary folder, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("grants-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    /// Writes `text` to a file named `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    public func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
