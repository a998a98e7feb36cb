import GrantsCore
@testable import GrantsRules
import Testing

/// budget-balances (lines add up to the request, to the penny) and eligible-costs (no barred categories, no
/// reclaimable VAT, and VAT said for every line).
@Suite struct BudgetCheckTests {
    static let balances = RT.rule("CAF-BUDGET", .budgetBalances)
    static let costs = RT.rule("CAF-COSTS", .eligibleCosts, ["ineligible": "ineligible_costs"])
    static let costsLimit = "none of \(RT.ineligibleCosts.joined(separator: ", ")); no reclaimable VAT"

    // MARK: budget-balances

    @Test func aBudgetAddingUpToTheRequestPasses() throws {
        let result = try RT.result(Self.balances, bid: RT.bid(requested: "2500.00", budget: RT.exampleBudget))
        #expect(result.status == .pass)
        #expect(result.found == "£2,500.00")
        #expect(result.limit == "£2,500.00")
        #expect(result.message == "2 lines")
        #expect(result.applied.isEmpty)
    }

    @Test func aBudgetAPennyShortFails() throws {
        let budget = [RT.line("venue-hire", "Hall hire", "1200.00"), RT.line("equipment", "Gloves and pads", "1299.99")]
        let result = try RT.result(Self.balances, bid: RT.bid(requested: "2500.00", budget: budget))
        #expect(result.status == .fail)
        #expect(result.found == "£2,499.99")
        #expect(result.limit == "£2,500.00")
        #expect(result.message == "off by -£0.01")
        #expect(result.applied.isEmpty)
    }

    @Test func aBudgetAPennyOverFails() throws {
        let budget = [RT.line("venue-hire", "Hall hire", "1200.01"), RT.line("equipment", "Gloves and pads", "1300.00")]
        let result = try RT.result(Self.balances, bid: RT.bid(requested: "2500.00", budget: budget))
        #expect(result.status == .fail)
        #expect(result.found == "£2,500.01")
        #expect(result.message == "off by £0.01")
    }

    @Test func noBudgetIsUnknown() throws {
        let result = try RT.result(Self.balances, bid: RT.bid(budget: nil))
        #expect(result.status == .unknown)
        #expect(result.found == "nothing")
        #expect(result.message == "the bid gives no budget")
        #expect(result.applied.isEmpty)
    }

    @Test func anEmptyBudgetIsGivenAndFails() throws {
        let result = try RT.result(Self.balances, bid: RT.bid(requested: "2500.00", budget: []))
        #expect(result.status == .fail)
        #expect(result.found == "£0.00")
    }

    // MARK: eligible-costs

    @Test func eligibleLinesWithoutReclaimableVATPass() throws {
        let result = try RT.result(Self.costs, bid: RT.bid(budget: RT.exampleBudget))
        #expect(result.status == .pass)
        #expect(result.found == "2 budget lines")
        #expect(result.limit == Self.costsLimit)
        #expect(result.message == "all eligible")
        #expect(result.applied == [RT.applied("ineligible_costs", .list(RT.ineligibleCosts))])
    }

    @Test func aBarredCategoryFailsAndIsNamed() throws {
        let budget = RT.exampleBudget + [RT.line("alcohol", "Celebration drinks", "50.00")]
        let result = try RT.result(Self.costs, bid: RT.bid(budget: budget))
        #expect(result.status == .fail)
        #expect(result.found == "alcohol (Celebration drinks, £50.00)")
        #expect(result.limit == Self.costsLimit)
        #expect(result.message == "alcohol (Celebration drinks, £50.00)")
        #expect(result.applied == [RT.applied("ineligible_costs")])
    }

    @Test func reclaimableVATFails() throws {
        let budget = [RT.line("venue-hire", "Hall hire", "1200.00"), RT.line("equipment", "Gloves and pads", "1300.00", vat: true)]
        let result = try RT.result(Self.costs, bid: RT.bid(budget: budget))
        #expect(result.status == .fail)
        #expect(result.found == "reclaimable VAT on Gloves and pads (£1,300.00)")
        #expect(result.applied == [RT.applied("ineligible_costs")])
    }

    @Test func aLineThatDoesNotSayWhetherVATIsReclaimableIsUnknown() throws {
        let budget = [RT.line("venue-hire", "Hall hire", "1200.00", vat: nil), RT.line("equipment", "Gloves and pads", "1300.00")]
        let result = try RT.result(Self.costs, bid: RT.bid(budget: budget))
        #expect(result.status == .unknown)
        #expect(result.found == "2 budget lines")
        #expect(result.message == "the bid does not say whether VAT is reclaimable on: Hall hire")
        #expect(result.applied == [RT.applied("ineligible_costs")])
    }

    @Test func aBarredLineFailsEvenWhenAnotherLineIsUnsaid() throws {
        let budget = [RT.line("venue-hire", "Hall hire", "1200.00", vat: nil), RT.line("alcohol", "Drinks", "10.00")]
        let result = try RT.result(Self.costs, bid: RT.bid(budget: budget))
        #expect(result.status == .fail)
    }

    @Test func noBudgetLeavesTheCostsUnknown() throws {
        let result = try RT.result(Self.costs, bid: RT.bid(budget: nil))
        #expect(result.status == .unknown)
        #expect(result.message == "the bid gives no budget")
        #expect(result.applied == [RT.applied("ineligible_costs")])
    }

    @Test func anIneligibleListNotYetInForceIsUnknown() throws {
        let late = RT.parameter("ineligible_costs", .list(RT.ineligibleCosts), from: "2017-06-02")
        let result = try RT.result(Self.costs, parameters: [late], bid: RT.bid(submitted: "2017-06-01"))
        #expect(result.status == .unknown)
        #expect(result.message == "no value of ineligible_costs applies on 2017-06-01")
        #expect(result.applied.isEmpty)
    }
}
