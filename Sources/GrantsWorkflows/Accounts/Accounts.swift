import Foundation
import GrantsCore
import HummingbirdBcrypt

/// The administrator's work on the accounts of the people who sign in to the web application: add one (with its
/// first password, hashed with bcrypt), disable or enable one, unlock one, list them. Run from the command line on
/// the machine that holds the ledger; the web application has no page for it.
public enum Accounts {
    /// bcrypt's cost: 2¹² rounds, about a quarter of a second a hash on this machine.
    public static let cost: UInt8 = 12

    /// Adds an account, refusing an email that is not one, a role there is not, an applicant without an
    /// organisation (or anyone else with one), an organisation not in the ledger, an email that has an account
    /// already, and a password that `Password` refuses. With no password, the account cannot sign in until its
    /// person sets one through an invitation (`Invitations`).
    public static func add(
        email: String, role: String, organisation: String?, password: Password?, stamp: Stamp,
        in store: any AccountStore, cost: UInt8 = cost
    ) throws(WorkflowError) -> Account {
        let (address, role, organisationID) = try identity(email: email, role: role, organisation: organisation)
        let hash = password.map { Bcrypt.hash($0.text, cost: cost) }
        return try reading { () throws(LedgerError) in
            try store.addAccount(
                email: address.text, role: role, organisation: organisationID, passwordHash: hash, invitation: nil,
                at: stamp.at, by: stamp.actor)
        }
    }

    /// Adds an account with no password and an invitation whose token is `token` (see `Invitations`), in one
    /// transaction, refused as `add` refuses one; returns it and when the invitation expires.
    public static func invite(
        email: String, role: String, organisation: String?, token: SessionToken, stamp: Stamp, in store: any AccountStore
    ) throws(WorkflowError) -> (account: Account, expires: Timestamp) {
        let (address, role, organisationID) = try identity(email: email, role: role, organisation: organisation)
        let expires = try Invitations.expiry(from: stamp.at)
        let account = try reading { () throws(LedgerError) in
            try store.addAccount(
                email: address.text, role: role, organisation: organisationID, passwordHash: nil,
                invitation: (token.hash, expires), at: stamp.at, by: stamp.actor)
        }
        return (account, expires)
    }

    /// The email, role and organisation of a new account, each refused (usage) when it is not one.
    private static func identity(email: String, role: String, organisation: String?) throws(WorkflowError)
        -> (EmailAddress, Role, OrganisationID?)
    {
        let address = try EmailAddress(email, field: "--email")
        guard let role = Role(rawValue: role) else {
            throw .usage(
                "--role: \(role) is not a role; expected one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let organisationID: OrganisationID?
        switch (role, organisation) {
        case (.applicant, nil):
            throw .usage("--organisation: an applicant acts for an organisation; give its id, as the ledger has it")
        case (.applicant, let text?):
            do {
                organisationID = try OrganisationID(parsing: text)
            } catch {
                throw .usage("--organisation: \(text) is not an organisation id: \(error)")
            }
        case (_, nil): organisationID = nil
        case (_, _?):
            throw .usage("--organisation: only an applicant acts for an organisation; a \(role.rawValue) does not")
        }
        return (address, role, organisationID)
    }

    /// What an administrator may do to an account from the command line.
    public enum Change: String, Sendable, CaseIterable {
        case disable, enable, unlock

        var event: AccountEvent {
            switch self {
            case .disable: .disabled
            case .enable: .enabled
            case .unlock: .unlocked
            }
        }
    }

    /// Disables, enables or unlocks the account for `email`; disabling it ends its sessions.
    @discardableResult
    public static func change(_ change: Change, email: String, stamp: Stamp, in store: any AccountStore)
        throws(WorkflowError) -> Account
    {
        let account = try account(email, in: store)
        try reading { () throws(LedgerError) in
            try store.recordAccountEvent(change.event, account: account.id, at: stamp.at, by: stamp.actor)
        }
        return try self.account(email, in: store)
    }

    /// Every account, by email.
    public static func list(in store: any AccountStore) throws(WorkflowError) -> [Account] {
        try reading { () throws(LedgerError) in try store.accounts() }
    }

    /// The sign-in log, newest first.
    public static func signInLog(limit: Int, in store: any AccountStore) throws(WorkflowError) -> [SignInRecord] {
        try reading { () throws(LedgerError) in try store.signInLog(limit: limit) }
    }

    static func account(_ email: String, in store: any AccountStore) throws(WorkflowError) -> Account {
        let address = try EmailAddress(email, field: "--email")
        guard let account = try reading({ () throws(LedgerError) in try store.account(email: address.text) }) else {
            throw .badData("--email: there is no account for \(address.text)")
        }
        return account
    }
}

/// An email address as the accounts keep it: printable ASCII (no spaces), in lower case, one `@` between a name
/// and a domain with a dot, at most 254 bytes. One reading for every place an email is typed: adding an account,
/// changing one, signing in.
public struct EmailAddress: Hashable, Sendable {
    public let text: String

    /// The address `typed` stands for, spaces around it trimmed; refused (usage, naming `field`) when it is not one.
    public init(_ typed: String, field: String) throws(WorkflowError) {
        guard let address = EmailAddress(typed) else {
            throw .usage("\(field): \(Self.shown(typed)) is not an email address; expected one like name@example.org")
        }
        self = address
    }

    /// The address `typed` stands for, or nil.
    public init?(_ typed: String) {
        let scalars = Array(typed.unicodeScalars.drop { $0 == " " || $0 == "\t" })
        let trimmed = scalars.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        guard (3...254).contains(trimmed.count), trimmed.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            return nil
        }
        let address = String(String.UnicodeScalarView(trimmed)).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
              !parts[1].hasSuffix("."), !parts[1].contains("..")
        else { return nil }
        text = address
    }

    /// Typed text as a message may show it: at most 80 characters, controls as `?`.
    static func shown(_ typed: String) -> String {
        let visible = typed.unicodeScalars.prefix(80).map { $0.properties.generalCategory == .control ? "?" : Character($0) }
        return String(visible) + (typed.unicodeScalars.count > 80 ? "…" : "")
    }
}

/// A password as it is hashed and checked: valid UTF-8, in Unicode's composed form (NFC, so that "é" typed as one
/// character or as "e" and an accent is the same password), no control characters, 12 to 72 bytes (bcrypt reads
/// 72 and ignores the rest, so a longer one would be taken for its start). The same reading when it is set and when
/// it is checked.
public struct Password: Sendable {
    /// The shortest password taken, in characters (the NCSC's advice: length, not rules about kinds of character).
    public static let shortest = 12
    /// The longest, in bytes of UTF-8.
    public static let longest = 72

    /// The normalised text, as it is hashed.
    let text: String

    /// Why a password is refused, in words that name no field.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case notUTF8
        case control
        case tooShort(Int)
        case tooLong(Int)

        public var description: String {
            switch self {
            case .notUTF8: "the password is not UTF-8 text"
            case .control: "the password holds a control character (a line break or a tab, say); give it on one line"
            case .tooShort(let count): "the password is \(count) characters; it must be at least \(Password.shortest)"
            case .tooLong(let bytes):
                "the password is \(bytes) bytes; it must be at most \(Password.longest) (bcrypt reads no more)"
            }
        }
    }

    /// The password in `bytes`, refused when they are not UTF-8 (never read with replacement characters).
    public init(bytes: some Collection<UInt8>) throws(Refusal) {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        try self.init(text)
    }

    public init(_ typed: String) throws(Refusal) {
        let text = typed.precomposedStringWithCanonicalMapping
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) { throw .control }
        if text.count < Self.shortest { throw .tooShort(text.count) }
        if text.utf8.count > Self.longest { throw .tooLong(text.utf8.count) }
        self.text = text
    }
}
