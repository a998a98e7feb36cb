#if GRANTS_WEB
import ArgumentParser
import GrantsCore
import GrantsStore
import GrantsWeb
import GrantsWorkflows
import Hummingbird
import Foundation
import Logging
import Synchronization

/// `grants serve`: the web application, until SIGTERM or Ctrl-C (which let requests in flight finish).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web application: scheme pages, the bid checker and the JSON API.",
        discussion: """
            Serves the ledger at --db ($GRANTS_DB, else ./grants.sqlite when there is one), a file or a PostgreSQL
            database (postgres://user@host:port/dbname): its accounts sign in (add them with `grants user add`), and
            sessions and sign-ins are recorded in it. Without a ledger only the public pages are served, and the rules
            that read the ledger say they cannot tell. --demo serves a fresh copy of the Samples ledger instead (run from
            the project's folder), in memory, or written into the empty ledger that --db names, with three accounts: applicant@example.org (for
            Chorley Allotment Watch, 360G-LancashirePCC-ORG-0006, whose bid was declined), officer@example.org and
            commissioner@example.org, whose password is $GRANTS_DEMO_PASSWORD, else one made up and printed, and
            newcomer@example.org (for South Ribble Borough Council), with no password yet and a one-time link printed
            to choose one; and a token for the commissioner's scripts, printed; its clock starts at 2018-01-10 09:00 UTC, in the Samples' year, and SIGUSR1 moves it on 30
            days. Stops cleanly on SIGTERM or SIGINT.
            """)

    @Option(help: "The ledger to read (default: $GRANTS_DB, else ./grants.sqlite if it exists).")
    var db: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Flag(help: "Serve a fresh copy of the Samples ledger: in memory, or in the empty ledger --db names.")
    var demo = false

    @Flag(help: "People reach the server over HTTPS, through a TLS proxy: cookies are Secure and HSTS is sent.")
    var behindTLS = false

    @Flag(help: "The proxy in front appends the client's address to X-Forwarded-For: trust its last entry.")
    var trustForwardedFor = false

    @Option(help: "Seconds a connection may wait for a request's headers, or stay open between requests.")
    var idleTimeout = 60

    @Option(help: "Seconds a request's body may take to arrive (a slower one is answered 408).")
    var requestTimeout = 30

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        guard (1...3_600).contains(idleTimeout) else { throw ValidationError("--idle-timeout must be 1 to 3600 seconds") }
        guard (1...3_600).contains(requestTimeout) else {
            throw ValidationError("--request-timeout must be 1 to 3600 seconds")
        }
        // The demo's accounts share one password, printed: never on an address others can reach.
        if demo && !["127.0.0.1", "::1", "localhost"].contains(host) {
            throw ValidationError("--demo serves on 127.0.0.1, ::1 or localhost only: its accounts' password is printed")
        }
    }

    func run() async throws {
        let clock = demo ? Self.demoClock() : Site.systemClock
        let store = try openStore(clock: clock)
        let settings = Site.Settings(
            behindTLS: behindTLS, idleTimeout: .seconds(idleTimeout), requestTimeout: .seconds(requestTimeout),
            trustForwardedFor: trustForwardedFor)
        let site = try attempt { () throws(WorkflowError) in
            try Site(store: store, accounts: store, settings: settings, clock: clock)
        }
        var logger = Logger(label: "grants.web")
        logger.logLevel = .info
        let application = site.application(host: host, port: port, logger: logger)
        print("grants: serving http://\(host):\(port)/ (Ctrl-C to stop)")
        try await application.runService()
    }

    /// The demo's clock: it starts at 2018-01-10T09:00:00Z, in the Samples' financial year, and runs from there, so
    /// that claims and payments made in the demo fall in that year. SIGUSR1 moves it on 30 days, so that a grant
    /// awarded in the demo can be claimed on in arrears (`kill -USR1 <pid>`); nothing else moves it.
    static func demoClock() -> @Sendable () -> Timestamp {
        let started = Site.systemClock().secondsSinceEpoch
        let demoStart: Int64 = 1_515_574_800  // 2018-01-10T09:00:00Z
        let skipped = Mutex<Int64>(0)
        let now: @Sendable () -> Timestamp = {
            let seconds = Site.systemClock().secondsSinceEpoch
            return Timestamp(secondsSinceEpoch: demoStart + skipped.withLock { $0 } + max(0, seconds - started))
                ?? Site.systemClock()
        }
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler {
            skipped.withLock { $0 += 30 * 24 * 60 * 60 }
            print("grants: the demo's clock moved on 30 days, to \(now().text)")
            fflush(nil)
        }
        source.resume()
        let kept = SignalSource(source)
        return { withExtendedLifetime(kept) { now() } }
    }

    /// A signal source, kept as long as the clock that holds it (Dispatch's sources may be used from any thread).
    private final class SignalSource: @unchecked Sendable {
        let source: any DispatchSourceSignal
        init(_ source: any DispatchSourceSignal) { self.source = source }
    }

    private func openStore(clock: @Sendable () -> Timestamp) throws(ExitCode) -> Ledger? {
        if demo {
            do {
                let ledger = try demoLedger()
                let inputs = SampleDemo.Inputs(
                    samples: "Samples/lancashire-2017-18", bids: "Samples/bids-2017-18",
                    formula: "Samples/formulas/csp-2018-19-weighted.yaml")
                _ = try attempt { () throws(WorkflowError) in try SampleDemo.run(inputs, in: ledger) }
                try addDemoAccounts(to: ledger, at: clock())
                return ledger
            } catch let error as ExitCode {
                throw error
            } catch {
                throw failure(WorkflowError(.io, "cannot make the demo ledger: \(error)"))
            }
        }
        let path = LedgerOptions.named(db)
        let chosen = path ?? "grants.sqlite"
        guard LedgerOptions.exists(chosen) else {
            if path != nil { throw failure(WorkflowError(.io, "no ledger at \(chosen)")) }
            return nil
        }
        do {
            // Opened to write: sign-ins, sessions and (for the office) the ledger's entries are recorded in it.
            return try LedgerOptions.open(chosen, .readWrite)
        } catch {
            throw failure(error)
        }
    }

    /// Where the demo is built: in memory, or in the ledger `--db` names (a PostgreSQL database, say), which must be
    /// empty: the demo never writes into a ledger in use.
    private func demoLedger() throws -> Ledger {
        guard let location = db else { return try Ledger() }
        // Looked at before anything is written: a ledger file in use is not even brought up to date.
        if LedgerOptions.isServer(location) || Ledger.exists(at: location) {
            let existing = try LedgerOptions.open(location, LedgerOptions.isServer(location) ? .create : .readOnly)
            guard try existing.isEmpty() else {
                throw failure(WorkflowError(
                    .usage,
                    "--demo builds its ledger into an empty one; \(existing.location) holds a ledger already (or a "
                        + "demo that failed part way): name a new file or an empty database"))
            }
        }
        return try LedgerOptions.open(location, .create)
    }

    /// The demo's three accounts, one of each role, with `$GRANTS_DEMO_PASSWORD` or a password made up and printed.
    private func addDemoAccounts(to ledger: Ledger, at: Timestamp) throws {
        let given = ProcessInfo.processInfo.environment["GRANTS_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        let text = given ?? {
            var generator = SystemRandomNumberGenerator()
            let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")
            return String((0..<20).map { _ in letters[Int(generator.next() % UInt64(letters.count))] })
        }()
        let stamp = Stamp(actor: "grants serve --demo", at: at)
        let password: Password
        do {
            password = try Password(text)
        } catch {
            throw failure(WorkflowError(.usage, "GRANTS_DEMO_PASSWORD: \(error)"))
        }
        let people: [(String, String, String?)] = [
            ("applicant@example.org", "applicant", "360G-LancashirePCC-ORG-0006"),
            ("officer@example.org", "finance-officer", nil), ("commissioner@example.org", "commissioner", nil),
        ]
        for (email, role, organisation) in people {
            _ = try attempt { () throws(WorkflowError) in
                try Accounts.add(
                    email: email, role: role, organisation: organisation, password: password, stamp: stamp, in: ledger)
            }
        }
        print("grants: demo accounts \(people.map(\.0).joined(separator: ", "))"
            + (given == nil ? ", password \(text)" : ", password from $GRANTS_DEMO_PASSWORD"))
        try inviteNewcomer(to: ledger, stamp: stamp)
    }

    /// A person at South Ribble Borough Council, a member of South Ribble's partnership, with an account that has no
    /// password yet and a link to choose one, printed: the journey of someone registering, then bidding for a share
    /// of their partnership's allocation.
    private func inviteNewcomer(to ledger: Ledger, stamp: Stamp) throws {
        let token = InvitationOptions.token()
        _ = try attempt { () throws(WorkflowError) in
            try Accounts.invite(
                email: "newcomer@example.org", role: "applicant", organisation: "GB-LAE-SRI", token: token, stamp: stamp,
                in: ledger)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        print("grants: demo invitation for newcomer@example.org (South Ribble Borough Council): "
            + "http://\(shownHost):\(port)\(Invitations.path(token))")
        // And a script's token for the commissioner, for the JSON API's returns.
        var generator = SystemRandomNumberGenerator()
        let secret = SessionToken(using: &generator)
        _ = try attempt { () throws(WorkflowError) in
            try APITokens.add(
                email: "commissioner@example.org", name: "demo script", days: APITokens.longestDays, secret: secret,
                stamp: stamp, in: ledger)
        }
        print("grants: demo token for commissioner@example.org: \(APITokens.text(secret))")
        // Out now, whatever standard output is: a script starting the demo reads the link while the server runs.
        fflush(nil)
    }
}
#endif
