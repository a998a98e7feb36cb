// Writes per second under load, SQLite and PostgreSQL side by side, in one run:
// `swift run -c release grants-load postgres://user@host:port [clients] [seconds]` (a server whose user may create
// databases; 32 clients for 10 seconds by default). Each client awards, claims and pays on three allocations of one
// fund, a thousand times the tests' so that none fills (GrantsTestSupport's LoadRun); the figures are what the ledger accepted, and each run is checked afterwards:
// the ledger reconciles and holds exactly what the clients were told was accepted.
import Foundation
import GrantsCore
import GrantsPostgres
import GrantsStore
import GrantsTestSupport

let arguments = CommandLine.arguments.dropFirst()
guard let server = arguments.first, PostgresServer.isURL(server) else {
    FileHandle.standardError.write(Data("usage: grants-load postgres://user@host:port [clients] [seconds]\n".utf8))
    exit(64)
}
let clients = arguments.dropFirst().first.flatMap { Int($0) } ?? 32
let seconds = arguments.dropFirst(2).first.flatMap { Double($0) } ?? 10

func measure(_ name: String, _ ledger: Ledger) throws -> LoadRun.Outcome {
    // Room for far more than the clients can award in the time: the figures are writes, not refusals of a full
    // allocation.
    try LoadRun.prepare(ledger, room: 1_000)
    let before = try ledger.history().count
    let outcome = try LoadRun(clients: clients, seconds: seconds).run(on: ledger)
    let whole = try ledger.reconcile().balances && ledger.history().count == before + outcome.writes
        && outcome.failures.isEmpty
    print(
        name.padding(toLength: 12, withPad: " ", startingAt: 0)
            + String(format: "%8d %8d %8d %8d %10.1f %8d  %@", outcome.writes, outcome.awards, outcome.claims,
                     outcome.payments, outcome.writesPerSecond, outcome.full, whole ? "yes" : "NO"))
    if !whole { print("  failures: \(outcome.failures.prefix(3))") }
    return outcome
}

do {
    let folder = try TemporaryFolder()
    print("\(clients) clients for \(Int(seconds)) s each, awarding, claiming and paying on 3 allocations")
    print("store          writes   awards   claims payments   writes/s     full  reconciles")
    let sqlite = try measure("SQLite", try Ledger(path: folder.file("load.sqlite")))
    let database = "grants_load_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try PostgresServer.createDatabase(database, on: server)
    let postgres = try measure("PostgreSQL", try Ledger.postgres(url: server + "/" + database))
    print(String(format: "PostgreSQL / SQLite: %.2f", postgres.writesPerSecond / max(sqlite.writesPerSecond, 1)))
} catch {
    FileHandle.standardError.write(Data("grants-load: \(error)\n".utf8))
    exit(74)
}
