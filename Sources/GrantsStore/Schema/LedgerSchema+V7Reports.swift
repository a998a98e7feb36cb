import GRDB

extension LedgerSchema {
    /// End-of-grant reports, which real schemes make a condition of the grant:
    /// - `monitoring_categories`: the equality monitoring categories a report may count people in, by dimension
    ///   (age band, gender, ethnic group, disability), each with "prefer not to say", as rows: a later migration adds
    ///   one with an INSERT;
    /// - `grant_reports`: appended, never edited: a recipient's report on an award, by whom and when, what was spent,
    ///   how many people the project reached, and what it did; a correction is a later report, and the latest is the
    ///   award's report;
    /// - `grant_report_outcomes`: for each priority of the plan the award addressed, the people reached and what came
    ///   of it;
    /// - `grant_report_monitoring`: how many of the people reached are in each category (none of a dimension need be
    ///   counted; every count is of people, so a dimension's counts never add up to more than the people reached).
    ///
    /// Shipped with release 7; never edit it: change the schema in a new migration.
    static func v7Reports(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE "monitoring_categories" (
              "dimension" TEXT NOT NULL CHECK ("dimension" IN ('age', 'gender', 'ethnicity', 'disability')),
              "category" TEXT NOT NULL CHECK (length("category") BETWEEN 1 AND 40 AND "category" NOT GLOB '*[^a-z0-9-]*'),
              "position" INTEGER NOT NULL,
              "label" TEXT NOT NULL CHECK (length("label") > 0),
              PRIMARY KEY ("dimension", "category")) STRICT;
            INSERT INTO "monitoring_categories" ("dimension", "category", "position", "label") VALUES
              ('age', '0-15', 1, 'Under 16'), ('age', '16-17', 2, '16 to 17'), ('age', '18-24', 3, '18 to 24'),
              ('age', '25-34', 4, '25 to 34'), ('age', '35-44', 5, '35 to 44'), ('age', '45-54', 6, '45 to 54'),
              ('age', '55-64', 7, '55 to 64'), ('age', '65-plus', 8, '65 and over'),
              ('age', 'prefer-not-to-say', 9, 'Prefer not to say'),
              ('gender', 'woman', 1, 'Woman'), ('gender', 'man', 2, 'Man'), ('gender', 'non-binary', 3, 'Non-binary'),
              ('gender', 'another-way', 4, 'In another way'), ('gender', 'prefer-not-to-say', 5, 'Prefer not to say'),
              ('ethnicity', 'asian', 1, 'Asian or Asian British'),
              ('ethnicity', 'black', 2, 'Black, Black British, Caribbean or African'),
              ('ethnicity', 'mixed', 3, 'Mixed or multiple ethnic groups'), ('ethnicity', 'white', 4, 'White'),
              ('ethnicity', 'other', 5, 'Another ethnic group'),
              ('ethnicity', 'prefer-not-to-say', 6, 'Prefer not to say'),
              ('disability', 'yes', 1, 'Disabled'), ('disability', 'no', 2, 'Not disabled'),
              ('disability', 'prefer-not-to-say', 3, 'Prefer not to say');
            CREATE TABLE "grant_reports" (
              "id" INTEGER PRIMARY KEY AUTOINCREMENT,
              "award_id" TEXT NOT NULL REFERENCES "awards"("id"),
              "account_id" INTEGER NOT NULL REFERENCES "accounts"("id"),
              "at" TEXT NOT NULL
                CHECK ("at" GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z'),
              "spent" INTEGER NOT NULL CHECK ("spent" >= 0),
              "people" INTEGER NOT NULL CHECK ("people" BETWEEN 0 AND 100000000),
              "summary" TEXT NOT NULL CHECK (length("summary") BETWEEN 1 AND 4000)) STRICT;
            CREATE INDEX "grant_reports_on_award" ON "grant_reports"("award_id", "id");
            CREATE TRIGGER grant_reports_within_award BEFORE INSERT ON grant_reports
            BEGIN
              SELECT RAISE(ABORT, 'a report cannot say more was spent than was awarded')
              WHERE NEW.spent > (SELECT amount FROM awards WHERE id = NEW.award_id);
            END;
            CREATE TABLE "grant_report_outcomes" (
              "report_id" INTEGER NOT NULL REFERENCES "grant_reports"("id"),
              "priority" TEXT NOT NULL CHECK (length("priority") BETWEEN 1 AND 64 AND "priority" NOT GLOB '*[^a-z0-9-]*'),
              "people" INTEGER NOT NULL CHECK ("people" >= 0),
              "outcome" TEXT NOT NULL CHECK (length("outcome") BETWEEN 1 AND 2000),
              PRIMARY KEY ("report_id", "priority")) STRICT;
            CREATE TRIGGER grant_report_outcomes_within_people BEFORE INSERT ON grant_report_outcomes
            BEGIN
              SELECT RAISE(ABORT, 'a priority cannot have reached more people than the project did')
              WHERE NEW.people > (SELECT people FROM grant_reports WHERE id = NEW.report_id);
            END;
            CREATE TABLE "grant_report_monitoring" (
              "report_id" INTEGER NOT NULL REFERENCES "grant_reports"("id"),
              "dimension" TEXT NOT NULL,
              "category" TEXT NOT NULL,
              "people" INTEGER NOT NULL CHECK ("people" > 0),
              PRIMARY KEY ("report_id", "dimension", "category"),
              FOREIGN KEY ("dimension", "category") REFERENCES "monitoring_categories"("dimension", "category")) STRICT;
            CREATE TRIGGER grant_report_monitoring_within_people BEFORE INSERT ON grant_report_monitoring
            BEGIN
              SELECT RAISE(ABORT, 'a dimension''s counts cannot add up to more people than the project reached')
              WHERE NEW.people + coalesce((SELECT sum(people) FROM grant_report_monitoring
                                           WHERE report_id = NEW.report_id AND dimension = NEW.dimension), 0)
                > (SELECT people FROM grant_reports WHERE id = NEW.report_id);
            END;
            CREATE TRIGGER monitoring_categories_never_updated BEFORE UPDATE ON monitoring_categories
            BEGIN SELECT RAISE(ABORT, 'monitoring categories are never edited'); END;
            CREATE TRIGGER monitoring_categories_never_deleted BEFORE DELETE ON monitoring_categories
            BEGIN SELECT RAISE(ABORT, 'monitoring categories are never deleted'); END;
            CREATE TRIGGER grant_reports_never_updated BEFORE UPDATE ON grant_reports
            BEGIN SELECT RAISE(ABORT, 'a report is never edited: send a corrected one'); END;
            CREATE TRIGGER grant_reports_never_deleted BEFORE DELETE ON grant_reports
            BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;
            CREATE TRIGGER grant_report_outcomes_never_updated BEFORE UPDATE ON grant_report_outcomes
            BEGIN SELECT RAISE(ABORT, 'a report is never edited: send a corrected one'); END;
            CREATE TRIGGER grant_report_outcomes_never_deleted BEFORE DELETE ON grant_report_outcomes
            BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;
            CREATE TRIGGER grant_report_monitoring_never_updated BEFORE UPDATE ON grant_report_monitoring
            BEGIN SELECT RAISE(ABORT, 'a report is never edited: send a corrected one'); END;
            CREATE TRIGGER grant_report_monitoring_never_deleted BEFORE DELETE ON grant_report_monitoring
            BEGIN SELECT RAISE(ABORT, 'reports are never deleted'); END;
            """)
    }
}
