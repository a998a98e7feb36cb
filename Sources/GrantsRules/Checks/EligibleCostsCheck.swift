import Foundation

/// Flags budget lines the scheme never pays for (alcohol, political or religious promotion, retrospective
/// costs, another body's statutory duties) and VAT the applicant can reclaim.
enum EligibleCostsCheck: CheckDefinition {
    static let arguments = [ArgumentSpec("ineligible", .parameter(.list))]

    /// Lower case, without surrounding white space; rulebooks write categories that way.
    static func fold(_ category: String) -> String {
        category.lowercased().trimmingCharacters(in: .whitespaces)
    }

    static func needsFolding(_ category: String) -> Bool {
        category.utf8.contains { (65...90).contains($0) || $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 }
    }

    static func evaluate(_ context: CheckContext) -> CheckFinding {
        let ineligibleResult = context.list("ineligible")
        guard case .success(let (ineligible, applied)) = ineligibleResult else { return ineligibleResult.failureFinding }
        guard let budget = context.bid.budget else { return .unknown("the bid gives no budget", applied: [applied]) }
        let limit = "none of \(applied.display); no reclaimable VAT"
        // Applicants type categories themselves: compare without case or surrounding space.
        let barred = budget.filter { line in
            ineligible.contains(line.category) || (Self.needsFolding(line.category) && ineligible.contains(Self.fold(line.category)))
        }
        let reclaimable = budget.filter { $0.vatReclaimable == true }
        let unsaid = budget.filter { $0.vatReclaimable == nil }
        var problems: [String] = barred.map { "\($0.category) (\($0.description), \($0.amount.formatted))" }
        problems += reclaimable.map { "reclaimable VAT on \($0.description) (\($0.amount.formatted))" }
        if !problems.isEmpty {
            return CheckFinding(
                status: .fail, found: problems.joined(separator: "; "), limit: limit, detail: problems.joined(separator: "; "),
                applied: [applied])
        }
        if !unsaid.isEmpty {
            return .unknown(
                "the bid does not say whether VAT is reclaimable on: \(unsaid.map(\.description).joined(separator: ", "))",
                found: "\(budget.count) budget lines", applied: [applied])
        }
        return CheckFinding(
            status: .pass, found: "\(budget.count) budget lines", limit: limit, detail: "all eligible", applied: [applied])
    }
}
