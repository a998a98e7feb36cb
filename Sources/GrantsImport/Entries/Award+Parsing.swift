import GrantsCore

extension Award: LedgerFileEntry {
    /// `awards:` lists decisions to grant money, each on a fund and, for a CSP fund, an allocation.
    static var section: String { "awards" }

    /// Reads one; the planned start must not be after the planned end, and at least one priority is named.
    static func parse(_ r: inout FieldReader) throws(ImportError) -> Award {
        let id = try r.identifier("id")
        let bid = try r.optionalIdentifier("bid")
        let fund = try r.identifier("fund")
        let allocation = try r.optionalIdentifier("allocation")
        let recipient = try r.organisationID("recipient")
        let title = try r.text("title")
        let amount = try r.money("amount")
        let decision = try r.text("decision", expected: "a decision reference such as 2017/81")
        let awardDate = try r.day("award_date")
        let start = try r.day("planned_start")
        let end = try r.day("planned_end")
        guard start <= end else {
            throw r.error("planned_end", "\(end) is before the planned start \(start)")
        }
        var priorities: [Priority] = []
        for slug in try r.list("priorities") {
            do {
                let priority = try Priority(parsing: slug)
                if !priorities.contains(priority) { priorities.append(priority) }
            } catch {
                throw r.error("priorities", error.description)
            }
        }
        guard !priorities.isEmpty else {
            throw r.error("priorities", "is missing; expected at least one police and crime plan priority")
        }
        return Award(
            id: id, bid: bid, fund: fund, allocation: allocation, recipient: recipient, title: title, amount: amount,
            decision: decision, awardDate: awardDate, plannedStart: start, plannedEnd: end, priorities: priorities,
            purpose: try r.optionalText("purpose"), reasons: try r.optionalText("reasons"),
            conditions: try r.optionalText("conditions"))
    }
}
