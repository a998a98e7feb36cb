import ArgumentParser
import Foundation
import GrantsCore
import GrantsReports
import GrantsWorkflows

/// `grants user`: the administrator's commands for the accounts of the web application's users.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, invite, disable, enable, unlock and list the accounts of the web application's users, and their "
            + "tokens for scripts.",
        subcommands: [
            UserAddCommand.self, UserInviteCommand.self, UserDisableCommand.self, UserEnableCommand.self,
            UserUnlockCommand.self, UserListCommand.self, UserLogCommand.self, UserTokenCommand.self,
        ])
}

/// `grants user add`: an account, its password read from standard input or set by its person through a link.
struct UserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an account; its password is the first line of standard input, or with --invite, a link is printed.",
        discussion: """
            Roles: applicant (give --organisation, the ledger's id of the organisation they act for), finance-officer,
            commissioner. The password (12 characters to 72 bytes) is read from standard input, so that it is in no
            command line or shell history: printf '%s\\n' "$PASSWORD" | grants user add --email … --role …
            At a terminal it is asked for, and not shown as it is typed. With --invite, no password is asked for: a
            one-time link is printed, which the person opens within 7 days to choose their own.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The address they sign in with.")
    var email: String

    @Option(help: "applicant, finance-officer or commissioner.")
    var role: String

    @Option(help: "For an applicant: the organisation they act for, by its id in the ledger.")
    var organisation: String?

    @OptionGroup var invitation: InvitationOptions

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
        let password = invitation.invite ? nil : try PasswordInput.read()
        let token = InvitationOptions.token()
        let (account, expires) = try ledger.recording { (store, stamp) throws(WorkflowError) -> (Account, Timestamp?) in
            guard let password else {
                let (account, expires) = try Accounts.invite(
                    email: email, role: role, organisation: organisation, token: token, stamp: stamp, in: store)
                return (account, expires)
            }
            return (try Accounts.add(
                email: email, role: role, organisation: organisation, password: password, stamp: stamp, in: store), nil)
        }
        print(TerminalText.inert(
            "Added \(account.email) as \(account.role.rawValue)"
                + (account.organisation.map { " for \($0.rawValue)" } ?? "") + "."))
        if let expires { invitation.print(token, for: account.email, expires: expires) }
    }
}

/// `grants user invite`: a new one-time link for an account, to register with or to set a forgotten password.
struct UserInviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Print a one-time link with which the account's person sets a new password (within 7 days).",
        discussion: """
            Any earlier link of the account stops working. Setting the password ends the account's sessions; a locked
            account stays locked until `grants user unlock`.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The account's email.")
    var email: String

    @Option(help: "The web application's address as people reach it, such as https://grants.example.org; the link is printed on it.")
    var site: String?

    func run() throws {
        let token = InvitationOptions.token()
        let expires = try ledger.recording { (store, stamp) throws(WorkflowError) in
            try Invitations.invite(email: email, token: token, stamp: stamp, in: store)
        }
        InvitationOptions(invite: true, site: site).print(token, for: email, expires: expires)
    }
}

/// How `grants user add` makes and prints an invitation.
struct InvitationOptions: ParsableArguments {
    @Flag(help: "Print a one-time link with which the person chooses their password, instead of reading one.")
    var invite = false

    @Option(help: "With --invite: the web application's address as people reach it, such as https://grants.example.org.")
    var site: String?

    init() {}

    init(invite: Bool, site: String?) {
        self.invite = invite
        self.site = site
    }

    /// A link's token, from the system's random source (as the web draws a session's).
    static func token() -> SessionToken {
        var generator = SystemRandomNumberGenerator()
        return SessionToken(using: &generator)
    }

    func print(_ token: SessionToken, for email: String, expires: Timestamp) {
        let base = (site ?? "").hasSuffix("/") ? String((site ?? "").dropLast()) : (site ?? "")
        Swift.print(TerminalText.inert(
            "Invitation for \(email), to use once before \(expires.text): \(base)\(Invitations.path(token))"))
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

/// `grants user token`: tokens with which scripts use the JSON API as an account.
struct UserTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Make, list and revoke the tokens scripts use the JSON API with.",
        subcommands: [UserTokenAddCommand.self, UserTokenListCommand.self, UserTokenRevokeCommand.self])
}

/// `grants user token add`: a token for an account, printed once.
struct UserTokenAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make a token that acts as an account on the JSON API; it is printed once.",
        discussion: """
            A program sends it as `Authorization: Bearer grants_…`, and may do on the API what the account's role may
            (a commissioner's token downloads returns: GET /api/v1/returns/{year}). Only its SHA-256 is kept: keep the
            token where the program reads it, and revoke it (`grants user token revoke --id N`) when it is no longer
            needed or may have been seen.
            """)

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The account the token acts as.")
    var email: String

    @Option(help: "What the token is for, such as \"quarterly returns script\".")
    var name: String

    @Option(help: "How many days it lasts (1 to 366).")
    var days = 90

    func run() throws {
        var generator = SystemRandomNumberGenerator()
        let secret = SessionToken(using: &generator)
        let token = try ledger.recording { (store, stamp) throws(WorkflowError) in
            try APITokens.add(email: email, name: name, days: days, secret: secret, stamp: stamp, in: store)
        }
        print(TerminalText.inert("Token \(token.id) for \(email) (\(token.name)), until \(token.expires.text):"))
        print(APITokens.text(secret))
    }
}

/// `grants user token list`: every token, never its secret.
struct UserTokenListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the tokens.")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        let store = try ledger.openForReading()
        let tokens = try attempt { () throws(WorkflowError) in try APITokens.list(in: store) }
        guard !tokens.isEmpty else {
            print("No tokens.")
            return
        }
        var table = TextTable([
            ("Id", .right), ("Account", .left), ("For", .left), ("Made", .left), ("By", .left), ("Until", .left),
            ("Revoked", .left),
        ])
        for (token, email) in tokens {
            table.add([
                String(token.id), email, token.name, token.created.text, token.createdBy, token.expires.text,
                token.revoked?.text ?? "",
            ])
        }
        print(table.rendered(), terminator: "")
    }
}

/// `grants user token revoke`: a token stops working at once.
struct UserTokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token: it stops working.")

    @OptionGroup var ledger: LedgerOptions

    @Option(help: "The token's number, as `grants user token list` shows it.")
    var id: Int64

    func run() throws {
        try ledger.recording { (store, stamp) throws(WorkflowError) in try APITokens.revoke(id: id, stamp: stamp, in: store) }
        print("Revoked token \(id).")
    }
}
