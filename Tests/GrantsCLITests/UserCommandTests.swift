import Foundation
import GrantsCore
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import Testing

/// `grants user` run as the built binary: the password comes from standard input and is never printed.
@Suite struct UserCommandTests {
    private static let base = TemplateFolder("a ledger for accounts") { folder in
        try GrantsBinary.make(["init"], in: folder, stdout: "Created an empty ledger at grants.sqlite.\n")
        try Data(Fixtures.base.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("base.yaml"))
        try GrantsBinary.make(["import", "base.yaml"], in: folder,
                              stdout: "Recorded 8 entries: 5 organisations, 2 funds, 1 allocation.\n")
    }

    @Test func addDisableAndListAccounts() async throws {
        let folder = try Self.base.copy()
        let password = "correct horse battery staple"
        let added = try await GrantsBinary.run(
            ["user", "add", "--email", "Group@Example.org", "--role", "applicant", "--organisation", "360G-Test-ORG-0001"],
            in: folder.path, input: password + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout == "Added group@example.org as applicant for 360G-Test-ORG-0001.\n")
        let officer = try await GrantsBinary.run(
            ["user", "add", "--email", "officer@example.org", "--role", "finance-officer"], in: folder.path,
            input: password + "\n")
        #expect(officer.status == 0, "\(officer.stderr)")
        let disabled = try await GrantsBinary.run(["user", "disable", "--email", "group@example.org"], in: folder.path)
        #expect(disabled.status == 0 && disabled.stdout == "Disabled group@example.org.\n")
        let list = try await GrantsBinary.run(["user", "list"], in: folder.path)
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines.count == 4 && lines[2].hasPrefix("group@example.org") && lines[2].contains("disabled"))
        #expect(lines.count == 4 && lines[3].hasPrefix("officer@example.org") && lines[3].contains("enabled"))
        #expect(lines.allSatisfy { $0.contains("tester") || !$0.contains("@") })
        for result in [added, officer, disabled, list] {
            #expect(!result.stdout.contains(password) && !result.stderr.contains(password))
        }
        // The password is kept as a bcrypt hash at cost 12, nowhere as given.
        let ledger = try Ledger(path: folder.path + "/grants.sqlite", mode: .readOnly)
        let group = try #require(try ledger.account(email: "group@example.org"))
        #expect(try ledger.passwordHash(account: group.id)?.hasPrefix("$2b$12$") == true)
        let file = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/grants.sqlite"))
        #expect(file.range(of: Data(password.utf8)) == nil)
    }

    /// With --invite, no password is read: a one-time link is printed, whose token the ledger keeps only as a hash;
    /// `grants user invite` makes a new one, and the first stops working.
    @Test func anInvitationIsPrintedInsteadOfAPasswordBeingRead() async throws {
        let folder = try Self.base.copy()
        let added = try await GrantsBinary.run(
            ["user", "add", "--email", "group@example.org", "--role", "applicant", "--organisation", "360G-Test-ORG-0001",
             "--invite", "--site", "https://grants.example.org/"],
            in: folder.path)
        #expect(added.status == 0, "\(added.stderr)")
        let lines = added.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Added group@example.org as applicant for 360G-Test-ORG-0001.")
        let link = try #require(lines.last?.split(separator: " ").last.map(String.init))
        #expect(link.hasPrefix("https://grants.example.org/register/") && link.count == 36 + 43)
        #expect(lines.last?.contains("to use once before") == true)
        let token = try #require(SessionToken(cookie: String(link.suffix(43))))
        let ledger = try Ledger(path: folder.path + "/grants.sqlite", mode: .readOnly)
        let first = try #require(try ledger.invitation(tokenHash: token.hash))
        #expect(first.used == nil && first.newest)
        let group = try #require(try ledger.account(email: "group@example.org"))
        #expect(try ledger.passwordHash(account: group.id) == nil)
        let file = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/grants.sqlite"))
        #expect(file.range(of: Data(token.text.utf8)) == nil)

        let again = try await GrantsBinary.run(["user", "invite", "--email", "group@example.org"], in: folder.path)
        #expect(again.status == 0 && again.stdout.contains(" /register/"), "\(again.stderr)")
        #expect(try ledger.invitation(tokenHash: token.hash)?.newest == false)
        let nobody = try await GrantsBinary.run(["user", "invite", "--email", "nobody@example.org"], in: folder.path)
        #expect(nobody.status == 65 && nobody.stdout.isEmpty)
    }

    /// A token is printed once; the ledger keeps its hash; the list shows what each is for; revoking one stops it.
    @Test func tokensAreMadeListedAndRevoked() async throws {
        let folder = try Self.base.copy()
        let added = try await GrantsBinary.run(
            ["user", "add", "--email", "c@example.org", "--role", "commissioner"], in: folder.path,
            input: "correct horse battery staple\n")
        #expect(added.status == 0, "\(added.stderr)")
        let made = try await GrantsBinary.run(
            ["user", "token", "add", "--email", "c@example.org", "--name", "quarterly returns", "--days", "30"],
            in: folder.path)
        #expect(made.status == 0, "\(made.stderr)")
        let lines = made.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Token 1 for c@example.org (quarterly returns), until ") == true)
        let text = try #require(lines.last)
        #expect(text.hasPrefix("grants_") && text.count == 7 + 43)
        let file = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/grants.sqlite"))
        #expect(file.range(of: Data(text.utf8)) == nil)
        let list = try await GrantsBinary.run(["user", "token", "list"], in: folder.path)
        #expect(list.status == 0 && list.stdout.contains("quarterly returns") && !list.stdout.contains(text))
        let revoked = try await GrantsBinary.run(["user", "token", "revoke", "--id", "1"], in: folder.path)
        #expect(revoked.status == 0 && revoked.stdout == "Revoked token 1.\n")
        let again = try await GrantsBinary.run(["user", "token", "revoke", "--id", "1"], in: folder.path)
        #expect(again.status == 65 && again.stderr.contains("revoked already"))
        let long = try await GrantsBinary.run(
            ["user", "token", "add", "--email", "c@example.org", "--name", "x", "--days", "999"], in: folder.path)
        #expect(long.status == 64 && long.stdout.isEmpty)
    }

    @Test func refusalsExitWithTheirCodesAndChangeNothing() async throws {
        let folder = try Self.base.copy()
        let noPassword = try await GrantsBinary.run(
            ["user", "add", "--email", "a@example.org", "--role", "commissioner"], in: folder.path)
        #expect(noPassword.status == 64 && noPassword.stderr.contains("no password on standard input"))
        let short = try await GrantsBinary.run(
            ["user", "add", "--email", "a@example.org", "--role", "commissioner"], in: folder.path, input: "short\n")
        #expect(short.status == 64 && short.stderr.contains("at least 12"))
        let unknown = try await GrantsBinary.run(
            ["user", "add", "--email", "a@example.org", "--role", "applicant", "--organisation", "360G-Test-NOPE"],
            in: folder.path, input: "correct horse battery staple\n")
        #expect(unknown.status == 65 && unknown.stderr.contains("no organisation 360G-Test-NOPE"))
        let nobody = try await GrantsBinary.run(["user", "disable", "--email", "nobody@example.org"], in: folder.path)
        #expect(nobody.status == 65 && nobody.stderr.contains("there is no account for nobody@example.org"))
        let notUTF8 = try await GrantsBinary.run(
            ["user", "add", "--email", "a@example.org", "--role", "commissioner"], in: folder.path,
            inputBytes: Array("twelve chars ".utf8) + [0xC3, 0x28, 0x0A])
        #expect(notUTF8.status == 64 && notUTF8.stderr.contains("not UTF-8"))
        let unlock = try await GrantsBinary.run(["user", "unlock", "--email", "nobody@example.org"], in: folder.path)
        #expect(unlock.status == 65)
        let log = try await GrantsBinary.run(["user", "log"], in: folder.path)
        #expect(log.status == 0 && log.stdout == "No sign-ins yet.\n")
        let list = try await GrantsBinary.run(["user", "list"], in: folder.path)
        #expect(list.stdout == "No accounts.\n")
    }
}
