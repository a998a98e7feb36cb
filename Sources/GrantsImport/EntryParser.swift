import GrantsCore

/// Reads one entry of each kind from its fields.
enum EntryParser {
    static func organisation(_ r: inout FieldReader) throws(ImportError) -> Organisation {
        let id = try r.organisationID("id")
        let name = try r.text("name")
        let kind = try r.choice("kind", of: OrganisationKind.self)
        var members: [OrganisationID] = []
        for text in try r.list("members") {
            let member = try r.convert(text, key: "members", OrganisationID.init(parsing:))
            guard !members.contains(member) else { throw r.error("members", "\(member) is named twice") }
            members.append(member)
        }
        return Organisation(
            id: id, name: name, kind: kind, members: members,
            charityNumber: try r.optionalText("charity_number"), companyNumber: try r.optionalText("company_number"),
            locationCode: try r.optionalText("location_code"), isExample: try r.flag("example"))
    }

    static func fund(_ r: inout FieldReader) throws(ImportError) -> Fund {
        Fund(
            id: try r.identifier("id"), name: try r.text("name"), scheme: try r.choice("scheme", of: Scheme.self),
            year: try r.year("financial_year"), amount: try r.money("amount"), funder: try r.organisationID("funder"))
    }

    static func allocation(_ r: inout FieldReader) throws(ImportError) -> Allocation {
        Allocation(
            id: try r.identifier("id"), fund: try r.identifier("fund"), csp: try r.organisationID("csp"),
            amount: try r.money("amount"), decision: try r.text("decision", expected: "a decision reference such as 2017/81"),
            date: try r.day("date"))
    }

    static func allocationChange(_ r: inout FieldReader) throws(ImportError) -> AllocationChange {
        AllocationChange(
            id: try r.identifier("id"), allocation: try r.identifier("allocation"), delta: try r.money("delta"),
            decision: try r.text("decision", expected: "a decision reference such as 2017/81"), date: try r.day("date"),
            reason: try r.text("reason"))
    }

    static func bid(_ r: inout FieldReader) throws(ImportError) -> Bid {
        Bid(
            id: try r.identifier("id"), fund: try r.identifier("fund"), applicant: try r.organisationID("applicant"),
            title: try r.text("title"), requested: try r.money("requested"), submitted: try r.day("submitted"),
            csp: try r.optionalOrganisationID("csp"))
    }

    static func award(_ r: inout FieldReader) throws(ImportError) -> Award {
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
            decision: decision, awardDate: awardDate, plannedStart: start, plannedEnd: end, priorities: priorities)
    }

    static func payment(_ r: inout FieldReader) throws(ImportError) -> Payment {
        Payment(
            id: try r.identifier("id"), award: try r.identifier("award"), claim: try r.optionalIdentifier("claim"),
            amount: try r.money("amount"), date: try r.day("date"), reference: try r.optionalText("reference"))
    }

    static func claim(_ r: inout FieldReader) throws(ImportError) -> Claim {
        Claim(
            id: try r.identifier("id"), award: try r.identifier("award"), periodStart: try r.day("period_start"),
            periodEnd: try r.day("period_end"), amount: try r.money("amount"), date: try r.day("date"))
    }

    static func closure(_ r: inout FieldReader) throws(ImportError) -> AwardClosure {
        AwardClosure(
            id: try r.identifier("id"), award: try r.identifier("award"), spent: try r.money("spent"),
            date: try r.day("date"))
    }

    static func awardWithdrawal(_ r: inout FieldReader) throws(ImportError) -> AwardWithdrawal {
        AwardWithdrawal(
            id: try r.identifier("id"), award: try r.identifier("award"), date: try r.day("date"),
            reason: try r.text("reason"))
    }

    static func receipt(_ r: inout FieldReader) throws(ImportError) -> ContributionReceipt {
        ContributionReceipt(
            id: try r.identifier("id"), contribution: try r.identifier("contribution"),
            year: try r.year("financial_year"), amount: try r.money("amount"), date: try r.day("date"))
    }

    static func yearClosure(_ r: inout FieldReader) throws(ImportError) -> YearClosure {
        YearClosure(year: try r.year("financial_year"), date: try r.day("date"))
    }

    static func underspendReturn(_ r: inout FieldReader) throws(ImportError) -> UnderspendReturn {
        UnderspendReturn(
            id: try r.identifier("id"), award: try r.identifier("award"), amount: try r.money("amount"),
            date: try r.day("date"), reason: try r.optionalText("reason"))
    }

    static func contribution(_ r: inout FieldReader) throws(ImportError) -> ContributionSchedule {
        let id = try r.identifier("id")
        let contributor = try r.organisationID("contributor")
        let recipient = try r.organisationID("recipient")
        let service = try r.text("service")
        let committed = try r.day("committed")
        let reason = try r.text("reason")
        var instalments: [ContributionSchedule.Instalment] = []
        for pair in try r.pairs("years", expected: "a mapping of financial years to amounts, such as {\"2017/18\": \"8000.00\"}") {
            let year: FinancialYear
            do {
                year = try FinancialYear(parsing: pair.key)
            } catch {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years", error.description)
            }
            guard !instalments.contains(where: { $0.year == year }) else {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years", "\(year) is given twice")
            }
            let amount: Money
            do {
                amount = try Money(parsing: pair.value)
            } catch {
                throw ImportError(file: r.file, line: pair.line, field: "\(r.path).years.\(year)", error.description)
            }
            instalments.append(.init(year: year, amount: amount))
        }
        guard !instalments.isEmpty else { throw r.error("years", "is empty; expected at least one year's amount") }
        instalments.sort { $0.year < $1.year }
        return ContributionSchedule(
            id: id, contributor: contributor, recipient: recipient, service: service, committed: committed,
            reason: reason, instalments: instalments)
    }

    static func withdrawal(_ r: inout FieldReader) throws(ImportError) -> ContributionWithdrawal {
        ContributionWithdrawal(
            id: try r.identifier("id"), schedule: try r.identifier("contribution"), effective: try r.day("effective"),
            reason: try r.text("reason"))
    }
}
