/// How a pot is split between community safety partnerships: a fixed sum each, or a floor each and the rest
/// shared by weighted indicators (population, recorded crime, a harm index…), after a share kept centrally.
public struct AllocationFormula: Hashable, Sendable {
    /// What the OPCC keeps centrally before the rest is shared.
    public enum Retained: Hashable, Sendable {
        /// Nothing is kept back: the whole pot is shared between the partnerships.
        case none
        /// A fixed sum kept back before the rest is shared.
        case amount(Money)
        /// A percentage in hundredths of a per cent (1250 = 12.5%); the amount is rounded down to the penny.
        case percent(basisPoints: Int64)
    }

    /// How the shared part of the pot is divided between the partnerships named.
    public enum Method: Hashable, Sendable {
        /// The same sum to each CSP named; what is left stays with the OPCC.
        case flat(each: Money)
        /// An optional floor to each, then the rest shared by indicators.
        case weighted(floor: Money, indicators: [Indicator])
    }

    /// One indicator: its weight in the formula and each CSP's value of it.
    public struct Indicator: Hashable, Sendable {
        /// The indicator's name as the formula file writes it, such as `population`; it heads the indicator's column in
        /// the allocation table.
        public let name: String
        /// A positive whole number: weights 50, 25, 25 share 50%, 25%, 25%.
        public let weight: Int64
        /// Each CSP's value, scaled to a whole number (the reader scales decimals by the same factor for all).
        public let values: [OrganisationID: Int64]

        /// Creates an indicator as read from a formula file; its weight and values are checked when the formula is
        /// applied.
        public init(name: String, weight: Int64, values: [OrganisationID: Int64]) {
            self.name = name
            self.weight = weight
            self.values = values
        }
    }

    /// The pot to share; `nil` for all that is left unallocated in the fund.
    public let pot: Money?
    /// The share the OPCC keeps centrally (none, a sum or a percentage), taken off the pot before anything is shared.
    public let retained: Retained
    /// Whether the shared part goes out as the same sum to each CSP or as a floor plus weighted indicators.
    public let method: Method
    /// The CSPs that get a share, in a stable order.
    public let csps: [OrganisationID]

    /// Creates a formula as read from a formula file; nothing is checked until it is applied with `plan(available:)`.
    public init(pot: Money?, retained: Retained, method: Method, csps: [OrganisationID]) {
        self.pot = pot
        self.retained = retained
        self.method = method
        self.csps = csps
    }
}

/// The result of applying a formula: each CSP's share and how it was made, and what is kept centrally.
public struct AllocationPlan: Hashable, Sendable {
    /// One partnership's share of the pot: its floor, its part from each indicator, and the total it is allocated.
    public struct Share: Hashable, Sendable {
        /// The community safety partnership the share goes to.
        public let csp: OrganisationID
        /// The floor every partnership gets before the indicators are applied; zero for a flat formula.
        public let floor: Money
        /// Each indicator's part of the share, in the formula's order (empty for a flat formula).
        public let byIndicator: [Money]
        /// The whole share (the floor plus every indicator's part, or the flat sum): what the partnership's allocation
        /// will be.
        public let total: Money
    }

    /// The pot that was shared: the formula's own, or all that was left to allocate in the fund.
    public let pot: Money
    /// What the OPCC keeps centrally, rounded down to the penny when it is a percentage.
    public let retained: Money
    /// The pot less what is retained: what the shares add up to.
    public let shared: Money
    /// The indicators' names in the formula's order, one for each entry of a share's `byIndicator`.
    public let indicatorNames: [String]
    /// One share per partnership, in the order the formula names them.
    public let shares: [Share]
    /// Left over after flat sums (kept by the OPCC with the retained share).
    public let unshared: Money

    /// A share as a percentage of the pot, in hundredths of a per cent, rounded half up: 307 is 3.07%.
    public func basisPoints(of amount: Money) -> Int64 {
        guard pot.pence > 0 else { return 0 }
        let scaled = Int128(amount.pence) * 10_000
        return Int64((scaled * 2 + Int128(pot.pence)) / (Int128(pot.pence) * 2))
    }
}

/// Why a formula cannot be met.
public struct AllocationFormulaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The part of the formula at fault: `pot`, `retained`, `flat.amount_each`, `weighted.floor`, an indicator…
    public let part: String
    /// What is wrong with that part, in words for the finance officer who wrote the formula.
    public let message: String

    /// Creates an error naming the part of the formula at fault and what is wrong with it.
    public init(part: String, _ message: String) {
        self.part = part
        self.message = message
    }

    /// `part: message`, as printed to the person who wrote the formula.
    public var description: String { "\(part): \(message)" }
}

extension AllocationFormula {
    /// Splits `available` (what the fund has left to allocate) by the formula, to the penny: the shares and the
    /// retained part add up exactly to the pot. Ties in apportioning go to the smaller CSP id.
    public func plan(available: Money) throws(AllocationFormulaError) -> AllocationPlan {
        let pot = self.pot ?? available
        if pot.isNegative || pot == .zero { throw AllocationFormulaError(part: "pot", "is \(pot.formatted); nothing to share") }
        if pot > available {
            throw AllocationFormulaError(
                part: "pot", "\(pot.formatted) is more than the \(available.formatted) left to allocate in the fund")
        }
        if csps.isEmpty { throw AllocationFormulaError(part: "csps", "no community safety partnership is named") }
        if Set(csps).count != csps.count {
            throw AllocationFormulaError(part: "csps", "a partnership is named twice")
        }
        let retainedAmount: Money
        switch retained {
        case .none: retainedAmount = .zero
        case .amount(let amount):
            if amount.isNegative { throw AllocationFormulaError(part: "retained", "is negative") }
            retainedAmount = amount
        case .percent(let basisPoints):
            guard (0...10_000).contains(basisPoints) else {
                throw AllocationFormulaError(part: "retained", "a percentage must be between 0 and 100")
            }
            retainedAmount = Money(pence: Int64(Int128(pot.pence) * Int128(basisPoints) / 10_000))
        }
        if retainedAmount > pot {
            throw AllocationFormulaError(part: "retained", "\(retainedAmount.formatted) is more than the \(pot.formatted) pot")
        }
        let shared = Money(pence: pot.pence - retainedAmount.pence)

        switch method {
        case .flat(let each):
            if each.isNegative || each == .zero {
                throw AllocationFormulaError(part: "flat.amount_each", "must be more than £0.00")
            }
            let (total, overflow) = each.pence.multipliedReportingOverflow(by: Int64(csps.count))
            if overflow || total > shared.pence {
                throw AllocationFormulaError(
                    part: "flat.amount_each",
                    "\(csps.count) × \(each.formatted) is more than the \(shared.formatted) to share")
            }
            let shares = csps.map { AllocationPlan.Share(csp: $0, floor: .zero, byIndicator: [], total: each) }
            return AllocationPlan(
                pot: pot, retained: retainedAmount, shared: Money(pence: total), indicatorNames: [], shares: shares,
                unshared: Money(pence: shared.pence - total))

        case .weighted(let floor, let indicators):
            if floor.isNegative { throw AllocationFormulaError(part: "weighted.floor", "is negative") }
            let (floors, overflow) = floor.pence.multipliedReportingOverflow(by: Int64(csps.count))
            if overflow || floors > shared.pence {
                throw AllocationFormulaError(
                    part: "weighted.floor",
                    "\(csps.count) floors of \(floor.formatted) are more than the \(shared.formatted) to share")
            }
            if indicators.isEmpty { throw AllocationFormulaError(part: "weighted.indicators", "none are named") }
            for indicator in indicators {
                guard indicator.weight > 0 else {
                    throw AllocationFormulaError(
                        part: "weighted.indicators.\(indicator.name)", "the weight is \(indicator.weight); it must be positive")
                }
                for csp in csps {
                    guard let value = indicator.values[csp] else {
                        throw AllocationFormulaError(
                            part: "weighted.indicators.\(indicator.name)", "no value for \(csp)")
                    }
                    guard value >= 0 else {
                        throw AllocationFormulaError(
                            part: "weighted.indicators.\(indicator.name)", "the value for \(csp) is negative")
                    }
                }
                if csps.allSatisfy({ indicator.values[$0] == 0 }) {
                    throw AllocationFormulaError(
                        part: "weighted.indicators.\(indicator.name)", "every partnership's value is zero")
                }
            }
            let rest = Money(pence: shared.pence - floors)
            // First the rest between indicators by their weights, then each indicator's part between CSPs by their
            // values: every step adds up exactly, so the whole does.
            let byIndicator = try Self.split(
                rest, indicators.map { Apportionment.Share(key: $0.name, weight: $0.weight) }, part: "weighted.indicators")
            var parts: [[Money]] = Array(repeating: [], count: csps.count)
            for (index, indicator) in indicators.enumerated() {
                let split = try Self.split(
                    byIndicator[index].amount,
                    csps.map { Apportionment.Share(key: $0.rawValue, weight: indicator.values[$0] ?? 0) },
                    part: "weighted.indicators.\(indicator.name)")
                for (position, entry) in split.enumerated() { parts[position].append(entry.amount) }
            }
            let shares = csps.enumerated().map { position, csp in
                let total = parts[position].reduce(floor.pence) { $0 + $1.pence }
                return AllocationPlan.Share(csp: csp, floor: floor, byIndicator: parts[position], total: Money(pence: total))
            }
            return AllocationPlan(
                pot: pot, retained: retainedAmount, shared: shared, indicatorNames: indicators.map(\.name),
                shares: shares, unshared: .zero)
        }
    }

    private static func split(_ amount: Money, _ shares: [Apportionment.Share], part: String) throws(AllocationFormulaError)
        -> [(key: String, amount: Money)]
    {
        do {
            return try Apportionment.split(amount, by: shares)
        } catch {
            throw AllocationFormulaError(part: part, error.description)
        }
    }
}
