import Foundation
import Testing
import GrantsTestSupport

/// `grants contribution add|receive|withdraw` run as the built binary on the sample ledger, and the contributions
/// section of `grants status` afterwards.
@Suite struct ContributionCommandTests {
    private let id = "CONTRIB-SRBC-IDVA-EXTRA"

    private func add(_ folder: TemporaryFolder, id: String? = nil, years: [String] = ["2017/18=8000.00", "2018/19=8000.00"])
        async throws -> GrantsBinary.Result
    {
        try await GrantsBinary.run(
            ["contribution", "add", "--id", id ?? self.id, "--contributor", "GB-LAE-SRI",
             "--recipient", "360G-LancashirePCC-OPCC", "--service", "IDVA service", "--committed", "2017-03-01",
             "--reason", "Council decision 2017/22: extra IDVA hours"] + years.flatMap { ["--year", $0] },
            in: folder.path)
    }

    private func receive(_ folder: TemporaryFolder, year: String, amount: String, date: String) async throws -> GrantsBinary.Result {
        try await GrantsBinary.run(
            ["contribution", "receive", id, "--year", year, "--amount", amount, "--date", date], in: folder.path)
    }

    /// The rows of the Contributions table in `grants status` text, keyed by the header's column names.
    private func contributionRows(_ folder: TemporaryFolder, _ extra: [String] = []) async throws -> (rows: [[String: String]], notes: [String]) {
        let result = try await GrantsBinary.run(["status"] + extra, in: folder.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "Contributions"), start + 2 < lines.count else { return ([], []) }
        let columns = { (line: String) in
            line.split(separator: /\s{2,}/).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let header = columns(lines[start + 1])
        var rows: [[String: String]] = []
        var index = start + 2
        if lines[index].hasPrefix("---") { index += 1 }
        while index < lines.count, !lines[index].hasPrefix("---"), !lines[index].isEmpty {
            rows.append(Dictionary(zip(header, columns(lines[index])).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }))
            index += 1
        }
        let notes = lines[index...].filter { $0.hasPrefix("Withdrawn: ") }
        return (rows, notes)
    }

    private func row(_ rows: [[String: String]], service: String, year: String) throws -> [String: String] {
        try #require(rows.first { $0["Service"] == service && $0["Year"] == year }, "no \(service) \(year) in \(rows)")
    }

    // MARK: - A contribution's life

    @Test func addReceiveWithdrawAndTheStatusAfterwards() async throws {
        let folder = try SampleLedger.copy()
        let added = try await add(folder)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Recorded contribution \(id).\n")
        let history = try await GrantsBinary.run(["history", "--entry", id], in: folder.path)
        #expect(history.stdout.contains("tester: record contribution \(id)\n"))
        #expect(history.stdout.contains("why: Council decision 2017/22: extra IDVA hours\n"))

        let before = try await contributionRows(folder)
        let first = try row(before.rows, service: "IDVA service", year: "2017/18")
        #expect(first["Contributor"] == "South Ribble Borough Council")
        #expect(first["Committed"] == "£8,000.00")
        #expect(first["Expected"] == "£8,000.00")
        #expect(first["Status"] == "committed")

        // Part of a year, then the rest.
        let part = try await receive(folder, year: "2017/18", amount: "3000.00", date: "2017-06-30")
        #expect(part.status == 0, "\(part.stderr)")
        #expect(part.stdout == "Received £3,000.00 on \(id) for 2017/18.\n")
        let rest = try await receive(folder, year: "2017-18", amount: "5000.00", date: "2017-09-30")
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(rest.stdout == "Received £5,000.00 on \(id) for 2017/18.\n")
        try LifecycleProbe.expectBalances(in: folder)

        // Withdrawn from 2018-04-01: 2018/19 is no longer due; 2017/18 stands.
        let withdrawn = try await GrantsBinary.run(
            ["contribution", "withdraw", id, "--effective", "2018-04-01", "--reason", "Council budget reductions 2018/19"],
            in: folder.path)
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        #expect(withdrawn.stdout == "Withdrew \(id) from 2018-04-01.\n")
        let whyWithdrawn = try await GrantsBinary.run(["history", "--entry", "\(id)-WITHDRAWN"], in: folder.path)
        #expect(whyWithdrawn.stdout.contains("why: Council budget reductions 2018/19\n"))

        let after = try await contributionRows(folder)
        let kept = try row(after.rows, service: "IDVA service", year: "2017/18")
        #expect(kept["Committed"] == "£8,000.00")
        #expect(kept["Expected"] == "£8,000.00")
        #expect(kept["Status"] == "committed")
        let cancelled = try row(after.rows, service: "IDVA service", year: "2018/19")
        #expect(cancelled["Committed"] == "£8,000.00")
        #expect(cancelled["Expected"] == "£0.00")
        #expect(cancelled["Status"] == "withdrawn from 2018-04-01")
        // Where the status shows receipts, 2017/18 is received in full and nothing is outstanding.
        if let received = kept["Received"] { #expect(received == "£8,000.00") }
        if let outstanding = kept["Outstanding"] { #expect(outstanding == "£0.00") }
        if let received = cancelled["Received"] { #expect(received == "£0.00") }
        if let outstanding = cancelled["Outstanding"] { #expect(outstanding == "£0.00") }
        // The samples' own IDVA schedule is untouched.
        let samples = try row(after.rows, service: "Independent Domestic Violence Advocate (IDVA) service", year: "2018/19")
        #expect(samples["Expected"] == "£8,000.00")
        #expect(samples["Status"] == "committed")
        #expect(after.notes.contains(
            "Withdrawn: \(id) from 2018-04-01 (\(id)-WITHDRAWN): Council budget reductions 2018/19"), "\(after.notes)")
        #expect(after.notes.count == before.notes.count + 1)
        // The section follows --year.
        let later = try await contributionRows(folder, ["--year", "2018/19"])
        #expect(Set(later.rows.compactMap { $0["Year"] }) == ["2018/19"])
        #expect(try row(later.rows, service: "IDVA service", year: "2018/19")["Status"] == "withdrawn from 2018-04-01")
        try LifecycleProbe.expectBalances(in: folder)
    }

    @Test func receiptsOverWhatIsDueAreRefused() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await add(folder).status == 0)
        try await LifecycleProbe.expectRefused(
            ["contribution", "receive", id, "--year", "2018/19", "--amount", "8000.01", "--date", "2018-06-30"], in: folder,
            stderr: "error: amount: receiving £8,000.01 would take 2018/19 receipts on \(id) to £8,000.01, over the "
                + "£8,000.00 due\n")
        #expect(try await receive(folder, year: "2017/18", amount: "8000.00", date: "2017-06-30").status == 0)
        try await LifecycleProbe.expectRefused(
            ["contribution", "receive", id, "--year", "2017/18", "--amount", "0.01", "--date", "2017-10-30"], in: folder,
            stderr: "error: amount: receiving £0.01 would take 2017/18 receipts on \(id) to £8,000.01, over the £8,000.00 due\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "receive", id, "--year", "2019/20", "--amount", "100.00", "--date", "2019-06-30"], in: folder,
            stderr: "error: financial_year: contribution \(id) has no instalment for 2019/20\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "receive", "CONTRIB-NOWHERE", "--year", "2017/18", "--amount", "100.00", "--date", "2017-06-30"],
            in: folder,
            stderr: "error: contribution: no contribution CONTRIB-NOWHERE is in the ledger or in this import; record the "
                + "contribution first\n")
    }

    /// BUG: after `contribution withdraw --effective 2018-04-01`, 2018/19 is shown as withdrawn with £0.00 expected, yet
    /// `contribution receive` still takes money for 2018/19 against the original £8,000.00 instalment.
    @Test func nothingIsDueForAWithdrawnYear() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await add(folder).status == 0)
        #expect(try await GrantsBinary.run(
            ["contribution", "withdraw", id, "--effective", "2018-04-01", "--reason", "Council budget reductions"],
            in: folder.path).status == 0)
        let result = try await receive(folder, year: "2018/19", amount: "100.00", date: "2018-06-30")
        #expect(result.status == 65, "a receipt for a withdrawn year was accepted: \(result.stdout)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aScheduleIsRecordedOnceAndWithdrawnOnce() async throws {
        let folder = try SampleLedger.copy()
        #expect(try await add(folder).status == 0)
        // The same command again changes nothing.
        let again = try await add(folder)
        #expect(again.status == 0)
        #expect(again.stdout == "Nothing new: already recorded.\n")
        // Different figures under the same id are an edit, which the ledger never makes.
        try await LifecycleProbe.expectRefused(
            ["contribution", "add", "--id", id, "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
             "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "Council decision 2017/22: extra IDVA hours",
             "--year", "2017/18=9000.00", "--year", "2018/19=8000.00"], in: folder, status: 65,
            stderr: "error: years: contribution \(id) is already in the ledger with different contents: years is "
                + "2017/18=8000.00,2018/19=8000.00 in the ledger but 2017/18=9000.00,2018/19=8000.00 here. Entries are "
                + "never edited: record a correction as a new entry\n")

        #expect(try await GrantsBinary.run(
            ["contribution", "withdraw", id, "--effective", "2018-04-01", "--reason", "Budget"], in: folder.path).status == 0)
        try await LifecycleProbe.expectRefused(
            ["contribution", "withdraw", id, "--effective", "2019-04-01", "--reason", "Budget again"], in: folder,
            stderr: "error: effective: contribution withdrawal \(id)-WITHDRAWN is already in the ledger with different "
                + "contents: effective is 2018-04-01 in the ledger but 2019-04-01 here; reason is Budget in the ledger but "
                + "Budget again here. Entries are never edited: record a correction as a new entry\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "withdraw", "CONTRIB-NOWHERE", "--effective", "2018-04-01", "--reason", "x"], in: folder,
            stderr: "error: contribution: no contribution CONTRIB-NOWHERE is in the ledger or in this import; record the "
                + "contribution first\n")
    }

    @Test func badSchedulesAreRefused() async throws {
        let folder = try SampleLedger.copy()
        try await LifecycleProbe.expectRefused(
            ["contribution", "add", "--id", "C-ZERO", "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
             "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18=0.00"],
            in: folder, stderr: "error: years: the amount is 0.00; expected more than 0.00\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "add", "--id", "C-TWICE", "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
             "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18=1.00",
             "--year", "2017-18=2.00"],
            in: folder, stderr: "error: years: the year 2017/18 is given twice\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "add", "--id", "C-NOBODY", "--contributor", "GB-LAE-XXX", "--recipient", "360G-LancashirePCC-OPCC",
             "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18=1.00"],
            in: folder,
            stderr: "error: contributor: no organisation GB-LAE-XXX is in the ledger or in this import; record the "
                + "organisation first\n")
        try await LifecycleProbe.expectRefused(
            ["contribution", "add", "--id", "C-BADID", "--contributor", "bad id", "--recipient", "360G-LancashirePCC-OPCC",
             "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18=1.00"],
            in: folder, status: 64,
            stderr: "error: --contributor: 'bad id' is not an organisation id; expected an org-id such as GB-CHC-1164883, GB-COH-09506232, "
                + "GB-LAE-SRI, or 360G-<prefix>-<ref> for a group on no register\n")
    }

    @Test(arguments: [
        (["contribution", "add", "--id", "C1", "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
          "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18"],
         "error: --year: '2017/18' is not YEAR=AMOUNT\n"),
        (["contribution", "add", "--id", "C1", "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
          "--service", "IDVA service", "--committed", "2017-03-01", "--reason", "x", "--year", "2017/18=8,000.00"],
         "error: --year: '8,000.00' has a thousands separator; write the amount without it, such as 10000.00\n"),
        (["contribution", "add", "--id", "C1", "--contributor", "GB-LAE-SRI", "--recipient", "360G-LancashirePCC-OPCC",
          "--service", "IDVA service", "--committed", "2017-02-30", "--reason", "x", "--year", "2017/18=1.00"],
         "error: --committed: '2017-02-30' is not a day in the calendar\n"),
        (["contribution", "receive", "CONTRIB-SRBC-IDVA", "--year", "2017/18", "--amount", "1,000", "--date", "2017-06-30"],
         "error: --amount: '1,000' has a thousands separator; write the amount without it, such as 10000.00\n"),
        (["contribution", "receive", "CONTRIB-SRBC-IDVA", "--year", "2017/18", "--amount", "100.00", "--date", "2018-02-30"],
         "error: --date: '2018-02-30' is not a day in the calendar\n"),
        (["contribution", "withdraw", "CONTRIB-SRBC-IDVA", "--effective", "2018-02-30", "--reason", "x"],
         "error: --effective: '2018-02-30' is not a day in the calendar\n"),
    ])
    func badOptionsExit64(arguments: [String], message: String) async throws {
        let folder = try SampleLedger.copy()
        try await LifecycleProbe.expectRefused(arguments, in: folder, status: 64, stderr: message)
    }

    @Test func aBadYearLabelExits64() async throws {
        let folder = try SampleLedger.copy()
        let result = try await GrantsBinary.run(
            ["contribution", "receive", "CONTRIB-SRBC-IDVA", "--year", "2017/19", "--amount", "100.00", "--date", "2017-06-30"],
            in: folder.path)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("error: --year: '2017/19' is not a financial year"))
        let noSub = try await GrantsBinary.run(["contribution", "frobnicate"], in: folder.path)
        #expect(noSub.status == 64)
    }
}
