import GrantsTestSupport
import Testing
@testable import GrantsCore

@Suite struct AllocationFormulaTests {
    private func id(_ text: String) throws -> OrganisationID { try OrganisationID(parsing: "360G-Test-CSP-\(text)") }
    private func pounds(_ value: Int64) -> Money { Money(pence: value * 100) }

    @Test func aHandWorkedWeightedExampleToThePenny() throws {
        let (a, b, c) = (try id("A"), try id("B"), try id("C"))
        let formula = AllocationFormula(
            pot: pounds(100_000), retained: .percent(basisPoints: 1_000),
            method: .weighted(floor: pounds(10_000), indicators: [
                .init(name: "population", weight: 50, values: [a: 100, b: 200, c: 100]),
                .init(name: "recorded_crime", weight: 50, values: [a: 1, b: 1, c: 1]),
            ]),
            csps: [a, b, c])
        let plan = try formula.plan(available: pounds(325_000))
        #expect(plan.retained == pounds(10_000))
        #expect(plan.shared == pounds(90_000))
        #expect(plan.shares.map(\.total) == [pounds(27_500), pounds(35_000), pounds(27_500)])
        #expect(plan.shares[1].byIndicator == [pounds(15_000), pounds(10_000)])
        #expect(plan.basisPoints(of: plan.shares[1].total) == 3_500)
    }

    @Test func aLeftOverPennyGoesToTheSmallerIDOnATie() throws {
        let (a, b, c) = (try id("A"), try id("B"), try id("C"))
        let formula = AllocationFormula(
            pot: pounds(10_000), retained: .none,
            method: .weighted(floor: .zero, indicators: [.init(name: "equal", weight: 1, values: [a: 1, b: 1, c: 1])]),
            csps: [c, b, a])
        let plan = try formula.plan(available: pounds(10_000))
        #expect(plan.shares.map(\.total.pence) == [333_333, 333_333, 333_334])
        #expect(plan.shares[2].csp == a)
    }

    @Test func flatGivesEachTheSameAndKeepsTheRest() throws {
        let csps = try (1...12).map { try id("D\($0)") }
        let plan = try AllocationFormula(pot: nil, retained: .none, method: .flat(each: pounds(10_000)), csps: csps)
            .plan(available: pounds(325_000))
        #expect(plan.shares.allSatisfy { $0.total == pounds(10_000) })
        #expect(plan.shared == pounds(120_000))
        #expect(plan.unshared == pounds(205_000))
        #expect(plan.pot == pounds(325_000))
    }

    @Test func formulasThatCannotBeMetSayWhichPartFails() throws {
        let (a, b) = (try id("A"), try id("B"))
        func fails(_ formula: AllocationFormula, part: String, available: Money = Money(pence: 1_000_000)) {
            #expect(throws: AllocationFormulaError.self) { try formula.plan(available: available) }
            do {
                _ = try formula.plan(available: available)
            } catch {
                #expect(error.part == part, "\(error)")
            }
        }
        let indicator = AllocationFormula.Indicator(name: "population", weight: 1, values: [a: 1, b: 1])
        fails(.init(pot: nil, retained: .none, method: .weighted(floor: pounds(6_000), indicators: [indicator]), csps: [a, b]),
              part: "weighted.floor")
        fails(.init(pot: nil, retained: .none, method: .weighted(floor: .zero, indicators: [
            .init(name: "crime", weight: 1, values: [a: 1]),
        ]), csps: [a, b]), part: "weighted.indicators.crime")
        fails(.init(pot: nil, retained: .none, method: .weighted(floor: .zero, indicators: [
            .init(name: "crime", weight: 0, values: [a: 1, b: 1]),
        ]), csps: [a, b]), part: "weighted.indicators.crime")
        fails(.init(pot: nil, retained: .none, method: .weighted(floor: .zero, indicators: [
            .init(name: "crime", weight: 1, values: [a: 0, b: 0]),
        ]), csps: [a, b]), part: "weighted.indicators.crime")
        fails(.init(pot: nil, retained: .none, method: .flat(each: pounds(6_000)), csps: [a, b]), part: "flat.amount_each")
        fails(.init(pot: pounds(20_000), retained: .none, method: .flat(each: pounds(1)), csps: [a, b]), part: "pot")
        fails(.init(pot: nil, retained: .amount(pounds(20_000)), method: .flat(each: pounds(1)), csps: [a, b]),
              part: "retained")
        fails(.init(pot: nil, retained: .percent(basisPoints: 10_001), method: .flat(each: pounds(1)), csps: [a, b]),
              part: "retained")
        fails(.init(pot: nil, retained: .none, method: .flat(each: pounds(1)), csps: [a, a]), part: "csps")
    }

    @Test func randomWeightedFormulasAddUpAndRespectFloors() throws {
        var rng = SplitMix64(seed: 0xA110C)
        for _ in 0..<1_500 {
            let count = 1 + Int(rng.next() % 20)
            let csps = try (0..<count).map { try id("R\($0)") }
            let pot = Money(pence: Int64(rng.next() % 100_000_000_00) + 1)
            let floorLimit = pot.pence / Int64(count)
            let floor = Money(pence: floorLimit == 0 ? 0 : Int64(rng.next() % UInt64(floorLimit + 1)) / 2)
            let indicatorCount = 1 + Int(rng.next() % 4)
            let indicators = (0..<indicatorCount).map { index in
                var values: [OrganisationID: Int64] = [:]
                for csp in csps { values[csp] = Int64(rng.next() % 1_000_000) }
                values[csps[0]] = (values[csps[0]] ?? 0) + 1  // never all zero
                return AllocationFormula.Indicator(name: "i\(index)", weight: Int64(1 + rng.next() % 100), values: values)
            }
            let retained: AllocationFormula.Retained = rng.next() % 2 == 0
                ? .percent(basisPoints: Int64(rng.next() % 2_000)) : .none
            let formula = AllocationFormula(
                pot: pot, retained: retained, method: .weighted(floor: floor, indicators: indicators), csps: csps)
            // Every formula made here can be met: the floors take at most half the pot (each at most half of an equal
            // share) and less than 20% is retained. So a refusal fails the test, and every round checks a plan.
            let plan = try formula.plan(available: pot)
            let total = plan.shares.reduce(Int64(0)) { $0 + $1.total.pence }
            #expect(total == plan.shared.pence)
            #expect(plan.shared.pence + plan.retained.pence == pot.pence)
            #expect(plan.shares.allSatisfy { $0.total >= floor })
            #expect(plan.shares.allSatisfy { $0.byIndicator.reduce($0.floor.pence) { $0 + $1.pence } == $0.total.pence })
        }
    }

    @Test func randomFlatFormulasAddUp() throws {
        var rng = SplitMix64(seed: 0xF1A7)
        for _ in 0..<1_000 {
            let count = 1 + Int(rng.next() % 15)
            let csps = try (0..<count).map { try id("F\($0)") }
            // At least a penny for each CSP, and never more each than an equal share: every formula made here can be
            // met, so a refusal fails the test, and every round checks a plan.
            let pot = Money(pence: Int64(rng.next() % 1_000_000_000) + Int64(count))
            let each = Money(pence: max(1, pot.pence / Int64(count) - Int64(rng.next() % 1_000)))
            let plan = try AllocationFormula(pot: pot, retained: .none, method: .flat(each: each), csps: csps)
                .plan(available: pot)
            #expect(plan.shared.pence + plan.unshared.pence + plan.retained.pence == pot.pence)
            #expect(plan.shares.allSatisfy { $0.total == each })
        }
    }
}
