import Testing
@testable import GrantsCore

@Suite struct ContributionScheduleTests {
    private func year(_ label: String) throws -> FinancialYear { try FinancialYear(parsing: label) }

    private func withdrawal(effective: String) throws -> ContributionWithdrawal {
        ContributionWithdrawal(id: "W-1", schedule: "C-1", effective: try Day(parsing: effective), reason: "council budget")
    }

    private func schedule(_ instalments: [(String, Int64)]) throws -> ContributionSchedule {
        ContributionSchedule(
            id: "C-1",
            contributor: try OrganisationID(parsing: "GB-LAE-BPL"),
            recipient: try OrganisationID(parsing: "360G-LancashirePCC-OPCC"),
            service: "IDVA",
            committed: try Day(parsing: "2017-03-01"),
            reason: "partnership agreement",
            instalments: try instalments.map { ContributionSchedule.Instalment(year: try year($0.0), amount: Money(pence: $0.1)) }
        )
    }

    @Test func withdrawalOnFirstDayCancelsThatYearAndLater() throws {
        let w = try withdrawal(effective: "2017-04-01")
        #expect(w.cancels(try year("2017/18")))
        #expect(w.cancels(try year("2018/19")))
        #expect(w.cancels(try year("2025/26")))
        #expect(!w.cancels(try year("2016/17")))
    }

    @Test func withdrawalMidYearCancelsOnlyLaterYears() throws {
        let w = try withdrawal(effective: "2018-01-01")
        #expect(!w.cancels(try year("2017/18")))
        #expect(w.cancels(try year("2018/19")))
        #expect(w.cancels(try year("2019/20")))
        #expect(!w.cancels(try year("2016/17")))
    }

    @Test func withdrawalOnLastDayOfYearCancelsOnlyLaterYears() throws {
        let w = try withdrawal(effective: "2018-03-31")
        #expect(!w.cancels(try year("2017/18")))
        #expect(w.cancels(try year("2018/19")))
    }

    @Test func total() throws {
        let s = try schedule([("2017/18", 800_000), ("2018/19", 800_000), ("2019/20", 750_050)])
        #expect(try s.total() == Money(pence: 2_350_050))
        #expect(try schedule([]).total() == .zero)
    }

    @Test func totalOverflowThrows() throws {
        let s = try schedule([("2017/18", .max), ("2018/19", 1)])
        #expect(throws: MoneyError.overflow) { try s.total() }
    }

    @Test func fields() throws {
        let s = try schedule([("2017/18", 800_000), ("2018/19", 800_050)])
        #expect(
            s.fields.summary
                == "id=C-1; contributor=GB-LAE-BPL; recipient=360G-LancashirePCC-OPCC; service=IDVA; committed=2017-03-01; "
                + "reason=partnership agreement; years=2017/18=8000.00,2018/19=8000.50"
        )
        #expect(
            try withdrawal(effective: "2018-01-01").fields.summary
                == "id=W-1; contribution=C-1; effective=2018-01-01; reason=council budget"
        )
    }
}
