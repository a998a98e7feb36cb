import ArgumentParser
import Foundation
import GrantsCore
import GrantsReports
import GrantsWorkflows

/// `grants user`: the administrator's commands for the accounts of the web application's users.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, disable, enable, unlock and list the accounts of the web application's users.",
        subcommands: [
            UserAddCommand.self, UserDisableCommand.self, UserEnableCommand.self, UserUnlockCommand.self,
            UserListCommand.self, UserLogCommand.self,
        ])
}

/// `grants user add`: an account, its password read from standard input.
struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an account; its password is the first line of standard input.",
        discussion: """
            Roles: applicant (give --organisation, the ledger's id of the organisation they act for), finance-officer,
            commissioner. The password (12 characters to 72 bytes) is read from standard input, so that it is in no
            command line or shell history: printf '%s\\n' "$PASSWORD" | grants user add --email … --role …
            At a terminal it is asked for, and not shown as it is typed.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The address they sign in with.")
    var email: String

    @Option(help: "applicant, finance-officer or commissioner.")
    var role: String

    @Option(help: "For an applicant: the organisation they act for, by its id in the ledger.")
    var organisation: String?

    /// What can be refused without the ledger is refused before the password is asked for.
    func validate() throws {
        guard EmailAddress(email) != nil else {
            throw ValidationError("--email: \(email) is not an email address; expected one like name@example.org")
        }
        guard Role(rawValue: role) != nil else {
            throw ValidationError(
                "--role: \(role) is not a role; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let password = try PasswordInput.read()
        let account = try ledger.recording { (store, stamp) throws(WorkflowError) in
            try Accounts.add(
                email: email, role: role, organisation: organisation, password: password, stamp: stamp, in: store)
        }
        print(TerminalText.inert(
            "Added \(account.email) as \(account.role.rawValue)"
                + (account.organisation.map { " for \($0.rawValue)" } ?? "") + "."))
    }
}

/// The password of `grants user add`: the first line of standard input, as bytes (refused when they are not UTF-8,
/// never read with replacement characters). At a terminal, asked for with echo turned off.
enum PasswordInput {
    static func read() throws(ExitCode) -> Password {
        let terminal = isatty(STDIN_FILENO) == 1
        var saved = termios()
        var quietened = false
        if terminal {
            FileHandle.standardError.write(Data("Password (not shown): ".utf8))
            if tcgetattr(STDIN_FILENO, &saved) == 0 {
                var quiet = saved
                quiet.c_lflag &= ~tcflag_t(ECHO)
                quietened = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0
            }
        }
        defer {
            if quietened { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        var sawNewline = false
        // One byte at a time, up to the first line break: nothing after it is read, and a line longer than any
        // password is refused rather than read whole.
        while line.count <= 4 * Password.longest {
            let count = Foundation.read(STDIN_FILENO, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count < 0 {
                throw failure(WorkflowError(.io, "cannot read the password from standard input (errno \(errno))"))
            }
            if count == 0 { break }
            if byte == UInt8(ascii: "\n") {
                sawNewline = true
                break
            }
            line.append(byte)
        }
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard sawNewline || !line.isEmpty else {
            throw failure(WorkflowError(
                .usage,
                "no password on standard input; give it as the first line, e.g. printf '%s\\n' \"$PASSWORD\" | grants user add …"))
        }
        do {
            return try Password(bytes: line)
        } catch {
            throw failure(WorkflowError(.usage, error.description))
        }
    }
}

/// `grants user disable`, `enable` and `unlock`: whether the account may sign in (its history stays either way).
protocol UserChangeCommand: ParsableCommand {
    var ledger: LedgerOptions { get }
    var email: String { get }
    static var change: Accounts.Change { get }
    static var done: String { get }
}

extension UserChangeCommand {
    func run() throws {
        let account = try ledger.recording { (store, stamp) throws(WorkflowError) in
            try Accounts.change(Self.change, email: email, stamp: stamp, in: store)
        }
        print(TerminalText.inert("\(Self.done) \(account.email)."))
    }
}

struct UserDisableCommand: UserChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable an account: it can no longer sign in, and its sessions end (its history stays).")
    static let change = Accounts.Change.disable
    static let done = "Disabled"

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The account's email.")
    var email: String
}

struct UserEnableCommand: UserChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable", abstract: "Enable a disabled account again.")
    static let change = Accounts.Change.enable
    static let done = "Enabled"

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The account's email.")
    var email: String
}

struct UserUnlockCommand: UserChangeCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock", abstract: "Unlock an account that repeated failed sign-ins locked.")
    static let change = Accounts.Change.unlock
    static let done = "Unlocked"

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The account's email.")
    var email: String
}

/// `grants user list`: every account, with its role, organisation and state.
struct UserListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let store = try ledger.openForReading()
        let accounts = try attempt { () throws(WorkflowError) in try Accounts.list(in: store) }
        guard !accounts.isEmpty else {
            print("No accounts.")
            return
        }
        var table = TextTable([
            ("Email", .left), ("Role", .left), ("Organisation", .left), ("State", .left), ("Added", .left),
            ("By", .left),
        ])
        for account in accounts {
            let state = [account.enabled ? "enabled" : "disabled", account.locked ? "locked" : nil]
                .compactMap { $0 }.joined(separator: ", ")
            table.add([
                account.email, account.role.rawValue, account.organisation?.rawValue ?? "", state,
                account.created.text, account.createdBy,
            ])
        }
        print(table.rendered(), terminator: "")
    }
}

/// `grants user log`: the sign-in log, newest first.
struct UserLogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the sign-in log, newest first: every sign-in, failure and sign-out.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "How many lines to show.")
    var limit = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let store = try ledger.openForReading()
        let log = try attempt { () throws(WorkflowError) in try Accounts.signInLog(limit: limit, in: store) }
        guard !log.isEmpty else {
            print("No sign-ins yet.")
            return
        }
        var table = TextTable([("At", .left), ("Email", .left), ("Address", .left), ("Outcome", .left)])
        for line in log {
            table.add([line.at.text, line.email, line.address, line.outcome.rawValue])
        }
        print(table.rendered(), terminator: "")
    }
}
