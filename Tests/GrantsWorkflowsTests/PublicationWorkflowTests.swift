import Foundation
import GrantsCore
import GrantsReports
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// The grant register and the transparency code's list, from the Samples ledger, as of their last day.
@Suite struct PublicationWorkflowTests {
    static func month(_ text: String) throws -> CalendarMonth { try CalendarMonth(parsing: text) }

    @Test func aMonthsRegisterListsTheGrantsMadeThatMonthAsTheyStoodAtItsEnd() throws {
        let ledger = try Samples.ledger()
        let july = try Publications.grantRegister(month: try Self.month("2017-07"), year: nil, in: ledger)
        #expect(july.months == [try Self.month("2017-07")])
        #expect(july.asOf == (try Samples.day("2017-07-31")))
        #expect(july.entries.map(\.awardID) == [
            "AWD-CSP-2017-18-SRI-01", "AWD-CSP-2017-18-SRI-02", "AWD-CSP-2017-18-SRI-03", "AWD-CSP-2017-18-BBD-01",
            "AWD-CAF-2017-18-01", "AWD-CAF-2017-18-02",
        ])
        // Burnley's award, made in August and withdrawn in December: the August register shows it as made; the
        // year's register, as of March, says it was withdrawn.
        let august = try Publications.grantRegister(month: try Self.month("2017-08"), year: nil, in: ledger)
        let burnley = try #require(august.entries.first { $0.awardID == "AWD-CSP-2017-18-BUR-01" })
        #expect(!burnley.withdrawn)
        let year = try Publications.grantRegister(month: nil, year: try FinancialYear(parsing: "2017/18"), in: ledger)
        #expect(year.months.count == 12 && year.entries.count == 13)
        #expect(year.entries.first { $0.awardID == "AWD-CSP-2017-18-BUR-01" }?.withdrawn == true)
        // The sensitive reporting centre is named by its published name, in every form.
        let centre = try #require(year.entries.first { $0.awardID == "AWD-CAF-2017-18-03" })
        #expect(centre.recipient == "A third-party hate crime reporting centre in Lancashire")
        for text in [year.csv(), year.html()] {
            #expect(!text.contains("Say No To Hate"))
        }
        #expect(year.html().contains("<p>No grants were made in April 2017.</p>"))
        #expect(year.html().contains("Withdrawn</strong>"))
    }

    @Test func theRegisterNeedsAMonthOrAYear() throws {
        let ledger = try Samples.ledger()
        let neither = #expect(throws: WorkflowError.self) {
            try Publications.grantRegister(month: nil, year: nil, in: ledger)
        }
        #expect(neither?.failureKind == .usage)
        let both = #expect(throws: WorkflowError.self) {
            try Publications.grantRegister(
                month: try Self.month("2017-07"), year: try FinancialYear(parsing: "2017/18"), in: ledger)
        }
        #expect(both?.message == "give --month or --year, not both")
    }

    @Test func theVoluntarySectorListHasTheYearsGrantsToCharitiesGroupsAndCICs() throws {
        let ledger = try Samples.ledger()
        let list = try Publications.voluntarySectorGrants(year: try FinancialYear(parsing: "2017/18"), in: ledger)
        // The five Community Action Fund grants; the councils and the police are not the voluntary sector.
        #expect(list.entries.map(\.awardID) == [
            "AWD-CAF-2017-18-01", "AWD-CAF-2017-18-02", "AWD-CAF-2017-18-03", "AWD-CAF-2017-18-04",
            "AWD-CAF-2017-18-05",
        ])
        let centre = try #require(list.entries.first { $0.awardID == "AWD-CAF-2017-18-03" })
        #expect(centre.registrationNumber == "Withheld")
        #expect(!list.csv().contains("9990003") && !list.csv().contains("Say No To Hate"))
        #expect(list.csv(excel: true).hasPrefix("\u{FEFF}Date awarded,"))
    }
}
