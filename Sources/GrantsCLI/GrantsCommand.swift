import ArgumentParser

/// `grants`: the grant and funding allocation ledger of an Office of the Police and Crime Commissioner.
@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
public struct GrantsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "grants",
        abstract: "Split the Community Safety Partnership pot, run each award to its close, and report the spend.",
        discussion: """
            The ledger is ./grants.sqlite unless --db or the GRANTS_DB environment variable names another.
            Exit codes: 0 done, 1 a check failed, 64 usage error, 65 bad input data, 74 I/O error.
            """,
        subcommands: [
            InitCommand.self, ImportCommand.self, StatusCommand.self, HistoryCommand.self, CheckCommand.self,
            AllocateCommand.self, ReallocateCommand.self, AwardCommand.self, ClaimCommand.self, PayCommand.self, CloseCommand.self,
            WithdrawCommand.self, YearEndCommand.self, ContributionCommand.self, ReconcileCommand.self, ReturnCommand.self,
            ValidateReturnCommand.self, RegisterCommand.self, VoluntarySectorGrantsCommand.self,
            RulebookCommand.self, DemoCommand.self, UserCommand.self, LedgerCommand.self,
        ] + webCommands
    )

    public init() {}
}

@available(macOS 10.15, macCatalyst 13, iOS 13, tvOS 13, watchOS 6, *)
extension GrantsCommand {
    /// Parses the program's arguments and runs the command, awaiting it when it is asynchronous (`serve`). What
    /// `AsyncParsableCommand.main()` does; called by name because top-level code picks the synchronous overload.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// `grants serve`, in every build but CI's sanitizer builds (GRANTS_WITHOUT_WEB, Package.swift).
private var webCommands: [any ParsableCommand.Type] {
    #if GRANTS_WEB
    [ServeCommand.self]
    #else
    []
    #endif
}
