import GrantsCore
import GrantsStore
import GrantsTestSupport
import Testing

/// The figures the status report gives, per fund, per CSP and per contribution year, and how scope filters them.
@Suite struct StatusTests {
    /// The base, plus: a second CSP (Preston) with £2,000.00; a second £1,000.00 allocation to South Ribble; a
    /// £3,000.00 award to South Ribble, £2,000.00 paid and £500.00 returned; a £400.00 direct award paid in full.
    static func busyLedger() throws -> Ledger {
        let ledger = try Fixtures.ledger()
        try record(
            ledger,
            Entry.organisation(id: "GB-LAE-PRE", name: "Preston City Council", kind: "local-authority"),
            Entry.organisation(
                id: "360G-Test-CSP-PR", name: "Preston Community Safety Partnership", kind: "csp",
                members: ["GB-LAE-PRE", "360G-Test-POLICE"]),
            Entry.allocation(id: "ALLOC-PR", amount: "2000.00", csp: "360G-Test-CSP-PR"),
            Entry.allocation(id: "ALLOC-SR-2", amount: "1000.00"),
            Fixtures.award(id: "AW-1", amount: "3000.00"),
            Fixtures.payment(id: "P-1", award: "AW-1", amount: "2000.00"),
            Entry.underspend(id: "R-1", award: "AW-1", amount: "500.00"),
            Entry.cafAward(id: "CAF-AW-1", amount: "400.00"),
            Fixtures.payment(id: "P-2", award: "CAF-AW-1", amount: "400.00"))
        return ledger
    }

    struct Figures: Equatable, CustomStringConvertible {
        var budget, allocated, committed, paid, returned, remaining: String

        init(_ budget: String, _ allocated: String, _ committed: String, _ paid: String, _ returned: String,
             _ remaining: String) {
            (self.budget, self.allocated, self.committed, self.paid, self.returned, self.remaining) =
                (budget, allocated, committed, paid, returned, remaining)
        }

        init(_ line: StatusReport.Line) throws {
            self.init(
                line.budget.plain, line.allocated.plain, line.committed.plain, line.paid.plain, line.returned.plain,
                try line.remaining().plain)
        }

        var description: String { [budget, allocated, committed, paid, returned, remaining].joined(separator: " / ") }
    }

    @Test func figuresForTheBaseFixtures() throws {
        let report = try Fixtures.ledger().status()
        #expect(report.funds.map(\.fundID) == ["CAF-2017-18", "CSP-2017-18"])
        #expect(try report.funds.map(Figures.init) == [
            Figures("1000.00", "0.00", "0.00", "0.00", "0.00", "1000.00"),
            Figures("10000.00", "5000.00", "0.00", "0.00", "0.00", "10000.00"),
        ])
        let caf = try #require(report.funds.first)
        #expect(caf.scheme == .communityActionFund)
        #expect(caf.year == (try year("2017/18")))
        #expect(caf.fundName == "Community Action Fund 2017/18")
        #expect(caf.csp == nil && caf.cspName == nil)

        let csp = try #require(report.csps.first)
        #expect(report.csps.count == 1)
        #expect(csp.fundID == "CSP-2017-18")
        #expect(csp.csp == (try org("360G-Test-CSP-SR")))
        #expect(csp.cspName == "South Ribble Community Safety Partnership")
        #expect(try Figures(csp) == Figures("5000.00", "5000.00", "0.00", "0.00", "0.00", "5000.00"))
        #expect(report.contributions.isEmpty)
        #expect(report.scope == StatusReport.Scope())
    }

    @Test func figuresAfterAwardsPaymentsAndReturns() throws {
        let report = try Self.busyLedger().status()
        #expect(try report.funds.map(Figures.init) == [
            Figures("1000.00", "0.00", "400.00", "400.00", "0.00", "600.00"),
            Figures("10000.00", "8000.00", "3000.00", "2000.00", "500.00", "7000.00"),
        ])
        // By year, fund, then CSP name: Preston before South Ribble.
        #expect(report.csps.map(\.cspName) == [
            "Preston Community Safety Partnership", "South Ribble Community Safety Partnership",
        ])
        #expect(try report.csps.map(Figures.init) == [
            Figures("2000.00", "2000.00", "0.00", "0.00", "0.00", "2000.00"),
            Figures("6000.00", "6000.00", "3000.00", "2000.00", "500.00", "3000.00"),
        ])
        let southRibble = report.csps[1]
        #expect(try southRibble.outstanding() == (try money("1000.00")))
        #expect(try southRibble.netSpend() == (try money("1500.00")))
    }

    @Test func aYearWithNoDataIsEmpty() throws {
        let ledger = try Self.busyLedger()
        try record(ledger, Entry.contribution(id: "C-1", years: [("2017/18", "8000.00")]))
        let scope = StatusReport.Scope(year: try year("2019/20"))
        let report = try ledger.status(scope)
        #expect(report.funds.isEmpty)
        #expect(report.csps.isEmpty)
        #expect(report.contributions.isEmpty)
        #expect(report.scope == scope)
    }

    @Test func aYearWithDataKeepsOnlyThatYear() throws {
        let ledger = try Self.busyLedger()
        try record(ledger, Entry.fund(id: "CSP-2018-19", scheme: "csp-grant", amount: "9000.00", year: "2018/19"))
        #expect(try ledger.status().funds.count == 3)
        let report = try ledger.status(.init(year: try year("2017/18")))
        #expect(report.funds.map(\.fundID) == ["CAF-2017-18", "CSP-2017-18"])
        #expect(report.csps.count == 2)
        let later = try ledger.status(.init(year: try year("2018/19")))
        #expect(later.funds.map(\.fundID) == ["CSP-2018-19"])
        #expect(later.csps.isEmpty)
    }

    @Test func aFundScopeShowsThatFundAndItsCSPs() throws {
        let ledger = try Self.busyLedger()
        try record(ledger, Entry.contribution(id: "C-1", years: [("2017/18", "8000.00")]))
        let csp = try ledger.status(.init(fund: "CSP-2017-18"))
        #expect(csp.funds.map(\.fundID) == ["CSP-2017-18"])
        #expect(csp.csps.count == 2)
        #expect(csp.csps.allSatisfy { $0.fundID == "CSP-2017-18" })
        #expect(csp.contributions.isEmpty)

        let caf = try ledger.status(.init(fund: "CAF-2017-18"))
        #expect(try caf.funds.map(Figures.init) == [Figures("1000.00", "0.00", "400.00", "400.00", "0.00", "600.00")])
        #expect(caf.csps.isEmpty)

        let none = try ledger.status(.init(fund: "NO-SUCH-FUND"))
        #expect(none.funds.isEmpty && none.csps.isEmpty && none.contributions.isEmpty)
    }

    @Test func aCSPScopeHidesFundLinesAndOtherCSPs() throws {
        let ledger = try Self.busyLedger()
        try record(ledger, Entry.contribution(id: "C-1", years: [("2017/18", "8000.00")]))
        let report = try ledger.status(.init(csp: try org("360G-Test-CSP-SR")))
        #expect(report.funds.isEmpty)
        #expect(report.csps.map(\.csp) == [try org("360G-Test-CSP-SR")])
        #expect(try report.csps.map(Figures.init) == [Figures("6000.00", "6000.00", "3000.00", "2000.00", "500.00", "3000.00")])
        #expect(report.contributions.isEmpty)

        let preston = try ledger.status(.init(csp: try org("360G-Test-CSP-PR")))
        #expect(preston.csps.map(\.cspName) == ["Preston Community Safety Partnership"])
    }

    // MARK: - Contributions

    static let schedule = Entry.contribution(
        id: "C-1", years: [("2017/18", "8000.00"), ("2018/19", "8000.00"), ("2019/20", "8500.00")])

    @Test func contributionLinesWithoutAWithdrawal() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Self.schedule)
        let lines = try ledger.status().contributions
        #expect(lines.map(\.year.label) == ["2017/18", "2018/19", "2019/20"])
        #expect(lines.map(\.amount.plain) == ["8000.00", "8000.00", "8500.00"])
        #expect(lines.allSatisfy { $0.withdrawn == nil && $0.expected == $0.amount })
        #expect(lines.allSatisfy {
            $0.scheduleID == "C-1" && $0.service == "IDVA" && $0.contributorName == "South Ribble Borough Council"
        })
        #expect(try Money.sum(lines.map(\.expected)) == (try money("24500.00")))
    }

    /// (effective date, which of 2017/18, 2018/19, 2019/20 it cancels, expected total)
    @Test(arguments: [
        ("2018-04-01", [false, true, true], "8000.00"),
        ("2017-04-01", [true, true, true], "0.00"),
        ("2017-03-01", [true, true, true], "0.00"),
        ("2018-03-31", [false, true, true], "8000.00"),
        ("2019-04-01", [false, false, true], "16000.00"),
        ("2020-04-01", [false, false, false], "24500.00"),
    ])
    func withdrawalCancelsTheYearsFromItsEffectiveDate(effective: String, cancelled: [Bool], total: String) throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Self.schedule, Entry.withdrawal(id: "W-1", contribution: "C-1", effective: effective))
        let lines = try ledger.status().contributions
        #expect(lines.map(\.year.label) == ["2017/18", "2018/19", "2019/20"])
        #expect(lines.map { $0.withdrawn != nil } == cancelled)
        #expect(lines.map(\.amount.plain) == ["8000.00", "8000.00", "8500.00"], "the amount stays; only expected goes")
        for line in lines where line.withdrawn != nil {
            #expect(line.expected == .zero)
            #expect(line.withdrawn == ContributionWithdrawal(
                id: "W-1", schedule: "C-1", effective: try day(effective), reason: "council budget cut"))
        }
        #expect(try Money.sum(lines.map(\.expected)) == (try money(total)))
    }

    @Test func contributionLinesForOneYear() throws {
        let ledger = try Fixtures.ledger()
        try record(ledger, Self.schedule, Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"))
        let first = try ledger.status(.init(year: try year("2017/18"))).contributions
        #expect(first.map(\.expected.plain) == ["8000.00"])
        let second = try ledger.status(.init(year: try year("2018/19"))).contributions
        #expect(second.map(\.amount.plain) == ["8000.00"])
        #expect(second.map(\.expected) == [.zero])
        #expect(second.first?.withdrawn?.id == "W-1")
    }

    @Test func contributionLinesAreByYearThenContributorName() throws {
        let ledger = try Fixtures.ledger()
        try record(
            ledger, Self.schedule,
            Entry.contribution(id: "C-0", years: [("2018/19", "100.00")], contributor: "360G-Test-POLICE"),
            Entry.withdrawal(id: "W-1", contribution: "C-1", effective: "2018-04-01"))
        let lines = try ledger.status().contributions
        #expect(lines.map { "\($0.year.label) \($0.scheduleID)" } == [
            "2017/18 C-1", "2018/19 C-0", "2018/19 C-1", "2019/20 C-1",
        ])
        // The withdrawal of C-1 does not touch C-0.
        #expect(lines.map { $0.withdrawn != nil } == [false, false, true, true])
        #expect(try Money.sum(lines.map(\.expected)) == (try money("8100.00")))
    }
}
