import Foundation
import GrantsCore
import GrantsImport
import GrantsWorkflows
import GrantsTestSupport
import Testing

/// Allocating a pot by formula, and moving money between allocations later.
@Suite struct AllocationWorkflowTests {
    static func request(fund: String = "CSP-2018-19", decision: String = "2018/09") throws -> AllocationWorkflow.Request {
        let path = (Samples.formulas as NSString).appendingPathComponent("csp-flat-10000.yaml")
        return AllocationWorkflow.Request(
            fund: fund, formula: try FormulaFile.read(file: path), formulaName: "csp-flat-10000.yaml",
            decision: decision, date: try Samples.day("2018-04-16"))
    }

    @Test func aPlanRecordsNothingAndTheRecordMakesOneAllocationPerShare() throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        let proposal = try AllocationWorkflow.plan(try Self.request(), in: ledger)
        #expect(try Snapshot(ledger) == before, "planning is a dry run")
        #expect(proposal.allocations.count == 12)
        #expect(proposal.allocations.first?.id == "CSP-2018-19-2018-09-01")
        #expect(proposal.names.count == 12)
        let outcome = try AllocationWorkflow.record(proposal, in: ledger, by: Samples.stamp)
        #expect(outcome.added == [.allocation: 12])
        let unallocated = try ledger.unallocated(fund: "CSP-2018-19")
        #expect(unallocated == proposal.plan.unshared)
    }

    @Test func aFundNotSplitIntoAllocationsIsRefused() throws {
        let ledger = try Samples.ledger()
        let error = #expect(throws: WorkflowError.self) {
            try AllocationWorkflow.plan(try Self.request(fund: "CAF-2017-18"), in: ledger)
        }
        #expect(error?.failureKind == .badData)
        #expect(error?.message.contains("which is not split into CSP allocations") == true)
    }

    @Test func anEmptyDecisionIsAUsageError() throws {
        let ledger = try Samples.ledger()
        let error = #expect(throws: WorkflowError.self) {
            try AllocationWorkflow.plan(try Self.request(decision: "  "), in: ledger)
        }
        #expect(error?.failureKind == .usage)
        #expect(error?.message == "--decision is empty")
    }

    @Test func moneyMovesToANewAllocationForAnotherCSP() throws {
        let ledger = try Samples.ledger()
        let request = Reallocation.Request(
            from: "ALLOC-2017-18-BUR", amount: try Samples.money("1000.00"), to: .csp("360G-LancashirePCC-CSP-WYRE"), decision: "2017/99",
            date: try Samples.day("2017-10-01"), reason: "underspend forecast")
        let result = try Reallocation.record(request, in: ledger, by: Samples.stamp)
        #expect(result.newAllocation == "CSP-2017-18-2017-99-360G-LancashirePCC-CSP-WYRE")
        #expect(result.outcome.added == [.allocation: 1, .allocationChange: 1])
        #expect(try ledger.reconcile().balances)
    }

    @Test func committedMoneyCannotBeTaken() throws {
        let ledger = try Samples.ledger()
        let before = try Snapshot(ledger)
        let request = Reallocation.Request(
            from: "ALLOC-2017-18-LAC", amount: try Samples.money("10000.00"), to: .fund, decision: "2017/99",
            date: try Samples.day("2017-10-01"), reason: "cut")
        let error = #expect(throws: WorkflowError.self) { try Reallocation.record(request, in: ledger, by: Samples.stamp) }
        #expect(error?.failureKind == .badData)
        #expect(error?.message.contains("would take away committed money") == true, "\(error?.message ?? "")")
        #expect(try Snapshot(ledger) == before)
    }

    @Test func aZeroAmountIsAUsageError() throws {
        let ledger = try Samples.ledger()
        let request = Reallocation.Request(
            from: "ALLOC-2017-18-BUR", amount: .zero, to: .fund, decision: "2017/99", date: try Samples.day("2017-10-01"),
            reason: "cut")
        let error = #expect(throws: WorkflowError.self) { try Reallocation.record(request, in: ledger, by: Samples.stamp) }
        #expect(error?.failureKind == .usage)
    }
}

/// A dry run says no wherever the real run would.
@Suite struct AllocationDryRunTests {
    @Test func aCouncilAmongTheIndicatorsIsRefusedBeforeAnythingIsShown() throws {
        let ledger = try Samples.ledger()
        let folder = try TemporaryFolder()
        _ = try folder.write("indicators.csv", """
            csp,population
            360G-LancashirePCC-CSP-BURNLEY,88000
            GB-LAE-SRI,110000

            """)
        let path = try folder.write("formula.yaml", """
            format: grants-formula/1
            weighted: {floor: "1000.00", indicators_file: indicators.csv, weights: {population: 1}}

            """)
        let request = AllocationWorkflow.Request(
            fund: "CSP-2018-19", formula: try FormulaFile.read(file: path), formulaName: "formula.yaml",
            decision: "2018/09", date: try Samples.day("2018-04-16"))
        let error = #expect(throws: WorkflowError.self) { try AllocationWorkflow.plan(request, in: ledger) }
        #expect(error?.failureKind == .badData)
        #expect(error?.message.contains("GB-LAE-SRI (South Ribble Borough Council) is local authority, not a community safety partnership") == true, "\(error?.message ?? "")")
    }

    @Test func aPartnershipMissingFromTheIndicatorsIsAnError() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("indicators.csv", "csp,population\n360G-LancashirePCC-CSP-BURNLEY,88000\n")
        let path = try folder.write("formula.yaml", """
            format: grants-formula/1
            csps: [360G-LancashirePCC-CSP-BURNLEY, 360G-LancashirePCC-CSP-WYRE]
            weighted: {floor: "1000.00", indicators_file: indicators.csv, weights: {population: 1}}

            """)
        let error = #expect(throws: ImportError.self) { try FormulaFile.read(file: path) }
        #expect(error?.field == "csps")
        #expect(error?.message.contains("360G-LancashirePCC-CSP-WYRE has no row") == true, "\(error?.message ?? "")")
    }
}
