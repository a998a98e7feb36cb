import ArgumentParser
import GrantsCore
import GrantsWorkflows

extension Publications.Format: ExpressibleByArgument {}

/// `grants register`: the monthly register of crime and disorder reduction grants a commissioner must publish.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Write the register of crime and disorder reduction grants for a month or a year (CSV or a web page).",
        discussion: """
            For every grant made in the month: the recipient, the purpose, the conditions attached and the reasons it
            was expected to reduce crime and disorder (Elected Local Policing Bodies (Specified Information) Order
            2011). The ledger as of the month's last day; a sensitive recipient by its published name.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The month, such as 2017-07.") var month: String?
    @Option(help: "Every month of this financial year, such as 2017/18.") var year: String?
    @Option(help: "csv or html.") var format: Publications.Format = .csv
    @Flag(help: "CSV for Excel: starts with a byte-order mark so £ and accents show.") var excel = false
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: standard output).") var output: String?

    func run() throws {
        let chosenMonth = try month.map { text throws(ExitCode) in try typed(text, "--month", Input.month) }
        let chosenYear = try year.map { text throws(ExitCode) in try typed(text, "--year", Input.year) }
        let store = try ledger.openForReading()
        try attempt { () throws(WorkflowError) in
            let register = try Publications.grantRegister(month: chosenMonth, year: chosenYear, in: store)
            let text = Publications.text(register, format: format, excel: excel)
            if let output { try OutputFiles.write(text, to: output) } else { print(text, terminator: "") }
        }
    }
}

/// `grants vcse-grants`: the Local Government Transparency Code's yearly list of grants to voluntary, community and
/// social enterprise organisations.
struct VoluntarySectorGrantsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vcse-grants",
        abstract: "Write the year's grants to voluntary, community and social enterprise organisations (CSV).",
        discussion: """
            Date awarded, time period, beneficiary, registration number, summary of purpose and amount, as the Local
            Government Transparency Code 2015 lists them; registered charities, community interest companies and
            community groups; grants withdrawn by the year's end left out.
            """)

    @OptionGroup var ledger: LedgerOptions
    @Option(help: "The financial year, such as 2017/18.") var year: String
    @Flag(help: "CSV for Excel: starts with a byte-order mark so £ and accents show.") var excel = false
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: standard output).") var output: String?

    func run() throws {
        let financialYear = try typed(year, "--year", Input.year)
        let store = try ledger.openForReading()
        try attempt { () throws(WorkflowError) in
            let text = try Publications.voluntarySectorGrants(year: financialYear, in: store).csv(excel: excel)
            if let output { try OutputFiles.write(text, to: output) } else { print(text, terminator: "") }
        }
    }
}
