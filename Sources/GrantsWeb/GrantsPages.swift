import GrantsCore
import GrantsReports

/// The published grants: the years the ledger has funds in, and each year's grant register as a page, with the
/// files a member of the public may download. Only what the register and 360Giving publish: a sensitive recipient
/// by its published name, no budgets, payments or internal figures.
struct PublishedYears: Sendable {
    struct Year: Sendable {
        let label: String
        let slug: String
    }

    let years: [Year]
    let hasYears: Bool

    init(_ years: [FinancialYear]) {
        self.years = years.map { Year(label: $0.label, slug: SchemePage.slug($0)) }
        hasYears = !years.isEmpty
    }
}

/// One year's grant register, a table a month.
struct PublishedGrants: Sendable {
    struct Grant: Sendable {
        let recipient: String
        let title: String
        let awardID: String
        let decision: String
        let awardDate: String
        let fund: String
        let amount: String
        let purpose: String
        let conditions: String
        let reasons: String
        let withdrawn: Bool
    }

    struct Month: Sendable {
        let label: String
        let grants: [Grant]
        let hasGrants: Bool
    }

    let year: String
    let slug: String
    let publisher: String
    let asOf: String
    let months: [Month]
    let total: String
    let count: Int

    init(_ register: GrantRegister, year: FinancialYear) throws(MoneyError) {
        self.year = year.label
        slug = SchemePage.slug(year)
        publisher = register.publisher
        asOf = register.asOf.description
        months = register.months.map { month in
            let grants = register.entries.filter { $0.month == month }.map { entry in
                Grant(
                    recipient: entry.recipient, title: entry.title, awardID: entry.awardID, decision: entry.decision,
                    awardDate: entry.awardDate.description, fund: entry.fundName, amount: entry.amount.formatted,
                    purpose: entry.purpose ?? GrantRegister.notRecorded,
                    conditions: entry.conditions ?? GrantRegister.notRecorded,
                    reasons: entry.reasons ?? GrantRegister.notRecorded, withdrawn: entry.withdrawn)
            }
            return Month(label: month.label, grants: grants, hasGrants: !grants.isEmpty)
        }
        let given = register.entries.filter { !$0.withdrawn }
        count = given.count
        total = try Money.sum(given.map(\.amount)).formatted
    }
}
