// Shipped migrations never change. A migration that has been released has run, once, on ledgers people keep:
// editing it changes nothing in those files but makes every new ledger differ from them. Each one is literal SQL
// that reads no application type or shared value, so that changing the code around it cannot change it either.
// Every change to the schema is a new migration, appended below the last, with its own file.
// (GRDB, Documentation.docc/Migrations.md: "migrations that never depend on application types".)

import GRDB

/// The ledger's migrations, oldest first.
enum LedgerSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-ledger", migrate: v1Ledger)
        migrator.registerMigration("v2-award-states", migrate: v2AwardStates)
        migrator.registerMigration("v3-publication", migrate: v3Publication)
        migrator.registerMigration("v4-balances", migrate: v4Balances)
        migrator.registerMigration("v5-accounts", migrate: v5Accounts)
        migrator.registerMigration("v6-submissions", migrate: v6Submissions)
        migrator.registerMigration("v7-reports", migrate: v7Reports)
        migrator.registerMigration("v8-api-tokens", migrate: v8APITokens)
        return migrator
    }
}
