import GRDB

extension LedgerSchema {
    /// What publishing needs beyond the money, in tables of their own so that the tables `v1-ledger` made stay as
    /// they shipped:
    /// - `organisation_publication`: an organisation that is sensitive (a refuge, a domestic-abuse service), and the
    ///   name files for the public give it instead of its own;
    /// - `award_register`: an award's purpose, the reasons it was expected to reduce crime and disorder, and its
    ///   conditions, for the commissioner's grant register.
    /// A row exists only where there is something to say; like every ledger entry, it is never edited or deleted.
    ///
    /// Shipped with release 3; never edit it: change the schema in a new migration.
    static func v3Publication(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "organisation_publication" (
              "organisation_id" TEXT PRIMARY KEY NOT NULL REFERENCES "organisations"("id"),
              "sensitive" INTEGER NOT NULL CHECK ("sensitive" IN (0, 1)),
              "published_as" TEXT,
              CHECK ("sensitive" = 0 OR "published_as" IS NOT NULL)) STRICT;
            CREATE TABLE "award_register" (
              "award_id" TEXT PRIMARY KEY NOT NULL REFERENCES "awards"("id"),
              "purpose" TEXT, "reasons" TEXT, "conditions" TEXT) STRICT;
            CREATE TRIGGER organisation_publication_never_updated BEFORE UPDATE ON organisation_publication
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER organisation_publication_never_deleted BEFORE DELETE ON organisation_publication
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            CREATE TRIGGER award_register_never_updated BEFORE UPDATE ON award_register
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never edited: record a correction instead'); END;
            CREATE TRIGGER award_register_never_deleted BEFORE DELETE ON award_register
            BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: record a correction instead'); END;
            """)
    }
}
