import ArgumentParser
import GrantsStore

/// `grants init`: creates an empty ledger, or brings an existing one's schema up to date.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty ledger (or bring an existing one up to date).")

    @OptionGroup var ledger: LedgerOptions

    func run() throws {
        if LedgerOptions.isServer(ledger.path) {
            let opened = try ledger.open(create: true)
            print("The ledger at \(opened.location) is ready: created, or brought up to date.")
            return
        }
        let existed = Ledger.exists(at: ledger.path)
        _ = try ledger.open(create: true)
        print(existed ? "The ledger at \(ledger.path) is up to date." : "Created an empty ledger at \(ledger.path).")
    }
}
