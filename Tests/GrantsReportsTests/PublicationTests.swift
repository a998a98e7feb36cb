import Foundation
import GrantsCore
import GrantsReports
import GrantsTestSupport
import Testing

/// The grant register's writers: text the ledger lacks shows as such, and nothing a person typed becomes markup
/// or a formula.
@Suite struct GrantRegisterTests {
    static func register(title: String) throws -> GrantRegister {
        let r = try Fixtures.handMadeReturn([(id: "AWD-1", title: title, pence: 150_000)])
        return GrantRegister(r, months: [try CalendarMonth(parsing: "2017-07")])
    }

    @Test func missingRegisterTextReadsNotRecorded() throws {
        let register = try Self.register(title: "Youth project")
        let entry = try #require(register.entries.first)
        #expect(entry.purpose == nil)
        let rows = CSV.records(register.csv())
        #expect(rows.first == GrantRegister.csvColumns)
        #expect(rows[1][7] == "Not recorded" && rows[1][8] == "Not recorded" && rows[1][9] == "Not recorded")
        #expect(register.html().contains("<td>Not recorded</td>"))
    }

    @Test func textIsEscapedInThePageAndMadeInertInTheCSV() throws {
        let register = try Self.register(title: "=HYPERLINK(\"x\") <script>alert('x')</script> & co")
        let page = register.html()
        #expect(!page.contains("<script>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(CSV.records(register.csv())[1][5].hasPrefix("'=HYPERLINK"))
    }

    @Test func monthsAreReadStrictly() throws {
        #expect(try CalendarMonth(parsing: "2017-07").label == "July 2017")
        #expect(try CalendarMonth(parsing: "2018-02").lastDay == (try Day(parsing: "2018-02-28")))
        #expect(try CalendarMonth(parsing: "2020-02").lastDay == (try Day(parsing: "2020-02-29")))
        for bad in ["2017-13", "2017-00", "2017-7", "17-07", "2017/07", "", "2017-07-01"] {
            #expect(throws: CalendarMonthError.malformed(bad)) { try CalendarMonth(parsing: bad) }
        }
        let months = CalendarMonth.months(of: try FinancialYear(parsing: "2017/18"))
        #expect(months.map(\.description) == [
            "2017-04", "2017-05", "2017-06", "2017-07", "2017-08", "2017-09", "2017-10", "2017-11", "2017-12",
            "2018-01", "2018-02", "2018-03",
        ])
    }
}
