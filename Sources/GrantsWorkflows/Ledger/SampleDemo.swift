import Foundation
import GrantsCore
import GrantsFiles
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsXML

/// The main job, `grants demo`: a fresh ledger built from the Samples, the 2018/19 pot allocated by a weighted
/// formula, the status, the reconciliation, the sample bids checked, and every report written. The same Samples
/// give the same bytes: entries are stamped with a fixed time.
public enum SampleDemo {
    /// Where the samples are.
    public struct Inputs: Sendable {
        /// The sample ledger files.
        public var samples: String
        /// The bids to check against the sample ledger.
        public var bids: String
        /// The weighted formula applied to the 2018/19 CSP pot.
        public var formula: String

        /// The inputs.
        public init(samples: String, bids: String, formula: String) {
            self.samples = samples
            self.bids = bids
            self.formula = formula
        }
    }

    /// What the demo found, ready to print and write.
    public struct Result: Sendable {
        /// What recording the samples did.
        public let outcome: RecordOutcome
        /// The 2018/19 allocation, as recorded.
        public let allocation: AllocationWorkflow.Proposal
        /// The status of the whole ledger.
        public let status: StatusReport
        /// The reconciliation of the whole ledger.
        public let reconciliation: Reconciliation
        /// Each sample bid's verdict.
        public let verdicts: [Eligibility]
        /// The 2018/19 allocation as the table `grants allocate` prints.
        public let allocationTable: String
        /// The text files to write into the reports folder, in order.
        public let textFiles: [(name: String, text: String)]
        /// The 2017/18 spend return, written in every other format too.
        public let spendReturn: SpendReturn
    }

    /// When the demo's entries are recorded, so that its output is the same on every run.
    public static let recordedAt = "2018-04-30T09:00:00Z"
    /// The demo's allocation decision for the 2018/19 pot.
    public static let decision = "2018/07"
    /// The day of that decision.
    public static let decisionDate = "2018-04-16"
    /// The fund the demo allocates.
    public static let fund = "CSP-2018-19"
    /// The other formats of the 2017/18 return, written after the text files.
    public static let returnFiles: [(name: String, format: ReturnFormat)] = [
        ("return-2017-18.xml", .xml), ("return-2017-18.xlsx", .xlsx), ("360giving-2017-18.json", .threeSixtyGivingJSON),
        ("360giving-2017-18.csv", .threeSixtyGivingCSV),
    ]

    /// Builds the demo into `store`, which must be empty (the front end gives a fresh one in memory).
    public static func run(_ inputs: Inputs, in store: any LedgerStore) throws(WorkflowError) -> Result {
        let batch: LedgerBatch
        let forms: [BidForm]
        let formula: AllocationFormula
        do {
            batch = try LedgerFile.read(paths: [inputs.samples])
            forms = try BidFile.read(paths: [inputs.bids]).map(\.value)
            formula = try FormulaFile.read(file: inputs.formula)
        } catch {
            throw WorkflowError(error)
        }
        let stamp: Stamp
        let year: FinancialYear
        let date: Day
        do {
            stamp = Stamp(actor: "demo", at: try Timestamp(parsing: recordedAt))
            year = try FinancialYear(parsing: "2017/18")
            date = try Day(parsing: decisionDate)
        } catch {
            throw WorkflowError(.badData, "the demo's own constants do not parse: \(error)")
        }
        let outcome = try store.record(batch, by: stamp, because: "grants demo from \(inputs.samples)")
        // Named by file name only, so the report reads the same wherever the samples are.
        let request = AllocationWorkflow.Request(
            fund: fund, formula: formula, formulaName: URL(fileURLWithPath: inputs.formula).lastPathComponent,
            decision: decision, date: date)
        let proposal = try AllocationWorkflow.plan(request, in: store)
        _ = try AllocationWorkflow.record(proposal, in: store, by: stamp)
        var rulebooks = try RulebookLibrary()
        let verdicts = try forms.map { bid throws(WorkflowError) in
            try BidScreening.check(bid, rulebooks: &rulebooks, store: store)
        }
        let status = try reading { () throws(LedgerError) in try store.status(StatusReport.Scope()) }
        let yearStatus = try reading { () throws(LedgerError) in try store.status(StatusReport.Scope(year: year)) }
        let reconciliation = try reading { () throws(LedgerError) in try store.reconcile() }
        let spendReturn = try SpendReturns.build(SpendReturn.Period(year: year), in: store).spendReturn
        let table = AllocationRenderer.decision(
            fund: fund, formula: request.formulaName, decision: decision, date: date, plan: proposal.plan,
            names: proposal.names)
        let register = try Publications.grantRegister(month: nil, year: year, in: store)
        let voluntarySector = try Publications.voluntarySectorGrants(year: year, in: store)
        var files = try textFiles(
            status: status, yearStatus: yearStatus, allocationTable: table, verdicts: verdicts, spendReturn: spendReturn)
        // What the commissioner publishes for the public: the grant register and the transparency code's list.
        files += [
            ("grant-register-2017-18.csv", register.csv(excel: true)),
            ("grant-register-2017-18.html", register.html()),
            ("vcse-grants-2017-18.csv", voluntarySector.csv(excel: true)),
        ]
        return Result(
            outcome: outcome, allocation: proposal, status: status, reconciliation: reconciliation, verdicts: verdicts,
            allocationTable: table, textFiles: files, spendReturn: spendReturn)
    }

    static func textFiles(
        status: StatusReport, yearStatus: StatusReport, allocationTable: String, verdicts: [Eligibility],
        spendReturn: SpendReturn
    ) throws(WorkflowError) -> [(name: String, text: String)] {
        do {
            return [
                ("status.txt", try StatusRenderer.render(status, as: .text)),
                // The CSVs meant for Excel start with a byte-order mark, so that Excel reads them as UTF-8 (£, not Â£).
                ("status.csv", ReturnCSV.byteOrderMark + (try StatusRenderer.render(status, as: .csv))),
                ("status.json", try StatusRenderer.render(status, as: .json)),
                ("allocation-2018-19.txt", allocationTable),
                ("eligibility.txt", EligibilityRenderer.render(verdicts, as: .text)),
                ("eligibility.json", EligibilityRenderer.render(verdicts, as: .json)),
                ("return-2017-18.csv", try ReturnCSV.render(spendReturn, excel: true)),
                ("chart-2017-18.svg", SummaryPage.chart(yearStatus)),
                ("summary-2017-18.md", try SummaryPage.markdown(
                    spendReturn, status: yearStatus, chartFile: "chart-2017-18.svg",
                    files: [
                        "return-2017-18.csv", "return-2017-18.xml", "return-2017-18.xlsx", "360giving-2017-18.json",
                        "360giving-2017-18.csv", "schema/grants-return-1.xsd",
                    ])),
            ]
        } catch {
            throw .cannotTotal(error)
        }
    }

    /// Makes the reports folder (and its parents) if it is not there.
    public static func createFolder(_ folder: String) throws(WorkflowError) {
        do {
            try OutputFolder.create(folder)
        } catch {
            throw WorkflowError(.io, error.description)
        }
    }

    /// The Open Government Licence v3.0, under which public bodies in the UK publish open data: its canonical address.
    public static let openGovernmentLicence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

    /// Where the sample grants would be published. An example address: the Samples are examples, and no real page
    /// holds them.
    static let sampleDataSource = "https://example.org/lancashire-pcc/grants/"

    /// Writes every report into `folder`, calling `wrote` with each path once it is in place.
    public static func write(_ result: Result, into folder: String, wrote: (String) -> Void) throws(WorkflowError) {
        try createFolder(folder)
        for file in result.textFiles {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try OutputFiles.write(file.text, to: path)
            wrote(path)
        }
        // The same return in every other format, through the same writers as `grants return`.
        let options = ReturnOptions(
            prefix: "LancashirePCC", dataSource: sampleDataSource, lastModified: recordedAt,
            licence: openGovernmentLicence, publisherWebsite: nil)
        for file in returnFiles {
            let path = (folder as NSString).appendingPathComponent(file.name)
            try SpendReturns.write(result.spendReturn, format: file.format, to: path, options: options)
            wrote(path)
        }
        wrote(try copySchema(into: folder))
    }

    /// Copies the XSD that describes the XML return into `folder`/schema/, so the return can be checked anywhere.
    static func copySchema(into folder: String) throws(WorkflowError) -> String {
        guard let schema = ReturnValidator.schemaURL else {
            throw WorkflowError(.io, "the XML return's schema is not beside the grants binary")
        }
        let schemaFolder = (folder as NSString).appendingPathComponent("schema")
        let target = (schemaFolder as NSString).appendingPathComponent(ReturnValidator.schemaFileName)
        try createFolder(schemaFolder)
        guard let text = try? String(contentsOf: schema, encoding: .utf8) else {
            throw WorkflowError(.io, "cannot read the XML return's schema at \(schema.path)")
        }
        try OutputFiles.write(text, to: target)
        return target
    }
}
